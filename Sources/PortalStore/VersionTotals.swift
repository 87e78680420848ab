import PortalCore

/// What a staging version holds, counted by the importer as it wrote the samples, so
/// publishing need not read them all again (a pass over 1.2 M samples took 0.15 s of
/// the import's critical path).
public struct VersionTotals: Sendable, Equatable {
  /// Samples in the version.
  public var samples: Int
  /// The sum of the samples' byte lengths.
  public var bytes: Int64
  /// The samples' media types.
  public var mediaTypes: Set<MediaType>

  /// Creates totals.
  public init(samples: Int = 0, bytes: Int64 = 0, mediaTypes: Set<MediaType> = []) {
    self.samples = samples
    self.bytes = bytes
    self.mediaTypes = mediaTypes
  }
}
