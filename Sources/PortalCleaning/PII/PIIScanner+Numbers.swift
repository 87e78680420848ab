// Digit runs: one parser reads a maximal run of digit groups joined by single separators
// (space, '-', '.', parentheses; OCR's "- " and ". " too), then the run is classified by
// its digit count, group shape and check digits. Dates (2019-03-14, 14.03.2019), ISBNs
// (978-…, issuer prefix 9), times, prices, page ranges and years match no shape, and
// checksum failures (Luhn, mod 97, EAN-13, NIR key) are left alone.
extension PIIScanner {
  /// The parsed shape of a digit run.
  struct DigitRun {
    var digits: [UInt8] = []
    var groups: [Range<Int>] = []
    var separators: [UInt8] = []
    var plus = false
    var parenthesisedFirst = false
    var corsica: UInt8?
  }

  /// Parses the run at `start`; returns a match if any, and where scanning should resume.
  func number(at start: Int) -> (PIIMatch?, Int) {
    let run = parseRun(at: start)
    guard let last = run.groups.last else { return (nil, start + 1) }
    let end = last.upperBound
    guard isBoundary(after: end) else {
      // "978-2-07-036822-X" or "12345abc": skip the whole token.
      var index = end
      while index < bytes.count && Self.isAlphanumeric(bytes[index]) { index += 1 }
      return (nil, index)
    }
    guard let type = classify(run, start: start) else { return (nil, end) }
    if type == .ip { return (ipv4(groups: run.groups, separators: run.separators, start: start), end) }
    return (PIIMatch(type: type, range: start..<end), end)
  }

  private func parseRun(at start: Int) -> DigitRun {
    var run = DigitRun()
    let count = bytes.count
    var index = start
    if bytes[index] == UInt8(ascii: "+") {
      run.plus = true
      index += 1
    }
    while index < count && run.digits.count <= 40 {
      var openParen = false
      if bytes[index] == UInt8(ascii: "(") {
        openParen = true
        index += 1
      }
      let groupStart = index
      while index < count {
        let byte = bytes[index]
        if Self.isDigit(byte) {
          run.digits.append(byte - 48)
        } else if (byte == UInt8(ascii: "A") || byte == UInt8(ascii: "B")) && run.digits.count == 6
          && run.digits[5] == 2 && run.corsica == nil
        {
          // NIR department 2A/2B: keep the shape (two digits) and remember the letter.
          run.digits.append(0)
          run.corsica = byte
        } else {
          break
        }
        index += 1
      }
      guard index > groupStart else { break }
      run.groups.append(groupStart..<index)
      if openParen {
        guard index < count && bytes[index] == UInt8(ascii: ")") else { break }
        if run.groups.count == 1 && !run.plus { run.parenthesisedFirst = true }
        index += 1
      }
      // A separator: one of " -./" (slash is not: it joins dates), optionally then a space.
      var next = index
      var separator: UInt8 = 0x20
      if next < count, [0x20, UInt8(ascii: "-"), UInt8(ascii: ".")].contains(bytes[next]) {
        separator = bytes[next]
        next += 1
        if separator != 0x20 && next < count && bytes[next] == 0x20 { next += 1 }
      } else if !openParen {
        break
      }
      guard next < count, Self.isDigit(bytes[next]) || bytes[next] == UInt8(ascii: "(") else { break }
      run.separators.append(separator)
      index = next
    }
    return run
  }

