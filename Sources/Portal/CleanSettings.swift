import Foundation

/// The optional settings of a `clean` job beyond its steps (`portal clean --min-length
/// --checkpoint-every --max-attempts`, the TUI's new-job form).
public struct CleanSettings: Sendable, Equatable {
  /// Allowed minimum lengths, in characters.
  public static let minLengthRange = 0...1_000_000
  /// Allowed checkpoint intervals, in documents.
  public static let checkpointEveryRange = 1...100_000
  /// Allowed attempt limits.
  public static let maxAttemptsRange = 1...20

  /// The quality step drops documents shorter than this many characters (default 100).
  public var minLength: Int?
  /// Input documents per checkpoint (default 500): smaller loses less work to a crash,
  /// larger writes less often.
  public var checkpointEvery: Int?
  /// Attempts before the job fails for good (default 3).
  public var maxAttempts: Int?

  /// Creates settings; nil keeps each default.
  public init(minLength: Int? = nil, checkpointEvery: Int? = nil, maxAttempts: Int? = nil) {
    self.minLength = minLength
    self.checkpointEvery = checkpointEvery
    self.maxAttempts = maxAttempts
  }

  /// Throws `PortalError.invalidArgument` naming the first setting out of range.
  func validate(steps: [String]) throws {
    if let minLength {
      guard Self.minLengthRange.contains(minLength) else {
        throw PortalError.invalidArgument(
          "--min-length must be between 0 and 1000000 characters (the quality step's default is 100)")
      }
      guard steps.contains("quality") else {
        throw PortalError.invalidArgument(
          "--min-length sets the quality step's minimum; add quality to --steps or leave --min-length out")
      }
    }
    if let checkpointEvery, !Self.checkpointEveryRange.contains(checkpointEvery) {
      throw PortalError.invalidArgument(
        "--checkpoint-every must be between 1 and 100000 documents (default 500)")
    }
    if let maxAttempts, !Self.maxAttemptsRange.contains(maxAttempts) {
      throw PortalError.invalidArgument("--max-attempts must be between 1 and 20 (default 3)")
    }
  }
}
