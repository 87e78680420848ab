import Foundation
import Portal
import PortalCore
import TerminalKit

/// `e`: edit a dataset's description, languages, tags, licence (Tab completes from the
/// SPDX list) and its link (a custom licence needs one), contact, sensitivity, use rights
/// and retention. Saved with the revision it was
/// read at: if someone else changed the dataset meanwhile, the dialog lists what they
/// changed and asks before overwriting.
final class MetadataEditDialog: Overlay {
  private enum Field: Int {
    case description, languages, tags, licence, licenceURL, contact, sensitivity, train, evaluate, noRedistribution
    case retention
  }

  private enum Phase {
    case loading
    case editing
    case saving
    case conflict(theirs: Dataset, differences: [String])
  }

  private let reference: String
  private var original: Dataset?
  private var form = FormFields(rows: [])
  private var phase = Phase.loading
  private var message: (String, ThemeRole)?
  private var conflictButtons = ButtonBar(["Overwrite with mine", "Reload theirs", "Cancel"])

  init(reference: String, app: App) {
    self.reference = reference
    let session = app.session
    app.submit({ try session.showDataset(reference).summary.dataset }) { [weak self] result in
      switch result {
      case .success(let dataset): self?.load(dataset)
      case .failure(let error):
        self?.message = (describe(error), .error)
      }
    }
  }

  /// Fills the form from `dataset` and remembers it as the base of the edit.
  func load(_ dataset: Dataset) {
    original = dataset
    let rights = dataset.useRights
    let digits: @Sendable (Character) -> Bool = { $0.isASCII && $0.isNumber }
    var retention = TextField(
      text: rights.retentionDays.map(String.init) ?? "", placeholder: "days, empty = no limit", maxLength: 6)
    retention.allowedCharacters = digits
    form = FormFields(rows: [
      .init(
        label: "Description",
        control: .text(TextField(text: dataset.description, placeholder: "what it is, where it comes from"))),
      .init(
        label: "Languages",
        control: .text(
          TextField(
            text: dataset.languages.joined(separator: ", "), placeholder: "BCP-47, comma-separated: en, fr, pt-BR"))),
      .init(
        label: "Tags",
        control: .text(TextField(text: dataset.tags.joined(separator: ", "), placeholder: "comma-separated"))),
      .init(
        label: "Licence",
        control: .text(TextField(text: dataset.licence ?? "", placeholder: "SPDX id, e.g. CC-BY-4.0 (Tab completes)"))),
      .init(
        label: "Licence URL",
        control: .text(
          TextField(text: dataset.licenceURL ?? "", placeholder: "https://… (needed for a custom licence)"))),
      .init(
        label: "Contact",
        control: .text(TextField(text: dataset.contact ?? "", placeholder: "who answers questions: name or email"))),
      .init(
        label: "Sensitivity",
        control: .select(
          SelectField(
            options: Sensitivity.allCases.map(\.rawValue),
            selectedIndex: Sensitivity.allCases.firstIndex(of: dataset.sensitivity) ?? 0))),
      .init(label: "Use rights", control: .check(Checkbox(label: "training", isChecked: rights.train))),
      .init(label: "", control: .check(Checkbox(label: "evaluation", isChecked: rights.evaluate))),
      .init(label: "", control: .check(Checkbox(label: "no redistribution", isChecked: rights.noRedistribution))),
      .init(label: "Retention", control: .text(retention)),
    ])
    phase = .editing
  }

  var capturesText: Bool { if case .editing = phase { form.focusIsText } else { false } }

