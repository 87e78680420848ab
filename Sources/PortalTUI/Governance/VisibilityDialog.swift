import Foundation
import Portal
import PortalCore
import TerminalKit

/// `v`: the dataset's visibility with the live publication checklist (each item met ✓
/// or not ✗ with what to do), and the moves the rules allow: request publication,
/// withdraw the request, publish (only when every item but the confirmation is met,
/// then typing "publish" because it cannot be undone), make private.
final class VisibilityDialog: Overlay {
  private enum Button: Int, CaseIterable {
    case request, withdraw, publish, makePrivate

    var label: String { ["Request publication", "Withdraw", "Publish", "Make private"][rawValue] }
  }

  private var dataset: Dataset
  private var checklist: DatasetScreen.Loadable<PublicationChecklist> = .loading
  private var buttons = ButtonBar(Button.allCases.map(\.label))
  private var confirming: TextField?
  private var message: (String, ThemeRole)?
  private var busy = false
  /// What the actor may do on the dataset (nil until loaded).
  private var allowed: Set<String>?

  init(dataset: Dataset) { self.dataset = dataset }

  var capturesText: Bool { confirming != nil }

  /// Whether the Publish button is enabled (tests).
  var publishEnabled: Bool { buttons.enabled[Button.publish.rawValue] }

  /// The checklist shown, once loaded (tests).
  var shownChecklist: PublicationChecklist? { checklist.value }

  /// Every item but the typed confirmation is met.
  private var readyToPublish: Bool {
    guard let items = checklist.value?.items else { return false }
    return items.filter { $0.kind != .confirmation }.allSatisfy(\.met)
  }

  /// Loads the checklist (call after presenting).
  func reload(app: App) {
    let session = app.session
    let slug = dataset.slug
    app.submit(
      key: "visibility.checklist",
      { () throws -> (DatasetDetail, PublicationChecklist) in
        (try session.showDataset(slug), try session.publicationChecklist(slug))
      }
    ) { [weak self] result in
      guard let self else { return }
      switch result {
      case .success(let (detail, list)):
        self.dataset = detail.summary.dataset
        self.allowed = Set(detail.allowedActions)
        self.checklist = .loaded(list)
      case .failure(let error): self.checklist = .failed(describe(error))
      }
      self.updateButtons()
    }
  }

  private func updateButtons() {
    let visibility = dataset.visibility
    // Disabled for those the policy refuses: the session would refuse them anyway.
    let changes = allowed?.contains("changeVisibility") ?? false
    let publishes = allowed?.contains("publish") ?? false
    buttons.setEnabled([
      changes && visibility == .private, changes && visibility == .publicPending,
      publishes && visibility == .publicPending && readyToPublish, changes && visibility != .private,
    ])
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    if busy { return true }
    if var field = confirming {
      switch event {
      case .key(.escape):
        confirming = nil
        message = nil
      case .key(.enter):
        guard field.text.trimmingCharacters(in: .whitespaces) == "publish" else {
          message = ("Type the word publish to confirm (publication cannot be undone).", .warning)
          return true
        }
        confirming = nil
        run(app: app, "Published \(dataset.name)") { [slug = dataset.slug] session in
          try session.publish(slug, confirmedIrreversible: true)
        }
      default:
        _ = field.handle(event)
        confirming = field
      }
      return true
    }
    switch event {
    case .key(.escape), .key(.character("q")): return false
    case .key(.enter):
      guard let button = Button(rawValue: buttons.selected), buttons.enabled[buttons.selected] else { return true }
      press(button, app: app)
    default:
      if !buttons.handle(event), case .key(.tab) = event { _ = buttons.handle(.key(.right)) }
    }
    return true
  }

