import Foundation
import TerminalKit

extension ActionID {
  /// Opens the guided tour (from the palette: `:tour`).
  static let tour = ActionID("app.tour")
}

extension App {
  /// Opens the tour at its first step (replacing one already open).
  public func startTour(_ tour: Tour? = nil) {
    let tour = tour ?? Tour(steps: TourScript.standard(role: session.actor.role))
    self.tour = tour
    tour.update(app: self)
  }

  /// Closes the tour (`:tour` reopens it).
  public func endTour() {
    guard tour != nil else { return }
    tour = nil
    toast("tour closed — F2 or :tour reopens it", kind: .info, seconds: 3)
  }

  /// The tour's look at the app after events: moves past steps the presenter has done.
  func updateTour() { tour?.update(app: self) }

  /// Autoplay's clock, from the idle loop; true if the tour acted (redraw).
  func tickTour() -> Bool { tour?.tick(app: self) ?? false }

  /// Draws the tour's box and its pointer over everything but the status bar.
  func renderTour(_ context: RenderContext, body: Rect) {
    guard let tour else { return }
    TourView(tour: tour).render(context, app: self, body: body)
  }
}
