import CNcurses

extension NcursesTerminal {
  /// Waits for the next key, mouse or resize event; nil when `timeout` passes first.
  ///
  /// Keys ncurses reports but that have no ``Key`` (rare keypad codes) are skipped; while skipping,
  /// the wait restarts, so a flood of unknown keys can stretch the timeout.
  public func readEvent(timeout: Duration?) -> InputEvent? {
    guard isActive else { return nil }
    let window = shim_stdscr()
    wtimeout(window, timeout.map(Self.milliseconds) ?? -1)
    while true {
      var character: wint_t = 0
      let status = wget_wch(window, &character)
      if status == shim_err() { return nil }
      if status == shim_key_code_yes() {
        if let event = decodeKeyCode(Int32(bitPattern: character)) { return event }
      } else if let key = Key.fromCodePoint(UInt32(character)) {
        return .key(key)
      }
    }
  }

  private func decodeKeyCode(_ code: Int32) -> InputEvent? {
    switch code {
    case shim_key_up(): return .key(.up)
    case shim_key_down(): return .key(.down)
    case shim_key_left(): return .key(.left)
    case shim_key_right(): return .key(.right)
    case shim_key_home(), shim_key_a1(): return .key(.home)
    case shim_key_end(), shim_key_c1(): return .key(.end)
    case shim_key_ppage(): return .key(.pageUp)
    case shim_key_npage(): return .key(.pageDown)
    case shim_key_enter(): return .key(.enter)
    case shim_key_backspace(): return .key(.backspace)
    case shim_key_dc(): return .key(.delete)
    case shim_key_ic(): return .key(.insert)
    case shim_key_btab(): return .key(.backTab)
    case shim_key_resize(): return .resize(size)
    case shim_key_mouse(): return decodeMouse()
    case shim_key_f(1)...shim_key_f(24): return .key(.function(Int(code - shim_key_f(0))))
    default: return nil
    }
  }

  private func decodeMouse() -> InputEvent? {
    var event = MEVENT()
    guard getmouse(&event) == shim_ok() else { return nil }
    let position = Point(x: Int(event.x), y: Int(event.y))
    let state = event.bstate
    let action: MouseAction
    if state & shim_button4_pressed() != 0 {
      action = .wheelUp
    } else if state & shim_button5_pressed() != 0 {
      action = .wheelDown
    } else if state & (shim_button1_pressed() | shim_button1_clicked()) != 0 {
      action = .leftClick
    } else if state & shim_button2_pressed() != 0 {
      action = .middleClick
    } else if state & shim_button3_pressed() != 0 {
      action = .rightClick
    } else {
      return nil
    }
    return .mouse(MouseEvent(action, at: position))
  }

  static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
    return Int32(clamping: max(0, total))
  }
}
