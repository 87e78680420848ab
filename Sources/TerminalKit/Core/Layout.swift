/// How one slot of a split takes its share of space.
public enum LayoutConstraint: Hashable, Sendable {
  /// Exactly this many cells (or what is left, if less).
  case fixed(Int)
  /// A share of the space left after fixed slots, by weight.
  case fill(Int)

  /// A fill slot of weight 1.
  public static let fill = LayoutConstraint.fill(1)
}

/// Splits rectangles into rows or columns.
public enum Layout {
  /// Stacks slots top to bottom.
  public static func rows(_ rect: Rect, _ constraints: [LayoutConstraint]) -> [Rect] {
    sizes(total: rect.height, constraints).reduce(into: (rects: [Rect](), offset: rect.y)) { acc, size in
      acc.rects.append(Rect(x: rect.x, y: acc.offset, width: rect.width, height: size))
      acc.offset += size
    }.rects
  }

  /// Places slots left to right, `spacing` columns apart.
  public static func columns(_ rect: Rect, _ constraints: [LayoutConstraint], spacing: Int = 0) -> [Rect] {
    let gaps = max(0, constraints.count - 1) * spacing
    return sizes(total: rect.width - gaps, constraints).reduce(into: (rects: [Rect](), offset: rect.x)) {
      acc, size in
      acc.rects.append(Rect(x: acc.offset, y: rect.y, width: size, height: rect.height))
      acc.offset += size + spacing
    }.rects
  }

  /// Cell counts per slot: fixed slots first (in order, while space lasts), then fill slots by
  /// weight, with the rounding remainder given to the earliest fill slots so the sum is exact.
  public static func sizes(total: Int, _ constraints: [LayoutConstraint]) -> [Int] {
    var remaining = max(0, total)
    var result = [Int](repeating: 0, count: constraints.count)
    for (index, constraint) in constraints.enumerated() {
      if case .fixed(let n) = constraint {
        result[index] = min(max(0, n), remaining)
        remaining -= result[index]
      }
    }
    let weights = constraints.map { constraint -> Int in
      if case .fill(let w) = constraint { return max(0, w) }
      return 0
    }
    let totalWeight = weights.reduce(0, +)
    guard totalWeight > 0 else { return result }
    var assigned = 0
    for (index, weight) in weights.enumerated() where weight > 0 {
      result[index] = remaining * weight / totalWeight
      assigned += result[index]
    }
    var leftover = remaining - assigned
    for index in weights.indices where weights[index] > 0 && leftover > 0 {
      result[index] += 1
      leftover -= 1
    }
    return result
  }
}
