/// Per-column min/max, peak and RMS of a recording, reading only part of a long one:
/// each column reads up to `blocksPerColumn` evenly spaced blocks of frames, so a
/// 2-hour WAV costs a few megabytes of reads instead of a gigabyte.
struct WaveformReader {
  /// Frames per block read.
  static let blockFrames = 1_024
  /// Blocks read per column at most; shorter recordings are read whole.
  static let blocksPerColumn = 48

  /// What was measured.
  struct Levels {
    var columns: [WaveColumn]
    var peak: Float
    var rms: Float
    var approximate: Bool
  }

  /// Measures the WAV data described by `layout` in `file` for `count` columns.
  static func measure(file: SampleFile, layout: WAVLayout, columns count: Int) -> Levels {
    let frames = layout.frames
    guard frames > 0, count > 0 else { return Levels(columns: [], peak: 0, rms: 0, approximate: false) }
    let frameBytes = layout.frameBytes
    var columns: [WaveColumn] = []
    columns.reserveCapacity(count)
    var peak: Float = 0
    var sumSquares: Double = 0
    var measured = 0
    var approximate = false
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockFrames * frameBytes, alignment: 8)
    defer { buffer.deallocate() }
    for column in 0..<count {
      let first = frames * Int64(column) / Int64(count)
      let end = max(first + 1, frames * Int64(column + 1) / Int64(count))
      let span = end - first
      let blocks = Int(min(Int64(blocksPerColumn), (span + Int64(blockFrames) - 1) / Int64(blockFrames)))
      if Int64(blocks * blockFrames) < span { approximate = true }
      var low: Float = 0
      var high: Float = 0
      var seen = false
      for block in 0..<blocks {
        let start = first + span * Int64(block) / Int64(max(1, blocks))
        let wanted = Int(min(Int64(blockFrames), end - start))
        guard wanted > 0 else { continue }
        let view = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(wanted * frameBytes)])
        let got = file.read(into: view, at: layout.dataOffset + start * Int64(frameBytes)) / frameBytes
        let raw = UnsafeRawBufferPointer(view)
        for index in 0..<(got * layout.channels) {
          let value = layout.sample(raw, index)
          if !seen {
            low = value
            high = value
            seen = true
          } else {
            low = min(low, value)
            high = max(high, value)
          }
          peak = max(peak, abs(value))
          sumSquares += Double(value) * Double(value)
        }
        measured += got * layout.channels
      }
      columns.append(WaveColumn(min: low, max: high))
    }
    let rms = measured > 0 ? Float((sumSquares / Double(measured)).squareRoot()) : 0
    return Levels(columns: columns, peak: peak, rms: rms, approximate: approximate)
  }

  /// Accumulates a stream of mono samples (from ffmpeg) into `count` columns, given how
  /// many samples are expected in all.
  struct Accumulator {
    let count: Int
    let expected: Int64
    private(set) var columns: [WaveColumn]
    private var seen: [Bool]
    private(set) var received: Int64 = 0
    private(set) var peak: Float = 0
    private var sumSquares: Double = 0

    init(columns count: Int, expected: Int64) {
      self.count = max(1, count)
      self.expected = max(1, expected)
      columns = Array(repeating: WaveColumn(min: 0, max: 0), count: self.count)
      seen = Array(repeating: false, count: self.count)
    }

    mutating func add(_ value: Float) {
      let column = Int(min(Int64(count - 1), received * Int64(count) / expected))
      if seen[column] {
        columns[column].min = min(columns[column].min, value)
        columns[column].max = max(columns[column].max, value)
      } else {
        columns[column] = WaveColumn(min: value, max: value)
        seen[column] = true
      }
      peak = max(peak, abs(value))
      sumSquares += Double(value) * Double(value)
      received += 1
    }

    var rms: Float { received > 0 ? Float((sumSquares / Double(received)).squareRoot()) : 0 }
  }
}
