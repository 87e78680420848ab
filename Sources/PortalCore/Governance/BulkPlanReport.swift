import Foundation

/// A bulk plan as scripts read it (`--json`): one flat row per change per dataset, in
/// words, with a stable shape — unlike `BulkPlan`'s own encoding, which mirrors Swift
/// enums and what the store writes.
public struct BulkPlanReport: Sendable, Equatable, Encodable {
  /// One change to one dataset.
  public struct Row: Sendable, Equatable, Encodable {
    /// The dataset's slug.
    public var dataset: String
    /// What kind of change: visibility, sensitivity, tags.add, tags.remove, grant, revoke.
    public var change: String
    /// The change in words ("sensitivity → restricted").
    public var summary: String
    /// The relevant state before and after, in words.
    public var before: String
    public var after: String
    /// apply, unchanged or refused.
    public var result: String
    /// Why it is refused, or nil.
    public var refused: String?
    /// Why it changes nothing, or nil.
    public var unchanged: String?

    // Every key is always present (null when empty), so scripts need no guessing.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(dataset, forKey: .dataset)
      try container.encode(change, forKey: .change)
      try container.encode(summary, forKey: .summary)
      try container.encode(before, forKey: .before)
      try container.encode(after, forKey: .after)
      try container.encode(result, forKey: .result)
      try container.encode(refused, forKey: .refused)
      try container.encode(unchanged, forKey: .unchanged)
    }

    private enum CodingKeys: String, CodingKey {
      case dataset, change, summary, before, after, result, refused, unchanged
    }
  }

  /// What was written, once the plan is applied.
  public struct Applied: Sendable, Equatable, Encodable {
    /// How many changes were written (one audit event each).
    public var changes: Int
    /// Datasets left out because a change to them was refused (--skip-refused).
    public var skipped: [String]

    public init(changes: Int, skipped: [String]) {
      self.changes = changes
      self.skipped = skipped
    }
  }

  public var changes: [Row]
  /// How many changes would be written (all or none).
  public var changeCount: Int
  /// Whether any change is refused (then nothing is written without --skip-refused).
  public var hasRefusals: Bool
  /// nil until applied (a preview, or a plan refused or not confirmed).
  public var applied: Applied?

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(changes, forKey: .changes)
    try container.encode(changeCount, forKey: .changeCount)
    try container.encode(hasRefusals, forKey: .hasRefusals)
    try container.encode(applied, forKey: .applied)
  }

  private enum CodingKeys: String, CodingKey {
    case changes, changeCount, hasRefusals, applied
  }

  /// The report of `plan`.
  public init(_ plan: BulkPlan) {
    changes = plan.items.flatMap { item in
      item.outcomes.map { outcome in
        Row(
          dataset: item.slug, change: outcome.change.kindName, summary: outcome.change.summary,
          before: outcome.before, after: outcome.after, result: outcome.kind.rawValue,
          refused: outcome.kind == .refused ? outcome.reason ?? "refused" : nil,
          unchanged: outcome.kind == .unchanged ? outcome.reason ?? "" : nil)
      }
    }
    changeCount = plan.changeCount
    hasRefusals = plan.hasRefusals
  }
}

extension GovernanceChange {
  /// The change's kind as one stable word for scripts.
  public var kindName: String {
    switch self {
    case .visibility: "visibility"
    case .sensitivity: "sensitivity"
    case .addTags: "tags.add"
    case .removeTags: "tags.remove"
    case .grant: "grant"
    case .revoke, .revokeGrant: "revoke"
    }
  }
}
