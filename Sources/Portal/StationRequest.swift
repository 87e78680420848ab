/// What a reviewer may run without the TUI on a review station: the command their SSH
/// client asked for (`SSH_ORIGINAL_COMMAND`), checked against a short read-only list
/// and turned into `portal` arguments. Never handed to a shell.
public enum StationRequest {
  /// The commands allowed, as shown to someone who asked for another.
  public static let allowed = [
    "datasets list [--json]", "datasets show DATASET [--json]", "search WORDS… [--json]",
    "samples DATASET [--json]", "preview DATASET [SAMPLE] --plain",
  ]

  /// The `portal` arguments for `original`, or an error listing what is allowed.
  /// A leading `portal` is accepted and dropped; the catalog and identity are added by
  /// the caller, never taken from the request.
  public static func arguments(for original: String) throws -> [String] {
    var words = try split(original)
    if words.first == "portal" { words.removeFirst() }
    let flags = words.filter { $0.hasPrefix("-") }
    let positional = words.filter { !$0.hasPrefix("-") }
    func allow(_ fixed: [String], positional range: ClosedRange<Int>, flags allowedFlags: Set<String>) -> Bool {
      positional.starts(with: fixed) && range.contains(positional.count - fixed.count)
        && Set(flags).isSubset(of: allowedFlags) && flags.count == Set(flags).count
        && words.prefix(fixed.count) == ArraySlice(fixed)
    }
    if allow(["datasets", "list"], positional: 0...0, flags: ["--json"])
      || allow(["datasets", "show"], positional: 1...1, flags: ["--json"])
      || allow(["search"], positional: 1...16, flags: ["--json"])
      || allow(["samples"], positional: 1...1, flags: ["--json"])
    {
      return words
    }
    if allow(["preview"], positional: 1...2, flags: ["--plain"]) {
      return flags.isEmpty ? words + ["--plain"] : words
    }
    throw PortalError.notAllowed(refusal(original))
  }

  /// The sentence a refused request gets.
  static func refusal(_ original: String) -> String {
    let shown = SafeText.line(String(original.prefix(80)))
    return "this review station only runs the TUI or one of: "
      + allowed.map { "`\($0)`" }.joined(separator: ", ") + " — not `\(shown)`"
  }

  /// Splits on whitespace; single or double quotes group words (no escapes, no
  /// expansion). Refuses an unterminated quote and control characters.
  public static func split(_ text: String) throws -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    for character in text {
      if character.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
        throw PortalError.notAllowed("the command has control characters")
      }
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if quote != nil { throw PortalError.notAllowed("the command has an unterminated quote") }
    if inWord { words.append(current) }
    return words
  }
}
