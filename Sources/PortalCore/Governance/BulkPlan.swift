import Foundation

/// The preview of a bulk change: for every dataset, every resulting change with its
/// before and after, or the refusal and why. Computed without writing anything.
public struct BulkPlan: Sendable, Equatable, Codable {
  /// One change's outcome on one dataset.
  public struct Outcome: Sendable, Equatable, Codable {
    /// Will be written, changes nothing, or is refused.
    public enum Kind: String, Sendable, Codable {
      case apply, unchanged, refused
    }

    public var change: GovernanceChange
    public var kind: Kind
    /// The relevant state before and after, in words ("private" → "public-pending").
    public var before: String
    public var after: String
    /// Why it is unchanged or refused.
    public var reason: String?
    /// What to write (for `apply` only).
    public var effect: GovernanceEffect?
  }

  /// One dataset's part of the plan.
  public struct Item: Sendable, Equatable, Codable {
    public var datasetID: Int64
    public var slug: String
    public var name: String
    /// The dataset's revision when planned: applying refuses if it moved.
    public var revision: Int
    public var outcomes: [Outcome]

    /// Whether any change to this dataset is refused.
    public var isRefused: Bool { outcomes.contains { $0.kind == .refused } }
  }

  public var change: BulkChange
  public var items: [Item]
  /// Who planned it.
  public var actorID: Int64
  public var plannedAt: Date

  public init(change: BulkChange, items: [Item], actorID: Int64, plannedAt: Date) {
    self.change = change
    self.items = items
    self.actorID = actorID
    self.plannedAt = plannedAt
  }

  /// Whether anything is refused.
  public var hasRefusals: Bool { items.contains(where: \.isRefused) }

  /// How many changes would be written (all or none).
  public var changeCount: Int { items.reduce(0) { $0 + $1.outcomes.filter { $0.kind == .apply }.count } }

  /// How many would be written when refused datasets are skipped.
  public var changeCountSkippingRefused: Int {
    items.filter { !$0.isRefused }.reduce(0) { $0 + $1.outcomes.filter { $0.kind == .apply }.count }
  }

  /// Whether two plans would write the same things (used to detect that the catalog
  /// changed between the preview and the apply).
  public func writesSameAs(_ other: BulkPlan) -> Bool {
    func shape(_ plan: BulkPlan) -> [String] {
      plan.items.flatMap { item in item.outcomes.map { "\(item.datasetID) \($0.agreedShape)" } }
    }
    return shape(self) == shape(other)
  }
}

extension BulkPlan.Outcome {
  /// What a person agreed to when they saw this outcome. Adding or removing tags
  /// commutes with other sessions' tag edits (the write is re-planned on the current
  /// tags inside its transaction, so nothing is lost), so only whether it still applies
  /// counts; for every other change the exact before and after do.
  var agreedShape: String {
    switch change {
    case .addTags, .removeTags: "\(kind.rawValue) \(change.summary)"
    default: "\(kind.rawValue) \(before) \(after)"
    }
  }
}