  private var languages: [String] { split(form.text(Field.languages.rawValue)) }
  private func split(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The SPDX licences matching what is typed (nothing once it is an exact id).
  var suggestions: [SPDXLicence] {
    let text = form.text(Field.licence.rawValue).trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty, SPDXTable.licence(id: text)?.id != text else { return [] }
    return SPDXTable.search(text, limit: 4)
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch phase {
    case .loading, .saving:
      return event != .key(.escape)
    case .conflict(let theirs, _):
      switch event {
      case .key(.escape): return false
      case .key(.enter):
        switch conflictButtons.selected {
        case 0: save(app: app, base: theirs)
        case 1:
          load(theirs)
          message = ("Reloaded their version; your edits were dropped.", .warning)
        default: return false
        }
      default: _ = conflictButtons.handle(event.tabAsRight)
      }
      return true
    case .editing:
      if event == .key(.escape) { return false }
      if event == .key(.enter) {
        save(app: app, base: nil)
        return true
      }
      if event == .key(.tab), form.focus == Field.licence.rawValue, let first = suggestions.first {
        form.setText(Field.licence.rawValue, first.id)
        return true
      }
      if form.handle(event) { message = nil }
      return true
    }
  }

  /// The change from `original` to the form (only what differs).
  private func change() throws -> MetadataChange {
    guard let original else { throw PortalError.invalidArgument("the dataset is still loading") }
    if let bad = languages.first(where: { !LanguageTag.isWellFormed($0) }) {
      throw PortalError.invalidArgument("'\(bad)' is not a BCP-47 language tag (examples: en, fr, pt-BR)")
    }
    let retentionText = form.text(Field.retention.rawValue)
    let retention = retentionText.isEmpty ? nil : Int(retentionText)
    if let retention, retention < 1 { throw PortalError.invalidArgument("a retention period is at least 1 day") }
    var change = MetadataChange()
    let description = form.text(Field.description.rawValue)
    if description != original.description { change.description = description }
    if languages != original.languages { change.languages = languages }
    let tags = split(form.text(Field.tags.rawValue))
    if tags != original.tags { change.tags = tags }
    let licence = form.text(Field.licence.rawValue).trimmingCharacters(in: .whitespaces)
    if licence != (original.licence ?? "") { change.licence = licence }
    let licenceURL = form.text(Field.licenceURL.rawValue).trimmingCharacters(in: .whitespaces)
    if licenceURL != (original.licenceURL ?? "") { change.licenceURL = licenceURL }
    let contact = form.text(Field.contact.rawValue).trimmingCharacters(in: .whitespaces)
    if contact != (original.contact ?? "") { change.contact = contact }
    let sensitivity = Sensitivity.allCases[form.selected(Field.sensitivity.rawValue)]
    if sensitivity != original.sensitivity { change.sensitivity = sensitivity }
    let rights = UseRights(
      train: form.isChecked(Field.train.rawValue), evaluate: form.isChecked(Field.evaluate.rawValue),
      noRedistribution: form.isChecked(Field.noRedistribution.rawValue), retentionDays: retention)
    if rights != original.useRights { change.useRights = rights }
    return change
  }

  /// Saves against `base`'s revision (the original, or theirs when overwriting).
  private func save(app: App, base: Dataset?) {
    let change: MetadataChange
    do { change = try self.change() } catch {
      message = (describe(error), .error)
      return
    }
    guard let original, change != MetadataChange() else {
      message = ("Nothing changed.", .muted)
      return
    }
    let revision = (base ?? original).revision
    let session = app.session
    let reference = reference
    phase = .saving
    app.submit({ () throws -> Result<Dataset, ConflictInfo> in
      do {
        return .success(try session.editDataset(reference, change, expectedRevision: revision))
      } catch {
        // A moved revision is a conflict to show; anything else is a refusal to say.
        let fresh = try session.showDataset(reference).summary.dataset
        guard fresh.revision != revision else { throw error }
        return .failure(ConflictInfo(theirs: fresh))
      }
    }) { [weak self, weak app] result in
      guard let self, let app else { return }
      switch result {
      case .success(.success(let saved)):
        if app.overlay === self { app.dismissOverlay() }
        app.toast("Saved \(saved.name)", kind: .success)
        app.catalogDidChange()
      case .success(.failure(let conflict)):
        self.phase = .conflict(theirs: conflict.theirs, differences: Self.differences(original, conflict.theirs))
        self.message = nil
      case .failure(let error):
        self.phase = .editing
        self.message = (describe(error), .error)
      }
    }
  }

  /// Fields that differ between what was read and what is there now, in words.
  static func differences(_ mine: Dataset, _ theirs: Dataset) -> [String] {
    func list(_ values: [String]) -> String { values.isEmpty ? "-" : values.joined(separator: ", ") }
    var out: [String] = []
    func add(_ label: String, _ before: String, _ after: String) {
      if before != after { out.append("\(label): \(SafeText.line(before)) → \(SafeText.line(after))") }
    }
    add("Description", mine.description, theirs.description)
    add("Languages", list(mine.languages), list(theirs.languages))
    add("Tags", list(mine.tags), list(theirs.tags))
    add("Licence", mine.licence ?? "-", theirs.licence ?? "-")
    add("Licence URL", mine.licenceURL ?? "-", theirs.licenceURL ?? "-")
    add("Contact", mine.contact ?? "-", theirs.contact ?? "-")
    add("Sensitivity", mine.sensitivity.rawValue, theirs.sensitivity.rawValue)
    add("Visibility", mine.visibility.rawValue, theirs.visibility.rawValue)
    add("Use rights", "\(mine.useRights)", "\(theirs.useRights)")
    if out.isEmpty { out.append("revision \(mine.revision) → \(theirs.revision) (no field you edit changed)") }
    return out
  }

  func render(_ context: RenderContext, in rect: Rect) {
    guard let inner = DialogFrame.draw(context, in: rect, width: 84, height: 22, title: "Edit \(reference)") else {
      return
    }
    let terminal = context.terminal
    switch phase {
    case .loading:
      terminal.put(text: "Loading…", in: inner.row(0), style: context.style(.muted))
      if let message { DialogFrame.paragraph(message.0, message.1, context, in: inner, from: inner.y + 1) }
    case .conflict(_, let differences):
      var y = DialogFrame.paragraph(
        "Someone else changed \(reference) since you opened it. They changed:", .warning, context, in: inner,
        from: inner.y)
      for line in differences where y < inner.maxY - 3 {
        y = DialogFrame.paragraph("  " + line, .text, context, in: inner, from: y)
      }
      DialogFrame.paragraph(
        "Overwrite replaces the fields you edited with yours.", .muted, context, in: inner, from: y + 1)
      conflictButtons.render(context, in: inner.row(inner.height - 2))
      terminal.put(
        text: "←/→ choose · Enter run · Esc cancel", in: inner.row(inner.height - 1), style: context.style(.muted))
    case .editing, .saving:
      var y = form.render(
        context, in: inner, labelWidth: 12, active: { if case .editing = phase { true } else { false } }())
      let invalid = languages.filter { !LanguageTag.isWellFormed($0) }
      if !invalid.isEmpty {
        y = DialogFrame.paragraph(
          "Not BCP-47: \(invalid.joined(separator: ", "))", .warning, context, in: inner, from: y)
      }
      if form.focus == Field.licence.rawValue, !suggestions.isEmpty {
        for licence in suggestions where y < inner.maxY - 2 {
          terminal.put(
            text: "  \(licence.id) — \(licence.name)", in: inner.row(y - inner.y), style: context.style(.muted))
          y += 1
        }
      }
      if let message { DialogFrame.paragraph(message.0, message.1, context, in: inner, from: y + 1) }
      let hint = {
        if case .saving = phase {
          "Saving…"
        } else {
          "Tab next (completes a licence) · Space toggles · Enter save · Esc cancel"
        }
      }()
      terminal.put(text: hint, in: inner.row(inner.height - 1), style: context.style(.muted))
    }
  }
}

/// A save that met someone else's newer revision.
struct ConflictInfo: Error, Sendable {
  let theirs: Dataset
}
