/// Bounds on a variable's value or on a constraint's activity (the value of its linear form).
///
/// Infinite ends are represented with `±Double.infinity`; every finite end must be a finite number.
public struct Bounds: Hashable, Sendable, Codable {
    /// Lowest allowed value, `-infinity` when there is none.
    public var lower: Double
    /// Highest allowed value, `+infinity` when there is none.
    public var upper: Double

    /// Bounds from `lower` to `upper`; either may be infinite.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// No bound at all (a free variable or a row that only reports its activity).
    public static let free = Bounds(lower: -.infinity, upper: .infinity)
    /// `x ≥ 0`, the usual bound of an LP variable.
    public static let nonNegative = Bounds(lower: 0, upper: .infinity)
    /// `x ≥ value`.
    public static func atLeast(_ value: Double) -> Bounds { Bounds(lower: value, upper: .infinity) }
    /// `x ≤ value`.
    public static func atMost(_ value: Double) -> Bounds { Bounds(lower: -.infinity, upper: value) }
    /// `x = value`.
    public static func equal(to value: Double) -> Bounds { Bounds(lower: value, upper: value) }
    /// `lower ≤ x ≤ upper` (a ranged row when used on a constraint).
    public static func between(_ lower: Double, _ upper: Double) -> Bounds { Bounds(lower: lower, upper: upper) }

    /// Whether both ends are given and equal.
    public var isFixed: Bool { lower == upper }

    /// Why these bounds cannot be handed to the solver, or `nil` when they can.
    ///
    /// GLPK aborts the process on a NaN or on `lower > upper`, so this check runs before anything reaches C.
    public var problem: String? {
        if lower.isNaN || upper.isNaN { return "a bound is NaN" }
        if lower == .infinity { return "the lower bound is +infinity" }
        if upper == -.infinity { return "the upper bound is -infinity" }
        if lower > upper { return "the lower bound \(lower) is above the upper bound \(upper)" }
        return nil
    }

    // Codable with JSON-safe infinities: JSON has no infinity, so a missing end is written as null.
    private enum CodingKeys: String, CodingKey { case lower, upper }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lower = try container.decodeIfPresent(Double.self, forKey: .lower) ?? -.infinity
        upper = try container.decodeIfPresent(Double.self, forKey: .upper) ?? .infinity
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if lower.isFinite { try container.encode(lower, forKey: .lower) } else { try container.encodeNil(forKey: .lower) }
        if upper.isFinite { try container.encode(upper, forKey: .upper) } else { try container.encodeNil(forKey: .upper) }
    }
}
