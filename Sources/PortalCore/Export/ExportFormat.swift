/// How a bundle carries the data of a version.
public enum ExportFormat: String, Sendable, Codable, CaseIterable {
  /// The files as they were imported (hard-linked when possible, else copied).
  case original
  /// Text samples (documents, JSONL records, CSV rows) as JSONL: one object per
  /// sample with its text, its original fields and a reference to its source bytes.
  /// Images, audio, video and PDFs stay files.
  case jsonl
  /// Like `jsonl`, but flat: every line of a file has the same typed columns, no
  /// nesting (nested values as JSON text), so a Parquet converter gets fixed columns.
  case parquetCompatibleJSONL = "parquet-compatible-jsonl"
}

/// Under which terms a bundle is handed over.
public enum BundleKind: String, Sendable, Codable, CaseIterable {
  /// For the open corpus: the dataset's publication checklist must pass.
  case `public`
  /// For the lab under the partner's private terms: the access policy travels with it.
  case privateTerms = "private-terms"
}
