/// Where tokens are asked for, how many, how fast that grows, and which sites may serve them.
public struct DemandZone: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var location: GeoLocation?
    /// The observed volume the growth starts from.
    public var base: TokenVolume?
    public var growth: GrowthModel
    /// The zone's local clock offset from UTC, hours (its 12 × 24 shape is written in local time).
    public var utcOffsetHours: Double
    /// Spread of a year's tokens over the hours (12 × 24 local-time factors, normalised to mean 1); used when no hourly
    /// file is given.
    public var shape: Profile
    /// The hourly demand-shape file (`shape: {csv: …}`), as written.
    public var shapeFile: String?
    /// The hourly shape read from `shapeFile`, in UTC (not encoded).
    public var shapeHourly: HourlySeries?
    public var servedBy: ServedBy
    /// Cost of carrying tokens from a site to the zone, $/M tokens (one value for every site).
    public var networkCostUSDPerMTok: Double
    /// The share of tokens that may be served later, and how much later; nil when every token is served in its hour.
    public var deferrable: DeferrableDemand?

    private enum CodingKeys: String, CodingKey {
        case id, name, location, base, growth, utcOffsetHours, shape, shapeFile, servedBy, networkCostUSDPerMTok, deferrable
    }

    public init(id: String, name: String, location: GeoLocation?, base: TokenVolume?, growth: GrowthModel, utcOffsetHours: Double = 0,
                shape: Profile, shapeFile: String? = nil, shapeHourly: HourlySeries? = nil, servedBy: ServedBy, networkCostUSDPerMTok: Double,
                deferrable: DeferrableDemand? = nil) {
        self.id = id
        self.name = name
        self.location = location
        self.base = base
        self.growth = growth
        self.utcOffsetHours = utcOffsetHours
        self.shape = shape
        self.shapeFile = shapeFile
        self.shapeHourly = shapeHourly
        self.servedBy = servedBy
        self.networkCostUSDPerMTok = networkCostUSDPerMTok
        self.deferrable = deferrable
    }

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
