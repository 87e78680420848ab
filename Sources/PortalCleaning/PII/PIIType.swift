/// The kinds of personal data the PII step finds; each is replaced by its ``tag``.
public enum PIIType: String, Sendable, Codable, CaseIterable, Hashable {
  /// E-mail addresses, including OCR-damaged ones (`jean . dupont @ exemple. fr`).
  case email = "EMAIL"
  /// Phone numbers: international (`+` and 8–15 digits) and FR, CH, DE, UK, US national forms.
  case phone = "PHONE"
  /// IPv4 (public and private; loopback and 0.0.0.0 are kept) and IPv6 addresses.
  case ip = "IP"
  /// Payment card numbers: 13–19 digits, Luhn-valid, issuer prefix 2–6.
  case card = "CARD"
  /// IBANs with the right length for their country and a valid mod-97 checksum.
  case iban = "IBAN"
  /// US social security numbers (`ddd-dd-dddd`, with the SSA's invalid ranges excluded).
  case ssn = "SSN"
  /// French social security numbers (NIR), including Corsica's 2A/2B, with a valid key.
  case nir = "NIR"
  /// Swiss AHV/AVS numbers (`756.xxxx.xxxx.xx`, EAN-13 check digit).
  case ahv = "AHV"
  /// Credentials in URLs (`https://user:pass@host`); the host is kept.
  case urlCredentials = "URL_CREDENTIALS"

  /// The replacement text, e.g. `<EMAIL>`.
  public var tag: String { "<\(rawValue)>" }
}

/// One piece of PII found in a text.
public struct PIIMatch: Sendable, Hashable {
  /// What was found.
  public var type: PIIType
  /// Where, as UTF-8 byte offsets into the scanned text.
  public var range: Range<Int>

  /// Creates a match.
  public init(type: PIIType, range: Range<Int>) {
    self.type = type
    self.range = range
  }
}
