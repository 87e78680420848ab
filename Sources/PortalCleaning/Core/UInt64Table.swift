/// An open-addressing hash table from 64-bit keys to `Int32` values, for the hot loops
/// (n-gram counts, language profiles). Keys are hashes already, so they index the table
/// after one cheap mix, skipping `Hasher`'s SipHash, which perf showed at 11% of the
/// quality step.
struct UInt64Table {
  private var keys: [UInt64]
  private var values: [Int32]
  private var occupied: [Bool]
  private var mask: Int
  /// Entries stored.
  private(set) var count = 0

  /// Creates a table that holds `minimumCapacity` entries before growing.
  init(minimumCapacity: Int = 16) {
    var capacity = 16
    while capacity < minimumCapacity * 2 { capacity <<= 1 }
    keys = Array(repeating: 0, count: capacity)
    values = Array(repeating: 0, count: capacity)
    occupied = Array(repeating: false, count: capacity)
    mask = capacity - 1
  }

  /// The value for `key`, if present.
  func value(for key: UInt64) -> Int32? {
    var slot = Self.slot(key, mask)
    while occupied[slot] {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Adds `delta` to `key`'s value (inserting it at 0 first); returns the new value.
  @discardableResult
  mutating func add(_ delta: Int32, to key: UInt64) -> Int32 {
    if (count + 1) * 2 > keys.count { grow() }
    var slot = Self.slot(key, mask)
    while occupied[slot] {
      if keys[slot] == key {
        values[slot] += delta
        return values[slot]
      }
      slot = (slot + 1) & mask
    }
    occupied[slot] = true
    keys[slot] = key
    values[slot] = delta
    count += 1
    return delta
  }

  /// Sets `key`'s value.
  mutating func set(_ value: Int32, for key: UInt64) {
    let current = self.value(for: key) ?? 0
    add(value - current, to: key)
  }

  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  private mutating func grow() {
    let old = zip(keys, values).enumerated().filter { occupied[$0.offset] }.map(\.element)
    self = UInt64Table(minimumCapacity: keys.count)
    for (key, value) in old { add(value, to: key) }
  }
}
