import PortalCore

/// Who may use one dataset and who asked to: what the TUI's Access tab shows.
public struct DatasetAccess: Sendable, Equatable {
  /// A grant with the login of whoever granted it.
  public struct GrantEntry: Sendable, Equatable {
    /// The grant.
    public var grant: Grant
    /// Login of the user who granted it ("?" when that account is gone).
    public var grantedBy: String
  }

  /// An access request with the login of whoever asked.
  public struct RequestEntry: Sendable, Equatable {
    /// The request.
    public var request: AccessRequest
    /// Login of the user who asked.
    public var requestedBy: String
  }

  /// Every grant, active or not, oldest first.
  public var grants: [GrantEntry]
  /// Every request, newest first.
  public var requests: [RequestEntry]

  /// Creates the value.
  public init(grants: [GrantEntry], requests: [RequestEntry]) {
    self.grants = grants
    self.requests = requests
  }

  /// Requests still waiting for a decision.
  public var pending: [RequestEntry] { requests.filter { $0.request.state == .pending } }
}
