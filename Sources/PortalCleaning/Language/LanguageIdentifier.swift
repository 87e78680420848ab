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
  public var maxCharacters = 1_000
  /// Fewer letters than this gives `und`.
  public var minLetters = 12
  /// Below this confidence the answer is `und`.
  public var minConfidence = 0.2
  /// The languages known, in profile order.
  public let languages: [String]
  /// n-gram (packed scalars) → row in ``rows``.
  private let table: UInt64Table
  /// Log-probabilities, one row of `languages.count` per n-gram.
  private let rows: [Float]
  /// Function-word hash (``wordHash(_:)``) → bit mask of the languages listing it (the
  /// profiles' `words` lines).
  private let functionWords: UInt64Table
  /// Log-likelihood added per function word to each language listing it: such a word is
  /// taken as e^3 ≈ 20 times likelier in its languages (fixed a priori, not fitted).
  public var functionWordBonus: Float = 3
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
    var words: [String: [Int]] = [:]
    for file in profiles {
      let text = try String(contentsOf: file, encoding: .utf8)
      var grams: [UInt64: Double] = [:]
      var totals = [Double](repeating: 0, count: 4)
      var minimums = [Double](repeating: .infinity, count: 4)
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        if parts.count == 2 && parts[0] == "words" {
          for word in parts[1].split(separator: " ") { words[String(word), default: []].append(counts.count) }
          continue
        }
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
    var index = UInt64Table(minimumCapacity: table.count)
    var rows: [Float] = []
    for (key, row) in table {
      index.set(Int32(rows.count / profiles.count), for: key)
      rows.append(contentsOf: row)
    }
    self.table = index
    self.rows = rows
    self.floors = floors
    var wordTable = UInt64Table(minimumCapacity: words.count)
    for (word, listed) in words {
      wordTable.set(listed.reduce(Int32(0)) { $0 | Int32(1) << Int32($1) }, for: Self.wordHash(word))
    }
    self.functionWords = wordTable
  }

  /// The most likely language of `text`.
  public func identify(_ text: String) -> Guess {
    var scores = [Float](repeating: 0, count: languages.count)
    var grams = 0
    var letters = 0
    // The last two scalars, each stored plus one as in `pack` (0 = none yet). No closures
    // and no allocation in this loop: it runs three table probes per character.
    let space = UInt64(0x20 + 1)
    var previous = space
    var beforePrevious: UInt64 = 0
    let width = languages.count
    scores.withUnsafeMutableBufferPointer { scores in
      rows.withUnsafeBufferPointer { rows in
        var pending: [UInt64] = []
        pending.reserveCapacity(3)
        var scalars = text.unicodeScalars.prefix(maxCharacters).makeIterator()
        var finished = false
        var word = Self.wordSeed
        var wordLength = 0
        while !finished {
          let value: UInt64
          if let scalar = scalars.next() {
            if let letter = Self.letterValue(scalar) {
              letters += 1
              wordLength += 1
              word = (word ^ UInt64(letter)) &* 0x100_0000_01b3
              value = UInt64(letter) + 1
            } else if previous != space {
              value = space
            } else {
              continue
            }
          } else {
            finished = true
            guard previous != space else { break }
            value = space
          }
          if value == space {
            // A word ended: a function word adds its bonus to every language listing it.
            if wordLength <= 6, let mask = functionWords.value(for: word) {
              for language in 0..<width where mask & Int32(1) << Int32(language) != 0 {
                scores[language] += functionWordBonus
              }
            }
            word = Self.wordSeed
            wordLength = 0
          }
          pending.removeAll(keepingCapacity: true)
          if value != space { pending.append(value) }
          pending.append(previous << 21 | value)
          if beforePrevious != 0 && previous != space { pending.append(beforePrevious << 42 | previous << 21 | value) }
          beforePrevious = previous
          previous = value
          for key in pending {
            guard let row = table.value(for: key) else { continue }
            grams += 1
            let base = Int(row) * width
            for index in 0..<width { scores[index] += rows[base + index] }
          }
        }
      }
    }
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

  static let wordSeed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// FNV-1a over a word's lower-cased letter values, as `identify` computes it on the fly.
  static func wordHash(_ word: String) -> UInt64 {
    word.unicodeScalars.reduce(wordSeed) { hash, scalar in
      guard let letter = letterValue(scalar) else { return hash }
      return (hash ^ UInt64(letter)) &* 0x100_0000_01b3
    }
  }

  /// The lower-cased scalar value of a letter, or `nil` for anything that separates words.
  @inline(__always)
  static func letterValue(_ scalar: Unicode.Scalar) -> UInt32? {
    if scalar.isASCII {
      let value = scalar.value | 0x20
      return value >= 0x61 && value <= 0x7A ? value : nil
    }
    guard scalar.properties.isAlphabetic else { return nil }
    guard scalar.properties.changesWhenLowercased else { return scalar.value }
    return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
  }

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
