import Foundation

/// What must hold before a dataset becomes public — for good. Each item is met or
/// not, with an explanation that says what to do; publication is refused until all
/// are met.
public struct PublicationChecklist: Sendable, Equatable, Codable {
  /// The checklist's items, in the order a person works through them.
  public enum ItemKind: String, Sendable, Codable, CaseIterable {
    case requested, licence, description, languages, modality, piiScan, signoff, confirmation
  }

  /// One line of the checklist.
  public struct Item: Sendable, Equatable, Codable {
    public var kind: ItemKind
    /// A short label ("Licence").
    public var title: String
    public var met: Bool
    /// What satisfies it, or what is missing and how to fix it.
    public var explanation: String
  }

  public var datasetSlug: String
  public var items: [Item]

  /// Whether every item is met.
  public var passes: Bool { items.allSatisfy(\.met) }

  /// The items not met.
  public var unmet: [Item] { items.filter { !$0.met } }

  /// Evaluates the checklist on `state`; `confirmedIrreversible` is the person's
  /// explicit confirmation that publication cannot be undone.
  public static func evaluate(_ state: GovernanceState, confirmedIrreversible: Bool) -> PublicationChecklist {
    let dataset = state.dataset
    let slug = dataset.slug
    var items: [Item] = []
    func add(_ kind: ItemKind, _ title: String, _ met: Bool, _ explanation: String) {
      items.append(Item(kind: kind, title: title, met: met, explanation: explanation))
    }
    switch dataset.visibility {
    case .publicPending:
      let who = state.publicationRequest.map { " by \($0.requestedByLogin)" } ?? ""
      add(.requested, "Publication requested", true, "requested\(who)")
    case .private:
      add(
        .requested, "Publication requested", false,
        "'\(slug)' is private — request publication first: portal request-publication \(slug)")
    case .public:
      add(.requested, "Publication requested", true, "already public")
    }
    if let problem = LicenceRules.problemPublishing(licence: dataset.licence, url: dataset.licenceURL) {
      add(.licence, "Licence", false, problem.replacingOccurrences(of: "DATASET", with: slug))
    } else {
      add(.licence, "Licence", true, dataset.licence ?? "")
    }
    let described = !dataset.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    add(
      .description, "Description", described,
      described ? "filled" : "no description — portal edit \(slug) --description \"…\"")
    add(
      .languages, "Languages", !dataset.languages.isEmpty,
      dataset.languages.isEmpty
        ? "no languages — portal edit \(slug) --language en (BCP-47 tags)" : dataset.languages.joined(separator: ", "))
    add(
      .modality, "Modality", dataset.modality != nil,
      dataset.modality?.rawValue ?? "unknown until a version with samples is imported — portal import --rescan \(slug)")
    add(.piiScan, "PII scan", piiMet(state), piiExplanation(state))
    let signoffs = state.countingSignoffs
    add(.signoff, "Reviewer sign-off", !signoffs.isEmpty, signoffExplanation(state, counting: signoffs))
    add(
      .confirmation, "Irreversible", confirmedIrreversible,
      confirmedIrreversible
        ? "confirmed: publication cannot be undone"
        : "confirm that publication cannot be undone (--confirm-irreversible, or type the confirmation)")
    return PublicationChecklist(datasetSlug: slug, items: items)
  }

  private static func piiMet(_ state: GovernanceState) -> Bool {
    guard let scan = state.piiScan else { return false }
    return scan.isClean && scan.versionID == state.dataset.currentVersionID
  }

  private static func piiExplanation(_ state: GovernanceState) -> String {
    let slug = state.dataset.slug
    let number = state.currentVersionNumber.map(String.init) ?? "?"
    guard let scan = state.piiScan, scan.versionID == state.dataset.currentVersionID else {
      // Images, recordings and video have no text for a cleaning job; `portal scan`
      // reads what the catalog holds about them (and says what it could not read).
      if [.image, .audio, .video].contains(state.dataset.modality) {
        return "no PII scan of version \(number) — run `portal scan \(slug)`"
      }
      return "no PII scan of version \(number) — run `portal clean \(slug) --steps pii`"
    }
    if scan.isClean {
      let coverage = scan.coverage.map { " — coverage: \($0)" } ?? ""
      return "version \(number): \(scan.samplesScanned) samples scanned, nothing found\(coverage)"
    }
    let kinds = scan.byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    let detail = kinds.isEmpty ? "" : " (\(kinds))"
    return
      "the PII scan of version \(number) found \(scan.findings) item(s)\(detail) — redact them with `portal clean \(slug) --steps pii` and scan the new version"
  }

  private static func signoffExplanation(_ state: GovernanceState, counting: [Signoff]) -> String {
    if let first = counting.first {
      let note = first.note.isEmpty ? "" : ": \(first.note)"
      let others = counting.count > 1 ? " (+\(counting.count - 1) more)" : ""
      return "signed off by \(first.reviewerLogin)\(others)\(note)"
    }
    let current = state.signoffs.filter { $0.versionID == state.dataset.currentVersionID }
    if let own = current.first, own.reviewerID == state.publicationRequest?.requestedBy {
      return
        "the only sign-off is by \(own.reviewerLogin), who requested publication; another reviewer must sign off (portal signoff \(state.dataset.slug))"
    }
    if !state.signoffs.isEmpty {
      return
        "the sign-offs are of an earlier version; a reviewer must sign off the current one (portal signoff \(state.dataset.slug))"
    }
    return "no reviewer has signed off — a reviewer runs: portal signoff \(state.dataset.slug)"
  }
}
