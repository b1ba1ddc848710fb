/// Where tokens are asked for, how many, how fast that grows, and which sites may serve them.
public struct DemandZone: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var location: GeoLocation?
    /// The observed volume the growth starts from.
    public var base: TokenVolume?
    public var growth: GrowthModel
    /// Spread of a year's tokens over the time slices (hour-weighted mean 1).
    public var shape: Profile
    public var servedBy: ServedBy
    /// Cost of carrying tokens from a site to the zone, $/M tokens (one value for every site).
    public var networkCostUSDPerMTok: Double

    /// Which sites may serve a zone.
    public enum ServedBy: Sendable, Hashable, Codable {
        /// An explicit list of region ids.
        case sites([String])
        /// Every site within a round-trip latency, ms.
        case maxLatencyMS(Double)
    }
}

/// A number of tokens per period at a date, as observed.
public struct TokenVolume: Sendable, Hashable, Codable {
    public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
        case day, week, month, year
        /// How many of these periods make a (365-day) year.
        public var perYear: Double {
            switch self {
            case .day: return 365
            case .week: return 365.0 / 7
            case .month: return 12
            case .year: return 1
            }
        }
    }

    public var tokens: Double
    public var per: Period
    public var date: CalendarDate
    public var source: String?

    /// The volume as an annual rate, tokens per year.
    public var tokensPerYear: Double { tokens * per.perYear }
}
