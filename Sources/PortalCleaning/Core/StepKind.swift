import Foundation

/// The steps a user can pick with `--steps`, by their command-line names.
public enum StepKind: String, Sendable, Codable, CaseIterable {
  /// ``NormalizeStep``.
  case normalize
  /// ``PIIStep`` redacting.
  case pii
  /// ``PIIStep`` in detect-only mode.
  case piiScan = "pii-scan"
  /// ``ExactDedupStep``.
  case dedup
  /// ``NearDedupStep`` (two-phase; see ``Pipeline``).
  case nearDedup = "near-dedup"
  /// ``QualityFilterStep`` (Gopher quality and repetition).
  case quality
  /// ``LanguageStep``.
  case lang

  /// Parses a comma-separated list such as `normalize,pii,dedup`.
  public static func parse(_ list: String) throws(CleaningError) -> [StepKind] {
    try list.split(separator: ",").map { name throws(CleaningError) in
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard let kind = StepKind(rawValue: trimmed) else { throw CleaningError.unknownStep(trimmed) }
      return kind
    }
  }
}
