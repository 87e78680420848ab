import Foundation
import Portal
import PortalCore
import TerminalKit

/// `b` with datasets marked: choose one change, preview every dataset's outcome
/// (apply with before → after, unchanged, refused with why), then apply all or none,
/// or apply skipping the refused ones.
final class BulkChangeDialog: Overlay {
  private enum Kind: Int, CaseIterable {
    case visibility, sensitivity, addTags, removeTags, grant, revoke

    var label: String { ["visibility", "sensitivity", "add tags", "remove tags", "grant", "revoke"][rawValue] }
  }

  private enum Phase {
    case choosing
    case planning
    case preview(BulkPlan)
    case applying(BulkPlan)
  }

  private let slugs: [String]
  private var form = FormFields(rows: [])
  private var phase = Phase.choosing
  private var message: (String, ThemeRole)?
  private var list = StyledList()
  private var buttons = ButtonBar(["Apply all or none", "Apply, skipping refused", "Back"])

  init(slugs: [String]) {
    self.slugs = slugs
    rebuild(kind: .visibility)
  }

  /// The plan being previewed (tests).
  var plan: BulkPlan? {
    if case .preview(let plan) = phase { return plan }
    return nil
  }

  private var kind: Kind { Kind(rawValue: form.selected(0)) ?? .visibility }

  /// The rows for `kind`, keeping the change selector first.
  private func rebuild(kind: Kind) {
    var rows: [FormFields.Row] = [
      .init(
        label: "Change",
        control: .select(SelectField(options: Kind.allCases.map(\.label), selectedIndex: kind.rawValue)))
    ]
    switch kind {
    case .visibility:
      rows.append(.init(label: "To", control: .select(SelectField(options: Visibility.allCases.map(\.rawValue)))))
      rows.append(.init(label: "", control: .check(Checkbox(label: "I understand publishing cannot be undone"))))
    case .sensitivity:
      rows.append(.init(label: "To", control: .select(SelectField(options: Sensitivity.allCases.map(\.rawValue)))))
    case .addTags, .removeTags:
      rows.append(.init(label: "Tags", control: .text(TextField(placeholder: "comma-separated"))))
    case .grant, .revoke:
      rows.append(
        .init(label: "Principal", control: .text(TextField(placeholder: "user:login, group:name or lab:team"))))
      let permissions = (kind == .revoke ? ["every permission"] : []) + Permission.allCases.map(\.rawValue)
      rows.append(.init(label: "Permission", control: .select(SelectField(options: permissions))))
      if kind == .grant { rows.append(.init(label: "Expires", control: .date(DateField()))) }
    }
    form = FormFields(rows: rows, focus: form.focus)
  }

  /// The change the form describes, or the reason it is incomplete.
  private func change() throws -> BulkChange {
    switch kind {
    case .visibility:
      let target = Visibility.allCases[form.selected(1)]
      return BulkChange([.visibility(target)], confirmedIrreversible: form.isChecked(2))
    case .sensitivity:
      return BulkChange([.sensitivity(Sensitivity.allCases[form.selected(1)])])
    case .addTags, .removeTags:
      let tags = form.text(1).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
      guard !tags.isEmpty else { throw PortalError.invalidArgument("name at least one tag (comma-separated)") }
      return BulkChange([kind == .addTags ? .addTags(tags) : .removeTags(tags)])
    case .grant, .revoke:
      guard let principal = PrincipalRef.parse(form.text(1)), !form.text(1).isEmpty else {
        throw PortalError.invalidArgument(
          "'\(form.text(1))' is not a principal: use user:LOGIN, group:NAME or lab:TEAM")
      }
      if kind == .revoke {
        let index = form.selected(2)
        return BulkChange([.revoke(principal, index == 0 ? nil : Permission.allCases[index - 1])])
      }
      let expires = try form.date(3).flatMap { try GovernanceDates.expiry(from: $0, now: Date()) }
      return BulkChange([.grant(principal, Permission.allCases[form.selected(2)], expires: expires)])
    }
  }

