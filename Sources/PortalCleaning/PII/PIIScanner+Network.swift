// URL credentials, IPv4 and IPv6.
//
// IPv4 policy: public and private addresses are both redacted. datatrove keeps private
// ones, but in a partner's logs and tickets an internal address maps its network, and a
// model has no use for it. Loopback (127/8) and 0.0.0.0 are kept: they are the same on
// every machine and identify no one. A dotted quad right after a version word ("version
// 1.2.3.4", "v 1.2.3.4", "build 10.0.0.1") is a version number, not an address; "v1.2.3.4"
// never starts a token, so it is never a candidate.
extension PIIScanner {
  private static let versionWords: Set<[UInt8]> = Set(
    ["v", "ver", "version", "versions", "release", "build", "rev", "revision", "firmware", "update"].map {
      Array($0.utf8)
    })

  func urlCredentials(at colon: Int) -> PIIMatch? {
    guard colon > 0, Self.isLetter(bytes[colon - 1]) else { return nil }
    let start = colon + 3
    var index = start
    let limit = min(bytes.count, start + 256)
    while index < limit {
      switch bytes[index] {
      case UInt8(ascii: "@"):
        return index > start ? PIIMatch(type: .urlCredentials, range: start..<index) : nil
      case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0x20, 0x0A, 0x09, UInt8(ascii: "<"),
        UInt8(ascii: ">"), UInt8(ascii: "\""):
        return nil
      default: index += 1
      }
    }
    return nil
  }

  /// Classifies four dot-separated groups already parsed by the number scanner.
  func ipv4(groups: [Range<Int>], separators: [UInt8], start: Int) -> PIIMatch? {
    guard groups.count == 4, separators.allSatisfy({ $0 == UInt8(ascii: ".") }) else { return nil }
    var octets: [Int] = []
    for group in groups {
      guard group.count <= 3, group.count == 1 || bytes[group.lowerBound] != UInt8(ascii: "0") else { return nil }
      let value = bytes[group].reduce(0) { $0 * 10 + Int($1 - 48) }
      guard value <= 255 else { return nil }
      octets.append(value)
    }
    if octets[0] == 127 || octets.allSatisfy({ $0 == 0 }) { return nil }
    if !redactPrivateIPv4 && Self.isPrivate(octets) { return nil }
    if followsVersionWord(start) { return nil }
    return PIIMatch(type: .ip, range: start..<groups[3].upperBound)
  }

  func ipv6(at start: Int) -> PIIMatch? {
    let count = bytes.count
    var index = start
    var groups = 0
    var colons = 0
    var compressed = false
    var groupLength = 0
    var hasDot = false
    while index < count {
      let byte = bytes[index]
      if Self.isHex(byte) {
        groupLength += 1
        if groupLength > 4 { return nil }
      } else if byte == UInt8(ascii: ":") {
        if groupLength > 0 { groups += 1 }
        if index + 1 < count && bytes[index + 1] == UInt8(ascii: ":") {
          if compressed { return nil }
          compressed = true
          colons += 1
          index += 1
        }
        colons += 1
        groupLength = 0
      } else if byte == UInt8(ascii: ".") && colons >= 2 && groupLength > 0 && index + 1 < count
        && Self.isDigit(bytes[index + 1])
      {
        hasDot = true  // an embedded IPv4 tail (::ffff:192.0.2.1): consume digits and dots
        groupLength = 0
      } else {
        break
      }
      index += 1
      if colons == 0 && index - start > 4 { return nil }  // fail fast on ordinary words
    }
    if groupLength > 0 { groups += hasDot ? 2 : 1 }
    var end = index
    if end > start && bytes[end - 1] == UInt8(ascii: ":") && !(end >= 2 && bytes[end - 2] == UInt8(ascii: ":")) {
      end -= 1  // "fe80::1:" at the end of a sentence clause
      colons -= 1
    }
    guard colons >= 2, isBoundary(after: end) else { return nil }
    let valid = compressed ? groups <= 7 && groups >= 1 : groups == 8
    return valid ? PIIMatch(type: .ip, range: start..<end) : nil
  }

  private static func isPrivate(_ octets: [Int]) -> Bool {
    octets[0] == 10 || octets[0] == 172 && (16...31).contains(octets[1]) || octets[0] == 192 && octets[1] == 168
  }

  private func followsVersionWord(_ start: Int) -> Bool {
    var end = start
    while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
    var begin = end
    while begin > 0 && Self.isLetter(bytes[begin - 1]) { begin -= 1 }
    guard begin < end else { return false }
    return Self.versionWords.contains(bytes[begin..<end].map { $0 | 0x20 })
  }
}
