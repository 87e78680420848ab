/// When an import's sample excerpts are added to the search index.
public enum ContentIndexing: String, Sendable, Codable {
  /// Before the import call returns (library callers, the TUI, tests).
  case now
  /// Afterwards, by `portal content-index`, a worker, or the TUI's embedded worker; the
  /// dataset is visible at once, and content search says it is incomplete until then.
  case background
}
