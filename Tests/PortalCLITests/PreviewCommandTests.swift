import Foundation
import PortalTesting
import Testing

/// `portal preview` (the real binary) over demo-like data and a hostile corpus: escape
/// sequences in names and content never reach the output raw, corrupt media give their
/// one-line reason, and coloured output holds nothing but well-formed SGR sequences.
struct PreviewCommandTests {
  /// Bytes that would act on a terminal: CSI colour, OSC title, OSC 52 clipboard, OSC 8
  /// link, DCS, a C1 CSI, bidi override, BEL.
  static let payload =
    "\u{1B}[31mred\u{1B}[0m \u{1B}]0;owned\u{07} \u{1B}]52;c;cm0gLXJmIC8=\u{07} \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ "
    + "\u{1B}P+q544e\u{1B}\\ \u{9B}2J \u{202E}txt.exe \u{07}"

  static func hostileTree(in dir: TemporaryDirectory) throws -> URL {
    let root = dir.appending("hostile")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    func write(_ name: String, _ data: Data) throws { try data.write(to: root.appendingPathComponent(name)) }
    // Real text around the payloads, as in a scraped page: detection sees text, not binary.
    let prose = String(repeating: "The council met on Tuesday to discuss the flood wall and the library.\n", count: 40)
    try write("evil\u{1B}]0;title\u{07}.txt", Data(("Intro\n" + payload + "\n" + prose + "end\n").utf8))
    var jsonl = Data(#"{"k\#u{1B}[2J": "v\#(payload)"}"#.utf8) + Data([0x0A])
    for index in 0..<40 {
      jsonl += Data(#"{"id": \#(index), "text": "An ordinary record about the harbour."}"#.utf8 + [0x0A])
    }
    jsonl += Data(#"{"bad": ""#.utf8) + Data([0xFF, 0xFE, 0xC3]) + Data(#""}"#.utf8) + Data([0x0A])
    jsonl += Data(#"{"nul": "a"#.utf8) + Data([0x00]) + Data(#"b"}"#.utf8) + Data([0x0A])
    jsonl += Data((String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000) + "\n").utf8)
    try write("records.jsonl", jsonl)
    try write(
      "table.csv", Data("id,name\u{1B}[5m,notes\n1,\"\u{1B}]52;c;eA==\u{07}\",ok\n2,\"unbalanced,x\n3,c,d\n".utf8))
    let png = MediaBytes.png(width: 64, height: 64)
    try write("cut.png", png.prefix(png.count - 12) + Data([0, 0, 0, 10]) + Data("IDAT".utf8) + Data([1, 2, 3]))
    try write("bomb.png", MediaBytes.png(width: 100_000, height: 100_000))
    try write("cut.jpg", MediaBytes.jpeg(width: 320, height: 200))
    try write("cut.wav", MediaBytes.wav(seconds: 1).prefix(200))
    try write("broken.pdf", Data("%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n".utf8))
    try write("swap.png", MediaBytes.png(width: 8, height: 8))
    return root
  }

  struct Row: Decodable {
    struct S: Decodable { var ordinal: Int }
    var sample: S
    var relativePath: String
  }

  static func isWellFormedSGROnly(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x1B {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else { return false }
        var end = index + 2
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "m") else { return false }
        index = end
      }
      index += 1
    }
    return true
  }

  @Test func hostileSamplesNeverReachTheTerminalRawAndCorruptOnesSayWhy() throws {
    let dir = try TemporaryDirectory("cli-preview-hostile")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init", "--organisation", "Test"], home: home).status == 0)
    let root = try Self.hostileTree(in: dir)
    let imported = try PortalBinary.run(["import", root.path, "--name", "Hostile"], home: home)
    #expect(imported.status == 0, "\(imported.stderr)")
    // A file replaced after the import must not be fed to the wrong decoder.
    try MediaBytes.jpeg(width: 8, height: 8).write(to: root.appendingPathComponent("swap.png"))
    let listed = try PortalBinary.run(["samples", "hostile", "--json", "--limit", "100"], home: home)
    let rows = try JSONDecoder().decode([Row].self, from: Data(listed.stdout.utf8))
    let expected: [String: String] = [
      "cut.png": "corrupt PNG", "bomb.png": "100000×100000", "cut.jpg": "corrupt JPEG", "cut.wav": "truncated",
      "broken.pdf": "PDF", "swap.png": "wrong magic bytes",
    ]
    #expect(Set(expected.keys).isSubset(of: Set(rows.map(\.relativePath))), "\(rows.map(\.relativePath))")
    #expect(rows.contains { $0.relativePath.hasPrefix("evil") }, "\(listed.stdout)")
    for row in rows {
      for mode in [["--color", "never"], ["--plain"]] {
        let result = try PortalBinary.run(
          ["preview", "hostile", String(row.sample.ordinal), "--width", "70", "--height", "14"] + mode, home: home)
        #expect(result.status == 0, "\(row.relativePath): \(result.stderr)")
        #expect(!result.stdout.utf8.contains(0x1B), "raw ESC in \(row.relativePath) \(mode)")
        #expect(!result.stdout.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
        if let reason = expected[row.relativePath] {
          #expect(result.stdout.contains(reason), "\(row.relativePath): \(result.stdout)")
        }
      }
      for depth in ["16", "256", "truecolor"] {
        let result = try PortalBinary.run(
          ["preview", "hostile", String(row.sample.ordinal), "--width", "70", "--height", "14", "--color", depth],
          home: home)
        #expect(result.status == 0)
        #expect(Self.isWellFormedSGROnly(result.stdout), "\(row.relativePath) at \(depth)")
      }
    }
    let text = try PortalBinary.run(
      [
        "preview", "hostile", rows.first { $0.relativePath.hasPrefix("evil") }.map { String($0.sample.ordinal) } ?? "0",
        "--color", "never",
      ], home: home)
    #expect(text.stdout.contains("␛[31mred"))
    #expect(text.stdout.contains("␛]52;c;cm0gLXJmIC8=␇"))
    #expect(text.stdout.contains("<U+202E>"))
  }

  @Test func previewPrintsTruecolorHalfBlocksAndFindsSamplesByPath() throws {
    let dir = try TemporaryDirectory("cli-preview-image")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init", "--organisation", "Test"], home: home).status == 0)
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Portal/Demo/Fixtures/photo-library")
    #expect(try PortalBinary.run(["import", fixtures.path, "--name", "Photos"], home: home).status == 0)
    let image = try PortalBinary.run(
      ["preview", "photos", "lake-at-dusk.jpg", "--width", "40", "--height", "12", "--color", "truecolor"], home: home)
    #expect(image.status == 0, "\(image.stderr)")
    #expect(image.stdout.contains("▀"))
    #expect(image.stdout.contains("\u{1B}[0;38;2;"))
    #expect(image.stdout.contains("640×400"))
    let plain = try PortalBinary.run(["preview", "photos", "lake-at-dusk.jpg", "--plain"], home: home)
    #expect(!plain.stdout.contains("▀") && plain.stdout.contains("JPEG"))
    let missing = try PortalBinary.run(["preview", "photos", "99"], home: home)
    #expect(missing.status != 0 && missing.stderr.contains("portal samples photos"))
  }

  /// `--plain` is text only: no picture glyphs of any kind (half blocks, shades), no blank
  /// waveform rows, but every fact (size, format, duration, rate, channels, levels).
  @Test func plainPreviewDrawsNoPicturesButKeepsEveryFact() throws {
    let dir = try TemporaryDirectory("cli-preview-plain")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init", "--organisation", "Test"], home: home).status == 0)
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Portal/Demo/Fixtures")
    for (folder, name) in [("photo-library", "Photos"), ("oral-history", "Voices")] {
      let imported = try PortalBinary.run(
        ["import", fixtures.appendingPathComponent(folder).path, "--name", name], home: home)
      #expect(imported.status == 0, "\(imported.stderr)")
    }
    let pictureGlyphs = Set("▀▄█░▒▓".unicodeScalars)
    let image = try PortalBinary.run(
      ["preview", "photos", "lake-at-dusk.jpg", "--plain", "--width", "100", "--height", "30"], home: home)
    #expect(image.status == 0, "\(image.stderr)")
    #expect(!image.stdout.unicodeScalars.contains { pictureGlyphs.contains($0) }, "\(image.stdout)")
    #expect(image.stdout.contains("640×400") && image.stdout.contains("JPEG"), "\(image.stdout)")
    #expect(image.stdout.split(separator: "\n").count <= 4, "\(image.stdout)")
    for recording in ["oral-history-01-mill-worker.wav", "oral-history-02-library.ogg"] {
      // At 60 columns the facts wrap instead of losing the levels at the end of the row.
      let audio = try PortalBinary.run(
        ["preview", "voices", recording, "--plain", "--width", "60", "--height", "30"], home: home)
      #expect(audio.status == 0, "\(audio.stderr)")
      #expect(!audio.stdout.unicodeScalars.contains { pictureGlyphs.contains($0) }, "\(audio.stdout)")
      for fact in ["peak", "RMS", "Hz", "mono"] { #expect(audio.stdout.contains(fact), "\(fact): \(audio.stdout)") }
      #expect(!audio.stdout.contains("\n\n"), "blank rows where the waveform was: \(audio.stdout)")
    }
  }

  /// A short note with bells and a DCS sequence is imported as text, not skipped as
  /// binary, and its preview shows the controls as visible escapes.
  @Test func textWithAFewControlCharactersIsImportedAndPreviewedWithVisibleEscapes() throws {
    let dir = try TemporaryDirectory("cli-preview-bell")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init", "--organisation", "Test"], home: home).status == 0)
    let root = dir.appending("notes")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try Data("Ring \u{07}\u{07} the bell \u{1B}P+q544e\u{1B}\\ done\n".utf8).write(
      to: root.appendingPathComponent("bell.txt"))
    let imported = try PortalBinary.run(["import", root.path, "--name", "Bells"], home: home)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(!imported.stdout.contains("binary") && !imported.stderr.contains("binary"), "\(imported.stdout)")
    let preview = try PortalBinary.run(["preview", "bells", "0", "--color", "never"], home: home)
    #expect(preview.status == 0, "\(preview.stderr)")
    #expect(preview.stdout.contains("␇␇ the bell ␛P+q544e␛\\"), "\(preview.stdout)")
    #expect(!preview.stdout.utf8.contains(0x1B) && !preview.stdout.utf8.contains(0x07))
  }
}
