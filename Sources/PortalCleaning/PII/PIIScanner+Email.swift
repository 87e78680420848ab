// E-mail addresses: from each '@', extend left over the local part and right over domain
// labels. OCR splits addresses with spaces (`jean . dupont @ exemple. fr`), so spaces
// around '@' are skipped, " . " joins local-part pieces, and a space after a domain dot is
// accepted when what follows is a common top-level domain (a sentence's next word is not).
extension PIIScanner {
  private static let spacedTLDs: Set<[UInt8]> = Set(
    ["com", "org", "net", "fr", "de", "ch", "uk", "co", "io", "eu", "be", "it", "es", "edu", "gov", "info", "ca"]
      .map { Array($0.utf8) })

  func email(at: Int) -> PIIMatch? {
    let start = localPartStart(before: at)
    guard let start else { return nil }
    guard let end = domainEnd(after: at) else { return nil }
    return PIIMatch(type: .email, range: start..<end)
  }

  private static func isLocalChar(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
  }

  private func localPartStart(before at: Int) -> Int? {
    var index = at - 1
    if index >= 0 && bytes[index] == 0x20 { index -= 1 }  // "dupont @"
    var start = index + 1
    while index >= 0 {
      if Self.isLocalChar(bytes[index]) {
        start = index
        index -= 1
      } else if bytes[index] == 0x20 && index >= 2 && bytes[index - 1] == UInt8(ascii: ".")
        && (bytes[index - 2] == 0x20 && index >= 3 && Self.isAlphanumeric(bytes[index - 3]))
      {
        index -= 3  // "jean . dupont"
      } else if bytes[index] == UInt8(ascii: ".") && index >= 2 && bytes[index - 1] == 0x20
        && Self.isAlphanumeric(bytes[index - 2]) && start == index + 1
      {
        index -= 2  // "jean .dupont"
      } else {
        break
      }
    }
    guard start < at, index < 0 || bytes[index] < 0x80 || isSeparatorScalar(endingAt: index + 1) else { return nil }
    // A local part never starts with a dot or a hyphen run from the previous sentence.
    while start < at && (bytes[start] == UInt8(ascii: ".") || bytes[start] == UInt8(ascii: "-")) { start += 1 }
    guard start < at, Self.isAlphanumeric(bytes[start]) || bytes[start] == UInt8(ascii: "_") else { return nil }
    return start
  }

  private func domainEnd(after at: Int) -> Int? {
    let count = bytes.count
    var index = at + 1
    if index < count && bytes[index] == 0x20 { index += 1 }  // "@ exemple.fr"
    var labels = 0
    var lastLabel = index..<index
    var end = index
    while index < count {
      let labelStart = index
      while index < count && (Self.isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-")) { index += 1 }
      guard index > labelStart else { break }
      labels += 1
      lastLabel = labelStart..<index
      end = index
      // Find the next label: ".", " .", ". " or " . " (the spaced forms only before a TLD).
      var next = index
      var spaced = false
      if next < count && bytes[next] == 0x20 {
        next += 1
        spaced = true
      }
      guard next < count && bytes[next] == UInt8(ascii: ".") else { break }
      next += 1
      if next < count && bytes[next] == 0x20 {
        next += 1
        spaced = true
      }
      guard next < count && Self.isAlphanumeric(bytes[next]) else { break }
      if spaced && !followsSpacedTLD(at: next) { break }
      index = next
    }
    guard labels >= 2, lastLabel.count >= 2, bytes[lastLabel].allSatisfy(Self.isLetter), isBoundary(after: end)
    else { return nil }
    return end
  }

  private func followsSpacedTLD(at start: Int) -> Bool {
    var end = start
    while end < bytes.count && Self.isLetter(bytes[end]) { end += 1 }
    guard isBoundary(after: end), end - start <= 4 else { return false }
    if end + 1 < bytes.count && bytes[end] == UInt8(ascii: ".") && Self.isAlphanumeric(bytes[end + 1]) { return false }
    return Self.spacedTLDs.contains(Array(bytes[start..<end]))
  }
}
