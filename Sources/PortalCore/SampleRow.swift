/// A sample as a list row: the sample and where its bytes are.
public struct SampleRow: Sendable, Equatable, Codable {
  public var sample: Sample
  /// Absolute path of the file holding the sample.
  public var path: String
  /// Path relative to the import root, as shown to people.
  public var relativePath: String

  public init(sample: Sample, path: String, relativePath: String) {
    self.sample = sample
    self.path = path
    self.relativePath = relativePath
  }
}
