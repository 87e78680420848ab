/// What kind of content a dataset holds, derived from its samples' media types.
public enum Modality: String, Codable, Sendable, CaseIterable, Comparable {
  case text, image, audio, video, mixed

  /// The modality of a set of samples: the single one they share, or `mixed`.
  public static func of<S: Sequence>(_ kinds: S) -> Modality? where S.Element == MediaType {
    var found: Modality?
    for kind in kinds {
      let modality = kind.modality
      if let current = found, current != modality { return .mixed }
      found = modality
    }
    return found
  }

  public static func < (lhs: Modality, rhs: Modality) -> Bool { lhs.rawValue < rhs.rawValue }
}
