import Foundation

/// Everything the governance rules read about one dataset, loaded in one snapshot:
/// the checklist, the bulk planner and the access decisions work on this value.
public struct GovernanceState: Sendable, Equatable {
  public var dataset: Dataset
  /// Every grant, active or not.
  public var grants: [Grant]
  /// The number of the current version (nil before the first).
  public var currentVersionNumber: Int?
  /// The newest PII scan of the current version, if any.
  public var piiScan: PIIScan?
  /// Sign-offs of any version, oldest first.
  public var signoffs: [Signoff]
  /// The open publication request, if the dataset is public-pending.
  public var publicationRequest: PublicationRequest?

  public init(
    dataset: Dataset, grants: [Grant] = [], currentVersionNumber: Int? = nil, piiScan: PIIScan? = nil,
    signoffs: [Signoff] = [], publicationRequest: PublicationRequest? = nil
  ) {
    self.dataset = dataset
    self.grants = grants
    self.currentVersionNumber = currentVersionNumber
    self.piiScan = piiScan
    self.signoffs = signoffs
    self.publicationRequest = publicationRequest
  }

  /// The dataset's id (0 before it is stored).
  public var id: Int64 { dataset.id ?? 0 }

  /// Sign-offs that count for publication now: of the current version, not by
  /// whoever requested publication.
  public var countingSignoffs: [Signoff] {
    signoffs.filter {
      $0.versionID == dataset.currentVersionID && $0.reviewerID != publicationRequest?.requestedBy
    }
  }

  /// Active grants at `now`.
  public func activeGrants(at now: Date) -> [Grant] { grants.filter { $0.isActive(at: now) } }
}
