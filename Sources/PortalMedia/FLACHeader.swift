/// Duration and format of a FLAC stream from its STREAMINFO block, which the format
/// requires to be the first metadata block.
enum FLACHeader {
  static func read(_ source: some ByteSource) -> MediaFacts {
    let block = source.bytes(at: 4, count: 38)
    guard block.count == 38 else { return .problem("truncated FLAC header") }
    guard block[0] & 0x7F == 0, let length = block.uint24BE(1), length >= 34 else {
      return .problem("corrupt FLAC header: the first metadata block is not STREAMINFO")
    }
    // STREAMINFO after the 4-byte block header: 10 bytes of block/frame sizes, then
    // 20 bits rate, 3 bits channels − 1, 5 bits bits-per-sample − 1, 36 bits samples.
    let info = Array(block[4...])
    let rate = Int(info[10]) << 12 | Int(info[11]) << 4 | Int(info[12]) >> 4
    guard rate > 0 else { return .problem("corrupt FLAC header: zero sample rate") }
    var facts = MediaFacts()
    facts.sampleRate = rate
    facts.channels = Int((info[12] >> 1) & 0x07) + 1
    facts.bitsPerSample = Int((info[12] & 0x01) << 4 | info[13] >> 4) + 1
    let totalSamples = Int64(info[13] & 0x0F) << 32 | Int64(info.uint32BE(14) ?? 0)
    // Zero total samples means "unknown" in STREAMINFO.
    facts.durationMillis = totalSamples > 0 ? totalSamples * 1000 / Int64(rate) : nil
    return facts
  }
}
