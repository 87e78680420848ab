import PortalCore

/// Files and samples an importer hands to the catalog in one transaction.
public struct ImportBatch: Sendable {
  /// A file seen for the first time (or changed): its row and its samples, whose
  /// `fileID` and `versionID` the catalog fills in.
  public struct NewFile: Sendable {
    public var file: SourceFile
    public var samples: [Sample]

    public init(file: SourceFile, samples: [Sample]) {
      self.file = file
      self.samples = samples
    }
  }

  /// An unchanged file from the parent version: its samples are copied by SQL,
  /// renumbered from `ordinalBase`.
  public struct ReusedFile: Sendable {
    public var fileID: Int64
    public var fromVersionID: Int64
    public var ordinalBase: Int

    public init(fileID: Int64, fromVersionID: Int64, ordinalBase: Int) {
      self.fileID = fileID
      self.fromVersionID = fromVersionID
      self.ordinalBase = ordinalBase
    }
  }

  public var newFiles: [NewFile] = []
  public var reusedFiles: [ReusedFile] = []
  /// Samples of a file already inserted by an earlier batch (a large file streamed
  /// in several batches).
  public var moreSamples: [Sample] = []
  /// The file `moreSamples` belong to; nil when each sample names its own.
  public var moreSamplesFileID: Int64?

  public init() {}

  /// Whether there is anything to write.
  public var isEmpty: Bool { newFiles.isEmpty && reusedFiles.isEmpty && moreSamples.isEmpty }
}