  private func classify(_ run: DigitRun, start: Int) -> PIIType? {
    let digits = run.digits
    let lengths = run.groups.map(\.count)
    let sameSeparator = Set(run.separators).count <= 1
    if run.plus {
      return (8...15).contains(digits.count) && (run.groups.count >= 2 || digits.count >= 10) ? .phone : nil
    }
    if run.corsica != nil { return PIIChecksums.nir(digits, corsica: run.corsica) ? .nir : nil }
    if lengths.count == 4 && run.separators.allSatisfy({ $0 == UInt8(ascii: ".") }) && lengths.allSatisfy({ $0 <= 3 }) {
      return .ip
    }
    if digits.count == 13 && digits.starts(with: [7, 5, 6]) && PIIChecksums.ean13(digits) { return .ahv }
    if digits.count == 15 && PIIChecksums.nir(digits, corsica: nil) && (lengths.count == 1 || lengths.count >= 5) {
      return .nir
    }
    if (13...19).contains(digits.count) && (2...6).contains(digits[0]) && sameSeparator
      && isCardShape(lengths, spaced: run.separators.allSatisfy { $0 == 0x20 }) && PIIChecksums.luhn(digits)
    {
      return .card
    }
    if lengths == [3, 2, 4] && sameSeparator && run.separators.first != UInt8(ascii: ".") && PIIChecksums.ssn(digits) {
      return .ssn
    }
    return isNationalPhone(run, lengths: lengths) ? .phone : nil
  }

  private func isCardShape(_ lengths: [Int], spaced: Bool) -> Bool {
    if lengths.count == 1 { return true }
    if lengths == [4, 6, 5] || lengths == [4, 6, 4] { return true }  // Amex, Diners
    if lengths.dropLast().allSatisfy({ $0 == 4 }) && (1...4).contains(lengths.last ?? 0) { return true }
    // OCR puts stray spaces inside groups ("4111 1111 1111 111 1"): the printed shape's
    // group boundaries must all be there, plus at most two extra splits. Only with
    // spaces (a stray '-' or '.' is not OCR damage), and the Luhn check still applies.
    guard spaced else { return false }
    let total = lengths.reduce(0, +)
    var cuts = Set<Int>()
    var sum = 0
    for length in lengths.dropLast() {
      sum += length
      cuts.insert(sum)
    }
    let fours = Set(stride(from: 4, to: total, by: 4))
    let shapes: [Set<Int>] = [fours, [4, 10]]
    return shapes.contains { shape in
      shape.count >= 2 && shape.isSubset(of: cuts) && cuts.count - shape.count <= 2
        && (shape != [4, 10] || total == 15 || total == 14)
    }
  }

  private func isNationalPhone(_ run: DigitRun, lengths: [Int]) -> Bool {
    let digits = run.digits
    // US: (555) 014-2231, 555-014-2231, 555.014.2231; area code starts 2–9.
    if lengths == [3, 3, 4] && digits[0] >= 2 && (run.parenthesisedFirst || Set(run.separators).count == 1) {
      return true
    }
    // FR, CH, DE, UK: a trunk 0, 9–11 digits in groups of two or more (01 23 45 67 89,
    // 044 668 18 00, 030 901820, 020 7946 0958); or FR's ten digits written together.
    guard digits.first == 0, digits.count > 1, digits[1] != 0 else { return false }
    if lengths.count == 1 { return digits.count == 10 }
    return (9...11).contains(digits.count) && lengths.allSatisfy { $0 >= 2 } && (lengths.first ?? 0) <= 5
  }

  /// IBAN: two upper-case letters, two check digits, then the country's length of letters
  /// and digits, optionally in space-separated groups. Single spaces may fall anywhere
  /// after the country code ("FR 76 …", OCR's "3000 60 00"): the exact length, a boundary
  /// after it and the mod-97 check keep words and other numbers out.
  func iban(at start: Int) -> PIIMatch? {
    let count = bytes.count
    guard start + 4 < count, Self.isUpper(bytes[start + 1]),
      let length = PIIChecksums.ibanLengths[String(decoding: bytes[start..<start + 2], as: UTF8.self)]
    else { return nil }
    var characters: [UInt8] = []
    var index = start
    var end = start
    while index < count && characters.count < length {
      let byte = bytes[index]
      if Self.isDigit(byte) || Self.isUpper(byte) {
        // The two check digits follow the country code.
        if (characters.count == 2 || characters.count == 3) && !Self.isDigit(byte) { return nil }
        characters.append(byte)
        end = index + 1
      } else if byte != 0x20 || index + 1 >= count || !Self.isAlphanumeric(bytes[index + 1]) {
        break
      }
      index += 1
    }
    guard characters.count == length, isBoundary(after: end), PIIChecksums.iban(characters) else { return nil }
    return PIIMatch(type: .iban, range: start..<end)
  }
}
