import PortalCore
import Synchronization

/// How `PortalSession.exportDataset` writes a bundle.
public struct ExportOptions: Sendable {
  /// The version to export; nil for the current one.
  public var version: Int?
  public var format: ExportFormat
  /// Export a public or public-pending dataset under the partner's private terms
  /// instead of as a public bundle (no checklist; the access policy travels with it).
  /// A private dataset is always exported under private terms.
  public var privateTerms: Bool
  /// Replace a previous bundle in a non-empty target directory.
  public var force: Bool
  /// Hard-link original files into the bundle when they are on the same filesystem
  /// (fast, no extra space); false always copies, so editing the bundle can never
  /// touch the partner's raw files.
  public var linkFiles: Bool
  /// Set to stop the export between files; the target is left untouched.
  public var cancellation: ExportCancellation?

  public init(
    version: Int? = nil, format: ExportFormat = .original, privateTerms: Bool = false, force: Bool = false,
    linkFiles: Bool = true, cancellation: ExportCancellation? = nil
  ) {
    self.version = version
    self.format = format
    self.privateTerms = privateTerms
    self.force = force
    self.linkFiles = linkFiles
    self.cancellation = cancellation
  }
}

/// A flag a front end sets (from any thread) to stop a running export.
public final class ExportCancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  /// Asks the export to stop at the next file or sample batch.
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Whether `cancel()` was called.
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Where a running export is, for a progress bar.
public struct ExportProgress: Sendable, Equatable {
  /// What the export is doing.
  public enum Phase: String, Sendable {
    case checking, data, metadata, finishing, done
  }

  public var phase: Phase
  public var filesDone: Int
  public var filesTotal: Int
  public var bytesDone: Int64
  public var bytesTotal: Int64
  /// The source file being written (relative path), when in the data phase.
  public var currentFile: String?

  public init(
    phase: Phase, filesDone: Int = 0, filesTotal: Int = 0, bytesDone: Int64 = 0, bytesTotal: Int64 = 0,
    currentFile: String? = nil
  ) {
    self.phase = phase
    self.filesDone = filesDone
    self.filesTotal = filesTotal
    self.bytesDone = bytesDone
    self.bytesTotal = bytesTotal
    self.currentFile = currentFile
  }

  /// 0…1 of the bytes to write.
  public var fraction: Double { bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : 0 }
}

/// What an export wrote: for the CLI's summary and the TUI's export dialog.
public struct ExportReport: Sendable, Equatable, Codable {
  public var datasetSlug: String
  public var datasetName: String
  public var version: Int
  public var kind: BundleKind
  public var format: ExportFormat
  /// The bundle directory (absolute).
  public var directory: String
  /// Files in the bundle, SHA256SUMS excluded.
  public var fileCount: Int
  public var totalBytes: Int64
  public var samples: Int
  /// Data files hard-linked rather than copied.
  public var linkedFiles: Int
  /// Hex SHA-256 of the bundle's SHA256SUMS file (recorded in the audit event).
  public var checksumsDigest: String
  /// The record sets croissant.json describes.
  public var recordSets: [String]
  /// Whether a previous bundle in the directory was replaced (--force).
  public var replacedPrevious: Bool
  public var seconds: Double
}
