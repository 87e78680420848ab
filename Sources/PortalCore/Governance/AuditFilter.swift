import Foundation

/// Which audit events to read.
public struct AuditFilter: Sendable, Equatable {
  public var datasetID: Int64?
  public var actor: String?
  /// An action (`grant.create`) or a family of actions (`grant`).
  public var action: String?
  public var since: Date?
  public var limit: Int

  public init(
    datasetID: Int64? = nil, actor: String? = nil, action: String? = nil, since: Date? = nil, limit: Int = 1000
  ) {
    self.datasetID = datasetID
    self.actor = actor
    self.action = action
    self.since = since
    self.limit = limit
  }
}
