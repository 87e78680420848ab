import Foundation

/// How `portal demo` starts the guided tour.
public struct TourLaunch: Sendable, Equatable {
  /// Play the tour by itself, looping, until a key is pressed.
  public var autoplay: Bool
  /// Seconds autoplay shows each step before doing it.
  public var stepSeconds: TimeInterval

  /// Creates the options.
  public init(autoplay: Bool = false, stepSeconds: TimeInterval = 3) {
    self.autoplay = autoplay
    self.stepSeconds = stepSeconds
  }
}
