import PortalCore

extension ActionID {
  // MARK: - Governance and export (dialogs over the dataset screens)
  static let addGrant = ActionID("access.grant.add")
  static let revokeGrant = ActionID("access.grant.revoke")
  static let approveHere = ActionID("access.request.approve")
  static let rejectHere = ActionID("access.request.reject")
  static let visibility = ActionID("governance.visibility")
  static let signOff = ActionID("governance.signoff")
  static let editMetadata = ActionID("governance.edit")
  static let bulkChange = ActionID("datasets.bulk-change")
  static let exportBundle = ActionID("export.bundle")
  static let requestsInbox = ActionID("app.requests")
  static let approveRequest = ActionID("requests.approve")
  static let rejectRequest = ActionID("requests.reject")
  static let withdrawRequest = ActionID("requests.withdraw")
  static let toggleRequestsView = ActionID("requests.toggle-mine")
  static let requestAccess = ActionID("access.request.create")
}

extension ActionRegistry {
  /// The governance and export actions (help, the palette and the key map list them).
  static let governanceActions: [ActionSpec] = [
    ActionSpec(
      .requestsInbox, "Requests inbox",
      "Pending access requests on datasets you decide, and your own requests.", keys: ["I"]),
    ActionSpec(
      .addGrant, "Add grant", "Grant a user, group or lab team a permission, optionally until a date.",
      keys: ["a"], screens: [.dataset]),
    ActionSpec(
      .revokeGrant, "Revoke grant", "Revoke the selected grant (asks first).", keys: ["d"],
      screens: [.dataset]),
    ActionSpec(
      .requestAccess, "Request access",
      "Ask the owner for a permission on this dataset (preview, download, train, evaluate), with a purpose.",
      keys: ["+"], screens: [.dataset, .datasets]),
    ActionSpec(
      .approveHere, "Approve request", "Approve the selected pending request (Access tab).", keys: ["A"],
      screens: [.dataset]),
    ActionSpec(
      .rejectHere, "Reject request", "Reject the selected pending request with a reason (Access tab).",
      keys: ["R"], screens: [.dataset]),
    ActionSpec(
      .visibility, "Change visibility",
      "Request, withdraw or publish with the live publication checklist; make private.", keys: ["v"],
      screens: [.dataset, .datasets]),
    ActionSpec(
      .signOff, "Sign off", "As a reviewer, sign off a dataset pending publication.", keys: ["s"],
      screens: [.dataset]),
    ActionSpec(
      .editMetadata, "Edit metadata",
      "Description, languages, tags, licence, sensitivity, use rights and retention.", keys: ["e"],
      screens: [.dataset, .datasets]),
    ActionSpec(
      .bulkChange, "Bulk change",
      "Change every marked dataset at once, after a preview of each one's outcome.", keys: ["b"],
      screens: [.datasets]),
    ActionSpec(
      .exportBundle, "Export bundle",
      "Write the dataset as a bundle (files, metadata, SHA256SUMS) to a directory.", keys: ["x"],
      screens: [.dataset, .datasets]),
    ActionSpec(
      .approveRequest, "Approve", "Approve the selected request (the expiry can be shortened).",
      keys: ["a"], screens: [.requests]),
    ActionSpec(
      .rejectRequest, "Reject", "Reject the selected request; a reason is required.", keys: ["x"],
      screens: [.requests]),
    ActionSpec(
      .withdrawRequest, "Withdraw", "Withdraw your own selected pending request.", keys: ["w"],
      screens: [.requests]),
    ActionSpec(
      .toggleRequestsView, "Inbox / mine", "Switch between the inbox and your own requests.",
      keys: ["m"], screens: [.requests]),
  ]
}
