import Foundation

/// Offline language identification: naive Bayes over character 1- to 3-grams of
/// space-padded, lower-cased words, with profiles built by `scripts/make-langid-profiles`
/// from Debian word lists and shipped in `Resources/langid/<tag>.txt`.
///
/// Only the first ``maxCharacters`` characters are read: a document's opening is enough,
/// and it bounds the cost. Returns `und` for texts with fewer than ``minLetters`` letters
/// or when the winner's confidence is below ``minConfidence``.
public struct LanguageIdentifier: Sendable {
  /// A decision.
  public struct Guess: Sendable, Equatable {
    /// A BCP-47 primary tag (`en`, `fr`…) or `und`.
    public var language: String
    /// 0…1: how far the winner is ahead of the runner-up, scaled by the evidence.
    public var confidence: Double
  }

  /// Characters read from the start of a text.
  public var maxCharacters = 2_000
  /// Fewer letters than this gives `und`.
  public var minLetters = 12
  /// Below this confidence the answer is `und`.
  public var minConfidence = 0.2
  /// The languages known, in profile order.
  public let languages: [String]
  /// n-gram (packed scalars) → log-probability per language.
  private let table: [UInt64: [Float]]
  /// Log-probability of an n-gram a language's profile lacks, per order, per language.
  private let floors: [[Float]]

  /// Loads the profiles shipped with the module.
  public init() throws {
    try self.init(directory: Self.resourceDirectory())
  }

  /// Loads `<tag>.txt` profiles (`ngram<TAB>count` lines) from `directory`.
  public init(directory: URL) throws {
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
    let profiles = files.filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    guard !profiles.isEmpty else { throw CleaningError.missingLanguageProfiles("no profiles in \(directory.path)") }
    languages = profiles.map { $0.deletingPathExtension().lastPathComponent }
    var counts: [[UInt64: Double]] = []
    var floors: [[Float]] = []
    for file in profiles {
      let text = try String(contentsOf: file, encoding: .utf8)
      var grams: [UInt64: Double] = [:]
      var totals = [Double](repeating: 0, count: 4)
      var minimums = [Double](repeating: .infinity, count: 4)
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Double(parts[1]) else { continue }
        let scalars = Array(parts[0].unicodeScalars)
        guard (1...3).contains(scalars.count) else { continue }
        grams[Self.pack(scalars)] = count
        totals[scalars.count] += count
        minimums[scalars.count] = min(minimums[scalars.count], count)
      }
      for (key, count) in grams { grams[key] = log(count / max(totals[Self.order(key)], 1)) }
      var floor = [Float](repeating: -20, count: 4)
      for order in 1...3 where totals[order] > 0 {
        // An n-gram missing from a profile is taken as half as likely as its rarest one.
        let probability: Double = minimums[order] / 2 / totals[order]
        floor[order] = Float(log(probability))
      }
      floors.append(floor)
      counts.append(grams)
    }
    var table: [UInt64: [Float]] = [:]
    for (language, grams) in counts.enumerated() {
      for (key, value) in grams {
        var row = table[key] ?? (0..<counts.count).map { floors[$0][Self.order(key)] }
        row[language] = Float(value)
        table[key] = row
      }
    }
    self.table = table
    self.floors = floors
  }

  /// The most likely language of `text`.
  public func identify(_ text: String) -> Guess {
    var scores = [Float](repeating: 0, count: languages.count)
    var grams = 0
    var letters = 0
    // The last two scalars, each stored plus one as in `pack` (0 = none yet); allocation-free.
    let space = UInt64(0x20 + 1)
    var previous = space
    var beforePrevious: UInt64 = 0
    func count(_ key: UInt64) {
      guard let row = table[key] else { return }
      grams += 1
      for index in scores.indices { scores[index] += row[index] }
    }
    func push(_ value: UInt64) {
      if value != space { count(value) }
      count(previous << 21 | value)
      if beforePrevious != 0 && previous != space { count(beforePrevious << 42 | previous << 21 | value) }
      beforePrevious = previous
      previous = value
    }
    for character in text.prefix(maxCharacters).lowercased().unicodeScalars {
      if character.properties.isAlphabetic {
        letters += 1
        push(UInt64(character.value) + 1)
      } else if previous != space {
        push(space)
      }
    }
    if previous != space { push(space) }
    guard letters >= minLetters, grams > 0, let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else {
      return Guess(language: "und", confidence: 0)
    }
    let runnerUp = scores.indices.filter { $0 != best }.map { scores[$0] }.max() ?? -.infinity
    // The mean per-n-gram margin, grown with the evidence: long texts earn certainty.
    let margin = Double(scores[best] - runnerUp) / Double(grams)
    let confidence = 1 - exp(-margin * Double(grams).squareRoot() * 2)
    return Guess(language: confidence >= minConfidence ? languages[best] : "und", confidence: confidence)
  }

  // MARK: - Helpers

  /// Up to three scalars in 21-bit chunks, each stored plus one so the order is recoverable.
  static func pack(_ scalars: [Unicode.Scalar]) -> UInt64 {
    scalars.reduce(UInt64(0)) { $0 << 21 | UInt64($1.value + 1) }
  }

  static func order(_ key: UInt64) -> Int {
    var key = key
    var order = 0
    while key > 0 {
      order += 1
      key >>= 21
    }
    return order
  }

  /// `Resources/langid` in the module bundle, or next to this source file (for tools run
  /// outside the bundle layout SwiftPM expects).
  static func resourceDirectory() throws -> URL {
    // Bundle.module traps when its bundle is missing, so look before touching it.
    let bundled = Bundle.main.bundleURL.appendingPathComponent("partner-portal_PortalCleaning.resources")
    if FileManager.default.fileExists(atPath: bundled.path),
      let url = Bundle.module.url(forResource: "langid", withExtension: nil, subdirectory: "Resources")
    {
      return url
    }
    let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Resources/langid")
    if FileManager.default.fileExists(atPath: fallback.path) { return fallback }
    // Last resort: the build-directory bundle SwiftPM's accessor also knows.
    guard let url = Bundle.module.url(forResource: "langid", withExtension: nil, subdirectory: "Resources") else {
      throw CleaningError.missingLanguageProfiles("not found in the bundle or at \(fallback.path)")
    }
    return url
  }
}