  private func press(_ button: Button, app: App) {
    let slug = dataset.slug
    switch button {
    case .request:
      run(app: app, "Publication requested for \(dataset.name)") { try $0.requestPublication(slug) }
    case .withdraw, .makePrivate:
      run(app: app, "\(dataset.name) is private") { try $0.withdrawPublication(slug) }
    case .publish:
      confirming = TextField(placeholder: "type: publish", maxLength: 20)
      message = nil
    }
  }

  /// Runs one write; the dialog stays open showing the new state or the refusal.
  private func run(app: App, _ done: String, _ work: @escaping @Sendable (PortalSession) throws -> BulkResult) {
    let session = app.session
    busy = true
    app.submit({ try work(session) }) { [weak self, weak app] result in
      guard let self, let app else { return }
      self.busy = false
      switch result {
      case .success:
        self.message = (done, .success)
        app.toast(done, kind: .success, seconds: 5)
        app.catalogDidChange()
      case .failure(let error): self.message = (describe(error), .error)
      }
      self.reload(app: app)
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 100, height: min(rect.height - 2, 26),
        title: "Visibility of \(SafeText.line(dataset.name))")
    else { return }
    let terminal = context.terminal
    let role: ThemeRole =
      switch dataset.visibility {
      case .public: .public
      case .publicPending: .pending
      case .private: .private
      }
    terminal.put(text: "Now:", in: Rect(x: inner.x, y: inner.y, width: 5, height: 1), style: context.style(.muted))
    terminal.put(
      text: dataset.visibility.rawValue, in: Rect(x: inner.x + 5, y: inner.y, width: 20, height: 1),
      style: context.style(role).adding(.bold))
    var y = inner.y + 2
    switch checklist {
    case .loading:
      terminal.put(
        text: "Checking the publication checklist…", in: inner.row(y - inner.y), style: context.style(.muted))
      y += 1
    case .failed(let text):
      y = DialogFrame.paragraph(text, .error, context, in: inner, from: y)
    case .loaded(let list):
      terminal.put(text: "Publication checklist", in: inner.row(y - inner.y), style: context.style(.header))
      y += 1
      let titleWidth = 22
      let textRect = Rect(
        x: inner.x + titleWidth + 2, y: inner.y, width: max(1, inner.width - titleWidth - 2), height: inner.height - 4)
      for item in list.items where y < inner.maxY - 4 {
        let mark = item.met ? context.glyphs.check : context.glyphs.cross
        terminal.put(
          text: "\(mark) \(item.title)", in: Rect(x: inner.x, y: y, width: titleWidth + 1, height: 1),
          style: context.style(item.met ? .success : .error))
        let explanation =
          item.kind == .confirmation && !item.met
          ? "type publish after pressing Publish (cannot be undone)" : item.explanation
        y = DialogFrame.paragraph(SafeText.line(explanation), item.met ? .text : .muted, context, in: textRect, from: y)
      }
    }
    let bottom = inner.maxY - 3
    if let field = confirming {
      terminal.put(
        text: message?.0 ?? "Publish is permanent. Type publish and Enter (Esc cancels):",
        in: inner.row(bottom - inner.y), style: context.style(.warning))
      var form = FormFields(rows: [.init(label: "Confirm", control: .text(field))])
      form.render(context, in: Rect(x: inner.x, y: bottom + 1, width: min(40, inner.width), height: 1), labelWidth: 8)
      if case .text(let drawn) = form.rows[0].control { confirming = drawn }
    } else {
      if let message {
        terminal.put(text: message.0, in: inner.row(bottom - inner.y), style: context.style(message.1))
      } else if let allowed, !allowed.contains("changeVisibility") {
        terminal.put(
          text: "Only the dataset's owner or a steward may change its visibility.", in: inner.row(bottom - inner.y),
          style: context.style(.muted))
      }
      buttons.render(context, in: inner.row(bottom + 1 - inner.y))
    }
    terminal.put(
      text: busy ? "Working…" : "←/→ choose · Enter run · Esc close", in: inner.row(inner.height - 1),
      style: context.style(.muted))
  }
}
