/// Any JSON value, for reading `plan.json` by its documented key names (see `docs/plan.schema.json`) and for comparing
/// two scenarios field by field, whatever version of TokenGrid wrote them.
public enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The member `key` of an object (nil otherwise or when absent).
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The elements of an array (empty otherwise).
    public var elements: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// A number; `"inf"`, `"-inf"` and `"nan"` are read as plan.json writes non-finite numbers.
    public var number: Double? {
        switch self {
        case .number(let value): return value
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        case .string("nan"): return .nan
        default: return nil
        }
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as one line of text: numbers round-trippable, strings as they are, arrays and objects in JSON-like
    /// brackets (shortened past `limit` characters).
    public func text(limit: Int = 80) -> String {
        let full: String
        switch self {
        case .null: full = "null"
        case .bool(let value): full = value ? "true" : "false"
        case .number(let value): full = CSVReport.csvNumber(value)
        case .string(let value): full = value
        case .array(let items): full = "[" + items.map { $0.text(limit: limit) }.joined(separator: ", ") + "]"
        case .object(let members): full = "{" + members.keys.sorted().map { "\($0): \(members[$0]!.text(limit: limit))" }.joined(separator: ", ") + "}"
        }
        return full.count > limit ? String(full.prefix(limit - 1)) + "…" : full
    }
}