  var capturesText: Bool { if case .choosing = phase { form.focusIsText } else { false } }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch phase {
    case .planning, .applying: return true
    case .choosing:
      if event == .key(.escape) { return false }
      if event == .key(.enter) {
        plan(app: app)
        return true
      }
      let before = kind
      if form.handle(event) { message = nil }
      if kind != before { rebuild(kind: kind) }
    case .preview(let plan):
      switch event {
      case .key(.escape):
        phase = .choosing
      case .key(.down), .key(.character("j")): list.move(to: list.cursor + 1, count: rowCount(plan))
      case .key(.up), .key(.character("k")): list.move(to: list.cursor - 1, count: rowCount(plan))
      case .key(.pageDown): list.move(to: list.cursor + list.pageSize, count: rowCount(plan))
      case .key(.pageUp): list.move(to: list.cursor - list.pageSize, count: rowCount(plan))
      case .key(.enter):
        switch buttons.selected {
        case 0: apply(plan, skipRefused: false, app: app)
        case 1: apply(plan, skipRefused: true, app: app)
        default: phase = .choosing
        }
      default: _ = buttons.handle(event.tabAsRight)
      }
    }
    return true
  }

  private func plan(app: App) {
    let change: BulkChange
    do { change = try self.change() } catch {
      message = (describe(error), .error)
      return
    }
    let session = app.session
    let slugs = slugs
    phase = .planning
    message = nil
    app.submit({ try session.planBulkChange(slugs, change) }) { [weak self] result in
      guard let self else { return }
      switch result {
      case .success(let plan):
        self.list = StyledList()
        self.buttons.setEnabled([plan.changeCount > 0, plan.hasRefusals && plan.changeCountSkippingRefused > 0, true])
        self.phase = .preview(plan)
      case .failure(let error):
        self.phase = .choosing
        self.message = (describe(error), .error)
      }
    }
  }

  private func apply(_ plan: BulkPlan, skipRefused: Bool, app: App) {
    let session = app.session
    phase = .applying(plan)
    app.submit({ try session.applyBulkChange(plan, skipRefused: skipRefused) }) { [weak self, weak app] result in
      guard let self, let app else { return }
      switch result {
      case .success(let written):
        if app.overlay === self { app.dismissOverlay() }
        let datasets = Set(written.events.map(\.targetID)).count
        let skipped = written.skipped.isEmpty ? "" : "; skipped \(written.skipped.count) refused"
        app.toast(
          "Applied \(written.events.count) change(s) to \(datasets) dataset(s)\(skipped)", kind: .success, seconds: 6)
        app.catalogDidChange()
      case .failure(let error):
        self.phase = .preview(plan)
        self.message = (describe(error), .error)
      }
    }
  }

  private func rowCount(_ plan: BulkPlan) -> Int { plan.items.reduce(0) { $0 + $1.outcomes.count } }

  func render(_ context: RenderContext, in rect: Rect) {
    switch phase {
    case .choosing, .planning: renderChoosing(context, in: rect)
    case .preview(let plan), .applying(let plan): renderPreview(plan, context, in: rect)
    }
  }

  private func renderChoosing(_ context: RenderContext, in rect: Rect) {
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 72, height: 13, title: "Bulk change: \(slugs.count) dataset(s)")
    else { return }
    var y = form.render(context, in: inner, labelWidth: 11) + 1
    if let message { y = DialogFrame.paragraph(message.0, message.1, context, in: inner, from: y) }
    if case .planning = phase {
      context.terminal.put(text: "Planning…", in: inner.row(y - inner.y), style: context.style(.muted))
    }
    context.terminal.put(
      text: "Tab next · ←/→ choose · Enter preview · Esc cancel", in: inner.row(inner.height - 1),
      style: context.style(.muted))
  }

  private func renderPreview(_ plan: BulkPlan, _ context: RenderContext, in rect: Rect) {
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 110, height: rect.height - 2,
        title: "Preview: \(plan.change.changes.first?.summary ?? "")")
    else { return }
    let refused = plan.items.filter(\.isRefused).count
    let summary =
      "\(plan.changeCount) change(s) on \(plan.items.count) dataset(s)" + (refused > 0 ? ", \(refused) refused" : "")
    context.terminal.put(text: summary, in: inner.row(0), style: context.style(refused > 0 ? .warning : .text))
    var rows: [[StyledList.Cell]] = []
    for item in plan.items {
      for outcome in item.outcomes {
        let (label, role): (String, ThemeRole) =
          switch outcome.kind {
          case .apply: ("apply", .success)
          case .unchanged: ("unchanged", .muted)
          case .refused: ("refused", .error)
          }
        let detail =
          outcome.kind == .apply
          ? "\(outcome.before) \(context.glyphs.arrowRight) \(outcome.after)"
          : outcome.reason ?? outcome.before
        rows.append([
          .init(SafeText.line(item.slug), 24), .init(label, 9, role),
          .init(SafeText.line(detail), 0, outcome.kind == .refused ? .warning : .text),
        ])
      }
    }
    let listRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(1, inner.height - 8))
    list.render(
      context, in: listRect, header: [.init("Dataset", 24), .init("Outcome", 9), .init("Before → after / why", 0)],
      rows: rows)
    // The row under the cursor in full: refusal reasons are long sentences.
    var y = listRect.maxY
    let details = plan.items.flatMap { item in item.outcomes.map { (item.slug, $0) } }
    if details.indices.contains(list.cursor) {
      let (slug, outcome) = details[list.cursor]
      if let reason = outcome.reason {
        let role: ThemeRole = outcome.kind == .refused ? .error : .muted
        let lines = DisplayWidth.wrap("\(SafeText.line(slug)): \(SafeText.line(reason))", width: max(1, inner.width))
        for line in lines.prefix(2) {
          context.terminal.put(text: line, in: inner.row(y - inner.y), style: context.style(role))
          y += 1
        }
      }
    }
    y = listRect.maxY + 2
    if let message { y = DialogFrame.paragraph(message.0, message.1, context, in: inner, from: y) }
    if case .applying = phase {
      context.terminal.put(text: "Applying…", in: inner.row(inner.height - 2), style: context.style(.muted))
    } else {
      buttons.render(context, in: inner.row(inner.height - 2))
    }
    context.terminal.put(
      text: "↑/↓ scroll · ←/→ choose · Enter run · Esc back to the change", in: inner.row(inner.height - 1),
      style: context.style(.muted))
  }
}

extension InputEvent {
  /// Tab read as → (moving between buttons).
  var tabAsRight: InputEvent { self == .key(.tab) ? .key(.right) : self == .key(.backTab) ? .key(.left) : self }
}
