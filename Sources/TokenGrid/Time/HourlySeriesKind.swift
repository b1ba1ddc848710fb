/// What an hourly series holds, which sets the values ``HourlyCSVReader`` accepts.
public enum HourlySeriesKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Load in MW: finite, 0 … 1e9, at least one value above 0.
    case loadMW
    /// Output per MW of capacity, a fraction: 0 … 1.
    case capacityFactor
    /// A relative shape (any scale): 0 … 1e9, at least one value above 0.
    case demandShape

    /// Largest value accepted.
    public var maximumValue: Double {
        switch self {
        case .loadMW, .demandShape: return 1e9
        case .capacityFactor: return 1
        }
    }

    /// Whether a series that is 0 in every hour is an error.
    public var needsPositiveValue: Bool { self != .capacityFactor }

    /// Below this, a positive value is set to 0 (GLPK mishandles subnormal and near-subnormal coefficients):
    /// an absolute 1e-12 for capacity factors, 1e-12 × the series' maximum for loads and shapes (whose scale is
    /// the file's own).
    public func tinyValueThreshold(maximum: Double) -> Double {
        switch self {
        case .capacityFactor: return 1e-12
        case .loadMW, .demandShape: return 1e-12 * maximum
        }
    }

    /// How the values are described in messages.
    var noun: String {
        switch self {
        case .loadMW: return "load in MW"
        case .capacityFactor: return "capacity factor"
        case .demandShape: return "shape factor"
        }
    }

    /// The accepted range, as written in messages.
    var rangeDescription: String {
        switch self {
        case .loadMW: return "0 to 1e9 MW"
        case .capacityFactor: return "0 to 1"
        case .demandShape: return "0 to 1e9"
        }
    }
}
