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
    /// Fixed part of the cost of carrying tokens from any site to the zone, $/M tokens.
    public var networkCostUSDPerMTok: Double
    /// Distance part of that cost, $/M tokens per 1,000 km of route (great-circle distance × ``routeFactor``).
    public var networkCostUSDPerMTokPer1000KM: Figure
    /// Route length ÷ great-circle distance, for network cost and latency estimates.
    public var routeFactor: Figure
    /// Per-site exceptions: a pair's own cost or latency, or a pair that is forbidden.
    public var pairs: [SitePair]
    /// The share of tokens that may be served later, and how much later; nil when every token is served in its hour.
    public var deferrable: DeferrableDemand?

    private enum CodingKeys: String, CodingKey {
        case id, name, location, base, growth, utcOffsetHours, shape, shapeFile, servedBy, networkCostUSDPerMTok, networkCostUSDPerMTokPer1000KM,
             routeFactor, pairs, deferrable
    }

    /// The route factor used when a plan gives none: fibre routes run about 1.5 × the great-circle distance.
    public static let defaultRouteFactor = 1.5

    public init(id: String, name: String, location: GeoLocation?, base: TokenVolume?, growth: GrowthModel, utcOffsetHours: Double = 0,
                shape: Profile, shapeFile: String? = nil, shapeHourly: HourlySeries? = nil, servedBy: ServedBy, networkCostUSDPerMTok: Double,
                networkCostUSDPerMTokPer1000KM: Figure = Figure(0, assumption: true, reason: "default"),
                routeFactor: Figure = Figure(DemandZone.defaultRouteFactor, assumption: true, reason: "default"), pairs: [SitePair] = [],
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
        self.networkCostUSDPerMTokPer1000KM = networkCostUSDPerMTokPer1000KM
        self.routeFactor = routeFactor
        self.pairs = pairs
        self.deferrable = deferrable
    }

    /// Which sites may serve a zone.
    public enum ServedBy: Sendable, Hashable, Codable {
        /// An explicit list of region ids.
        case sites([String])
        /// Every site within a round-trip latency, ms.
        case maxLatencyMS(Double)
        /// The listed sites that lie within a round-trip latency, ms.
        case sitesWithin(sites: [String], maxLatencyMS: Double)

        /// The round-trip limit, ms, when there is one.
        public var maxLatencyMS: Double? {
            switch self {
            case .sites: return nil
            case .maxLatencyMS(let limit), .sitesWithin(_, let limit): return limit
            }
        }
    }

    /// What a plan says about one zone–site pair.
    public struct SitePair: Sendable, Hashable, Codable {
        /// The region id.
        public var site: String
        /// The pair's network cost, $/M tokens, replacing the zone's fixed and distance parts.
        public var networkCostUSDPerMTok: Figure?
        /// The pair's round-trip latency, ms, replacing the great-circle estimate.
        public var latencyMS: Figure?
        /// Whether the site may not serve the zone at all (an export-control or data-residency rule).
        public var forbidden: Bool
        /// Why the pair is forbidden.
        public var reason: String?

        public init(site: String, networkCostUSDPerMTok: Figure? = nil, latencyMS: Figure? = nil, forbidden: Bool = false, reason: String? = nil) {
            self.site = site
            self.networkCostUSDPerMTok = networkCostUSDPerMTok
            self.latencyMS = latencyMS
            self.forbidden = forbidden
            self.reason = reason
        }
    }

    /// The plan's entry for the pair with `region`, if any.
    public func pair(_ region: Region) -> SitePair? { pairs.first { $0.site == region.id } }

    /// Route length from `region` to the zone, km: great-circle distance × ``routeFactor``; nil without a zone location.
    public func routeKM(to region: Region) -> Double? {
        location.map { $0.distanceKM(to: region.location) * routeFactor.value }
    }

    /// Round-trip latency between `region` and the zone, ms: the pair's own figure, else the route at 200 km/ms each
    /// way; nil when neither is known (no zone location).
    public func latencyMS(to region: Region) -> Double? {
        if let latency = pair(region)?.latencyMS { return latency.value }
        return routeKM(to: region).map { GeoLocation.roundTripMS(routeKM: $0) }
    }

    /// Network cost of serving the zone from `region`, $/M tokens: the pair's own figure, else the fixed part plus the
    /// distance part × route km ÷ 1,000 (no distance part without a zone location).
    public func networkCostUSDPerMTok(to region: Region) -> Double {
        if let cost = pair(region)?.networkCostUSDPerMTok { return cost.value }
        return networkCostUSDPerMTok + networkCostUSDPerMTokPer1000KM.value * (routeKM(to: region) ?? 0) / 1000
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
