/// A word splitter over UTF-8 bytes standing in for spaCy's (91% of datatrove's Gopher
/// time, cleaning.md): runs of letters and digits are words; an apostrophe ends the word
/// it follows ("l'", "homme"); every punctuation mark is its own token except runs of the
/// same mark ("...", "!!"), as spaCy splits them. Non-ASCII letters are word characters;
/// common non-ASCII punctuation (’ “ ” « » – — … •) is punctuation.
public enum WordTokenizer {
  /// One token as a byte range with the facts the filters need.
  public struct Token: Sendable, Equatable {
    /// Start byte offset.
    public var start: Int
    /// End byte offset (exclusive).
    public var end: Int
    /// Length in Unicode scalars (datatrove counts Python characters).
    public var characters: Int
    /// Whether it contains a letter.
    public var hasLetter: Bool
    /// Whether it is punctuation only.
    public var isPunctuation: Bool
  }

  /// Splits `bytes` into tokens.
  public static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 5)
    var index = 0
    let count = bytes.count
    var word: Token?

    func closeWord(at end: Int) {
      if var token = word {
        token.end = end
        tokens.append(token)
        word = nil
      }
    }

    while index < count {
      let byte = bytes[index]
      let length = punctuationLength(bytes, at: index)
      if length > 0 {
        let isApostrophe = byte == 0x27 || length == 3 && bytes[index + 2] == 0x99  // ' or ’
        if isApostrophe, word != nil {
          word?.characters += 1
          closeWord(at: index + length)  // "l'" keeps its apostrophe
          index += length
          continue
        }
        closeWord(at: index)
        var end = index + length
        while end + length <= count && punctuationLength(bytes, at: end) == length
          && bytes[end..<end + length].elementsEqual(bytes[index..<index + length])
        {
          end += length
        }
        let characters = (end - index) / length
        tokens.append(Token(start: index, end: end, characters: characters, hasLetter: false, isPunctuation: true))
        index = end
        continue
      }
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte < 0x20 {
        closeWord(at: index)
        index += 1
        continue
      }
      if word == nil { word = Token(start: index, end: index, characters: 0, hasLetter: false, isPunctuation: false) }
      if byte & 0xC0 != 0x80 { word?.characters += 1 }
      if byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) { word?.hasLetter = true }
      index += 1
    }
    closeWord(at: count)
    return tokens
  }

  /// The byte length of a punctuation mark at `index`, or 0.
  static func punctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 {
      switch byte {
      case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return 1
      default: return 0
      }
    }
    if byte == 0xC2 && index + 1 < bytes.count {
      // « » ¡ ¿ · § ¶
      return [0xAB, 0xBB, 0xA1, 0xBF, 0xB7, 0xA7, 0xB6].contains(bytes[index + 1]) ? 2 : 0
    }
    if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 {
      // U+2010–U+2027: dashes, quotes, bullets, ellipsis; U+2039/U+203A: ‹ ›
      return (0x90...0xA7).contains(bytes[index + 2]) || bytes[index + 2] == 0xB9 || bytes[index + 2] == 0xBA ? 3 : 0
    }
    return 0
  }
}
