/// Whether a dataset is private, on its way to the public corpus, or public.
/// Public is irreversible.
public enum Visibility: String, Codable, Sendable, CaseIterable {
  case `private`
  case publicPending = "public-pending"
  case `public`
}

/// How carefully a dataset must be handled, lowest first.
public enum Sensitivity: String, Codable, Sendable, CaseIterable, Comparable {
  case `public`, `internal`, confidential, restricted

  private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: Sensitivity, rhs: Sensitivity) -> Bool { lhs.rank < rhs.rank }
}

/// A person's role in the portal, most powerful first.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
  case owner, steward, reviewer, viewer

  private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  /// `owner < steward`: a smaller role is a more powerful one.
  public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// What a grant allows on one dataset.
public enum Permission: String, Codable, Sendable, CaseIterable {
  case discover, preview, download, train, evaluate, manage
}

/// Who a grant or an access request is for.
public enum PrincipalKind: String, Codable, Sendable, CaseIterable {
  case user, group, lab
}

/// What the partner allows the lab to do with a private dataset.
public struct UseRights: Codable, Sendable, Equatable {
  /// May be used to train models.
  public var train: Bool
  /// May be used to evaluate models (true for evaluate-only datasets too).
  public var evaluate: Bool
  /// Must not be passed on to third parties.
  public var noRedistribution: Bool
  /// How long the lab may keep the data, in days; nil for no limit.
  public var retentionDays: Int?

  public init(train: Bool = true, evaluate: Bool = true, noRedistribution: Bool = true, retentionDays: Int? = nil) {
    self.train = train
    self.evaluate = evaluate
    self.noRedistribution = noRedistribution
    self.retentionDays = retentionDays
  }

  /// Evaluation only, no training.
  public static let evaluateOnly = UseRights(train: false, evaluate: true, noRedistribution: true)
}
