/// Errors raised by the cleaning module, with messages a user can act on.
public enum CleaningError: Error, CustomStringConvertible, Sendable {
  /// A step name in `--steps` is not known.
  case unknownStep(String)
  /// A checkpoint could not be decoded (written by another version, or truncated).
  case unreadableCheckpoint(step: String, reason: String)
  /// A language-id profile resource is missing or malformed.
  case missingLanguageProfiles(String)

  /// A message a user can act on.
  public var description: String {
    switch self {
    case .unknownStep(let name):
      return
        "unknown cleaning step '\(name)' (known steps: \(StepKind.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .unreadableCheckpoint(let step, let reason):
      return "cannot resume step '\(step)' from its checkpoint (\(reason)); restart the job from the beginning"
    case .missingLanguageProfiles(let detail):
      return "language profiles unavailable (\(detail)); rebuild with scripts/make-langid-profiles"
    }
  }
}
