import Foundation

/// Infers a stable, typed column list from records (CSV rows or JSON objects): the
/// columns in first-seen order, each with one type that every value fits — integers,
/// floats, booleans, else text (nested or mixed values become JSON text).
public struct ColumnSchema: Sendable, Equatable {
  /// What was seen in one column.
  struct Observed: Sendable, Equatable {
    var ints = 0, floats = 0, bools = 0, strings = 0, nested = 0, nulls = 0, present = 0
  }

  public private(set) var columns: [String] = []
  private var observed: [String: Observed] = [:]
  /// Records seen.
  public private(set) var records = 0

  public init() {}

  /// Adds one record.
  public mutating func add(_ record: [String: JSONValue]) {
    records += 1
    for (key, value) in record {
      if observed[key] == nil {
        columns.append(key)
        observed[key] = Observed()
      }
      observed[key]?.present += 1
      switch value {
      case .null: observed[key]?.nulls += 1
      case .int: observed[key]?.ints += 1
      case .double: observed[key]?.floats += 1
      case .bool: observed[key]?.bools += 1
      case .string: observed[key]?.strings += 1
      case .array, .object: observed[key]?.nested += 1
      }
    }
  }

  /// Adds a CSV row: empty cells are null, numbers are numbers.
  public mutating func addCSV(_ row: [String: String]) {
    add(row.mapValues(Self.csvValue))
  }

  /// The type of `column`.
  public func type(of column: String) -> FieldType {
    guard let seen = observed[column] else { return .text }
    if seen.strings > 0 || seen.nested > 0 { return .text }
    if seen.bools > 0 { return seen.ints + seen.floats == 0 ? .boolean : .text }
    if seen.floats > 0 { return .float }
    if seen.ints > 0 { return .integer }
    return .text
  }

  /// Whether every record has `column` with a non-null scalar value.
  public func isAlwaysScalar(_ column: String) -> Bool {
    guard let seen = observed[column] else { return false }
    return seen.present == records && seen.nulls == 0 && seen.nested == 0
      && (type(of: column) != .text || seen.ints + seen.floats + seen.bools == 0)
  }

  /// `value` converted to `column`'s type: numbers stay numbers, anything else in a
  /// text column becomes text (nested values as compact JSON), absent is null.
  public func flatValue(_ value: JSONValue?, column: String) -> JSONValue {
    guard let value else { return .null }
    switch (type(of: column), value) {
    case (_, .null): return .null
    case (.float, .int(let number)): return .double(Double(number))
    case (.integer, .int), (.float, .double), (.boolean, .bool), (.text, .string): return value
    default: return .string(value.compactText)
    }
  }

  /// A CSV cell as a JSON value.
  public static func csvValue(_ text: String) -> JSONValue {
    if text.isEmpty { return .null }
    if let number = Int64(text), String(number) == text { return .int(number) }
    if let number = Double(text), number.isFinite, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
      return .double(number)
    }
    return .string(text)
  }
}

extension JSONValue {
  /// A value from `JSONSerialization` (NSNumber booleans stay booleans).
  public init(any value: Any) {
    switch value {
    case let string as String: self = .string(string)
    case let number as NSNumber:
      // JSONSerialization's booleans are NSNumbers of type "c"; integers "i"/"q", reals "d".
      let kind = String(cString: number.objCType)
      if kind == "c" {
        self = .bool(number.boolValue)
      } else if kind != "d" && kind != "f" {
        self = .int(number.int64Value)
      } else {
        self = .double(number.doubleValue)
      }
    case let array as [Any]: self = .array(array.map(JSONValue.init(any:)))
    case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(any:)))
    default: self = .null
    }
  }
}
