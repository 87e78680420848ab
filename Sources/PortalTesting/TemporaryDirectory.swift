import Foundation

/// A fresh directory under the system's temporary directory, removed on `remove()`.
public struct TemporaryDirectory: Sendable {
  public let url: URL

  /// Creates `…/portal-tests-<label>-<uuid>`.
  public init(_ label: String = "test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-tests-\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  public var path: String { url.path }

  /// A path inside the directory.
  public func appending(_ component: String) -> URL { url.appendingPathComponent(component) }

  /// Writes `text` to `relativePath`, creating directories on the way.
  @discardableResult
  public func write(_ text: String, to relativePath: String) throws -> URL {
    try write(Data(text.utf8), to: relativePath)
  }

  /// Writes `data` to `relativePath`, creating directories on the way.
  @discardableResult
  public func write(_ data: Data, to relativePath: String) throws -> URL {
    let target = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: target)
    return target
  }

  /// Deletes the directory and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
