import Foundation

/// Check-digit algorithms that turn digit runs into PII only when they validate.
enum PIIChecksums {
  /// Luhn (ISO/IEC 7812) over ASCII digit values 0–9.
  static func luhn(_ digits: [UInt8]) -> Bool {
    var sum = 0
    for (offset, digit) in digits.reversed().enumerated() {
      var value = Int(digit)
      if offset % 2 == 1 {
        value *= 2
        if value > 9 { value -= 9 }
      }
      sum += value
    }
    return sum % 10 == 0
  }

  /// EAN-13 check digit (Swiss AHV numbers): weights 1,3,1,3… from the left.
  static func ean13(_ digits: [UInt8]) -> Bool {
    guard digits.count == 13 else { return false }
    var sum = 0
    for index in 0..<12 { sum += Int(digits[index]) * (index % 2 == 0 ? 1 : 3) }
    return (10 - sum % 10) % 10 == Int(digits[12])
  }

  /// French NIR: key = 97 − (first 13 digits mod 97); Corsica's 2A/2B count as 19/18.
  static func nir(_ digits: [UInt8], corsica: UInt8?) -> Bool {
    guard digits.count == 15, [1, 2, 3, 4, 7, 8].contains(digits[0]) else { return false }
    let month = Int(digits[3]) * 10 + Int(digits[4])
    guard (1...12).contains(month) || (20...42).contains(month) || (50...99).contains(month) else { return false }
    var body = digits[0..<13].map(Int.init)
    if let corsica {
      // "2A" is stored as digits 2,0 by the scanner; the key uses 19 (2A) or 18 (2B).
      body[5] = 1
      body[6] = corsica == UInt8(ascii: "A") ? 9 : 8
    }
    var remainder = 0
    for digit in body { remainder = (remainder * 10 + digit) % 97 }
    return 97 - remainder == Int(digits[13]) * 10 + Int(digits[14])
  }

  /// IBAN: country length, then mod 97 == 1 after moving the first four characters last.
  static func iban(_ characters: [UInt8]) -> Bool {
    guard characters.count >= 15, let country = String(bytes: characters[0..<2], encoding: .ascii),
      ibanLengths[country] == characters.count
    else { return false }
    var remainder = 0
    for byte in characters[4...] + characters[0..<4] {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): remainder = (remainder * 10 + Int(byte - 48)) % 97
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): remainder = (remainder * 100 + Int(byte - 55)) % 97
      default: return false
      }
    }
    return remainder == 1
  }

  /// US SSN validity: area not 000, 666 or 9xx; group not 00; serial not 0000.
  static func ssn(_ digits: [UInt8]) -> Bool {
    guard digits.count == 9 else { return false }
    let area = Int(digits[0]) * 100 + Int(digits[1]) * 10 + Int(digits[2])
    let group = Int(digits[3]) * 10 + Int(digits[4])
    let serial = digits[5...].reduce(0) { $0 * 10 + Int($1) }
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
  }

  /// IBAN lengths per country (SWIFT IBAN registry).
  static let ibanLengths: [String: Int] = [
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
  ]
}
