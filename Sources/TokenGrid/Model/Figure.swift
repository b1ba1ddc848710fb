/// A number with where it comes from: a cited source and year, or an explicit assumption and its reason.
public struct Figure: Sendable, Hashable, Codable {
    /// The number, in the unit its field name states.
    public var value: Double
    /// Where it comes from, when cited.
    public var source: String?
    /// The year the figure refers to, when cited.
    public var year: Int?
    /// Whether the value is an assumption rather than a sourced figure.
    public var assumption: Bool
    /// Why the assumption was made.
    public var reason: String?

    public init(_ value: Double, source: String? = nil, year: Int? = nil, assumption: Bool = false, reason: String? = nil) {
        self.value = value
        self.source = source
        self.year = year
        self.assumption = assumption
        self.reason = reason
    }

    /// The figure as whole years of an asset's life, at least 1: the lifetime year links retire builds after (and the
    /// one rounding of lifetimes everywhere: capacity links, existing clusters, grid-edge stocks).
    public var wholeYears: Int { max(1, Int(value.rounded())) }

    /// Whether the figure carries a source (with year) or an assumption flag (with reason).
    public var isAttributed: Bool {
        (source != nil && year != nil) || (assumption && reason != nil)
    }
}

extension Figure {
    static let keys = ["value", "source", "year", "assumption", "reason"]

    /// Reads `{value, source, year}` or `{value, assumption: true, reason}`; a bare number is accepted with a warning.
    init?(reading field: YAMLField, in range: ClosedRange<Double>? = nil, unit: String = "", required: Bool = true, default defaultValue: Double? = nil) {
        guard field.isPresent else {
            if let defaultValue {
                self.init(defaultValue, assumption: true, reason: "default")
                return
            }
            if required { field.error("missing required figure (expected {value, source, year}\(unit.isEmpty ? "" : ", value in \(unit)"))") }
            return nil
        }
        if field.node?.scalar != nil {
            guard let value = field.number(in: range, unit: unit) else { return nil }
            field.warning("figure has no source; write {value: \(YAMLField.format(value)), source: ..., year: ...} or mark it {assumption: true, reason: ...}")
            self.init(value)
            return
        }
        guard field.expectMapping(keys: Self.keys) else { return nil }
        let value = field["value"].number(in: range, unit: unit)
        let source = field["source"].string(required: false)
        let year = field["year"].integer(required: false, in: 1900 ... 2100)
        let assumption = field["assumption"].bool(required: false) ?? false
        let reason = field["reason"].string(required: false)
        guard let value else { return nil }
        self.init(value, source: source, year: year, assumption: assumption, reason: reason)
        if !isAttributed {
            field.warning(assumption ? "assumption has no reason" : "figure has no source and year; add them or mark it {assumption: true, reason: ...}")
        }
    }
}
