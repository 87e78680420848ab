/// A text field for a `YYYY-MM-DD` date that accepts only digits and dashes and says when the
/// date does not exist.
public struct DateField: Sendable {
  /// The underlying text field.
  public var field: TextField
  /// Style of the field when its text is not a valid date.
  public var invalidStyle = Style(foreground: .red, attributes: .underline)

  /// Creates a date field, optionally with a date.
  public init(date: CalendarDate? = nil) {
    field = TextField(text: date?.description ?? "", placeholder: "YYYY-MM-DD", maxLength: 10)
    field.allowedCharacters = { $0 == "-" || ($0.isASCII && $0.isNumber) }
  }

  /// The date typed, or nil while empty or invalid.
  public var date: CalendarDate? { CalendarDate(parsing: field.text) }

  /// Why the text is not a date, or nil when it is one (or the field is empty).
  public var validationMessage: String? {
    let text = field.text
    if text.isEmpty || date != nil { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if text.count != 10 || parts.count != 3 { return "use the form YYYY-MM-DD" }
    if let month = Int(parts[1]), !(1...12).contains(month) { return "month must be 01–12" }
    return "\(text) is not a day of the calendar"
  }

  /// Editing keys, as for ``TextField``.
  public mutating func handle(_ event: InputEvent) -> Bool { field.handle(event) }

  /// Draws the field, in ``invalidStyle`` when the text is not a date.
  public mutating func render(into terminal: any Terminal, in rect: Rect, focused: Bool) {
    let normal = field.styles
    if validationMessage != nil {
      field.styles.field = invalidStyle
      field.styles.focused = invalidStyle.adding(.bold)
    }
    field.render(into: terminal, in: rect, focused: focused)
    field.styles = normal
  }
}
