import Foundation

/// A place where compute can be built: its grid, its data-centre limits, its renewables and the cluster designs it can host.
public struct Region: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// ISO 3166 alpha-2 country code.
    public var country: String
    public var location: GeoLocation
    /// The local clock's offset from UTC, hours (−6 for US Central standard time, 8 for China): 12 × 24 shapes are
    /// written in local time and shifted by it to UTC.
    public var utcOffsetHours: Double
    public var grid: Grid
    public var dataCentre: DataCentre
    /// Dedicated renewables by kind (solar, wind).
    public var renewables: [RenewableResource]
    /// The cluster designs this site can host.
    public var clusterDesigns: [HostedDesign]
    /// Levers at the grid edge (flexible connection, on-site generation, battery, grid upgrade); nil when it has none.
    public var gridEdge: GridEdge?
    /// The file the region was read from.
    public var file: String

    public init(id: String, name: String, country: String, location: GeoLocation, utcOffsetHours: Double = 0, grid: Grid,
                dataCentre: DataCentre, renewables: [RenewableResource], clusterDesigns: [HostedDesign], gridEdge: GridEdge? = nil, file: String) {
        self.id = id
        self.name = name
        self.country = country
        self.location = location
        self.utcOffsetHours = utcOffsetHours
        self.grid = grid
        self.dataCentre = dataCentre
        self.renewables = renewables
        self.clusterDesigns = clusterDesigns
        self.gridEdge = gridEdge?.isEmpty == true ? nil : gridEdge
        self.file = file
    }

    /// The grid-edge levers, empty when the site has none.
    public var edge: GridEdge { gridEdge ?? GridEdge() }

    /// The power grid the site draws from.
    public struct Grid: Sendable, Hashable, Codable {
        /// Year the capacity and peak figures refer to.
        public var baseYear: Int
        /// Firm generation + import capacity in the base year, MW.
        public var firmCapacityMW: Figure
        /// Growth of firm capacity, fraction per year.
        public var firmCapacityGrowthPerYear: Figure
        /// System peak load in the base year as published, MW: it includes the data centres then in service (see
        /// `Region.backgroundPeakLoadMW(in:designs:mix:)`).
        public var peakLoadMW: Figure
        /// Growth of that peak, fraction per year.
        public var peakLoadGrowthPerYear: Figure
        /// Reserve floor: firm capacity must stay ≥ (1 + margin) × load. Fraction.
        public var minReserveMargin: Figure
        /// All-in power price for a data centre in the base year, $/MWh.
        public var priceUSDPerMWh: Figure
        /// Real price change, fraction per year.
        public var priceEscalationPerYear: Figure
        /// Grid carbon intensity, tCO2/MWh.
        public var carbonTonnesPerMWh: Figure
        /// Shape of non-data-centre load as 12 × 24 local-time factors (maximum scaled to 1); used when no hourly
        /// file is given.
        public var loadShape: Profile
        /// The hourly load file (`load_shape: {csv: …}`), as written, relative to the region file; its profile is
        /// scaled so that its peak is `peakLoadMW`.
        public var loadShapeFile: String?
        /// The hourly load read from `loadShapeFile`, MW in UTC (not encoded).
        public var loadHourly: HourlySeries?

        private enum CodingKeys: String, CodingKey {
            case baseYear, firmCapacityMW, firmCapacityGrowthPerYear, peakLoadMW, peakLoadGrowthPerYear, minReserveMargin,
                 priceUSDPerMWh, priceEscalationPerYear, carbonTonnesPerMWh, loadShape, loadShapeFile
        }

        public init(baseYear: Int, firmCapacityMW: Figure, firmCapacityGrowthPerYear: Figure, peakLoadMW: Figure, peakLoadGrowthPerYear: Figure,
                    minReserveMargin: Figure, priceUSDPerMWh: Figure, priceEscalationPerYear: Figure, carbonTonnesPerMWh: Figure,
                    loadShape: Profile, loadShapeFile: String? = nil, loadHourly: HourlySeries? = nil) {
            self.baseYear = baseYear
            self.firmCapacityMW = firmCapacityMW
            self.firmCapacityGrowthPerYear = firmCapacityGrowthPerYear
            self.peakLoadMW = peakLoadMW
            self.peakLoadGrowthPerYear = peakLoadGrowthPerYear
            self.minReserveMargin = minReserveMargin
            self.priceUSDPerMWh = priceUSDPerMWh
            self.priceEscalationPerYear = priceEscalationPerYear
            self.carbonTonnesPerMWh = carbonTonnesPerMWh
            self.loadShape = loadShape
            self.loadShapeFile = loadShapeFile
            self.loadHourly = loadHourly
        }

        /// Firm capacity in `year`, MW.
        public func firmCapacityMW(in year: Int) -> Double {
            firmCapacityMW.value * pow1p(firmCapacityGrowthPerYear.value, year - baseYear)
        }
        /// The most load the grid carries in `year` and keeps its minimum reserve margin: firm capacity ÷ (1 + margin), MW.
        public func reserveFloorMW(in year: Int) -> Double { firmCapacityMW(in: year) / (1 + minReserveMargin.value) }
        /// Peak load in `year`, MW.
        public func peakLoadMW(in year: Int) -> Double {
            peakLoadMW.value * pow1p(peakLoadGrowthPerYear.value, year - baseYear)
        }
        /// Power price in `year`, $/MWh.
        public func priceUSDPerMWh(in year: Int) -> Double {
            priceUSDPerMWh.value * pow1p(priceEscalationPerYear.value, year - baseYear)
        }
        /// Reserve margin left at peak before any new data-centre load: firm / peak − 1.
        public func reserveMarginBeforeDataCentres(in year: Int) -> Double {
            firmCapacityMW(in: year) / peakLoadMW(in: year) - 1
        }
    }

    /// Limits and efficiency of data centres at this site.
    public struct DataCentre: Sendable, Hashable, Codable {
        /// Power usage effectiveness (facility power ÷ IT power), ≥ 1.
        public var pue: Figure
        /// Most IT capacity commissioned in one year, MW.
        public var maxITMWPerYear: Figure
        /// Most IT capacity installed at once, MW.
        public var maxITMWTotal: Figure
        /// First year a new build can be in service.
        public var earliestBuildYear: Figure
        /// Capacity already in service.
        public var existing: [ExistingCluster]
    }

    /// IT capacity already installed at the site.
    public struct ExistingCluster: Sendable, Hashable, Codable {
        public var design: String
        public var itMW: Figure
        public var builtYear: Int
    }

    /// A cluster design the site can host, with a local capex multiplier.
    public struct HostedDesign: Sendable, Hashable, Codable {
        public var design: String
        public var capexMultiplier: Figure
    }
}

/// A point on the Earth.
public struct GeoLocation: Sendable, Hashable, Codable {
    /// Latitude in degrees north.
    public var lat: Double
    /// Longitude in degrees east.
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Great-circle distance in km.
    public func distanceKM(to other: GeoLocation) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.lat - lat) * radians, dLon = (other.lon - lon) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat * radians) * cos(other.lat * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, a.squareRoot()))
    }

    /// Round-trip network latency estimate in ms: great-circle distance × 1.5 route factor, at 200 km/ms in fibre, both ways.
    public func roundTripMS(to other: GeoLocation) -> Double {
        Self.roundTripMS(routeKM: distanceKM(to: other) * DemandZone.defaultRouteFactor)
    }

    /// Round trip over a fibre route of `routeKM` km, ms: at 200 km/ms, both ways.
    public static func roundTripMS(routeKM: Double) -> Double { routeKM / 200 * 2 }
}

/// Dedicated renewable supply a site can use or build.
public struct RenewableResource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case solar, wind }
    public var kind: Kind
    /// Already installed, MW.
    public var existingMW: Figure
    /// Most new capacity over the horizon, MW.
    public var maxBuildMW: Figure
    public var capexUSDPerMW: Figure
    public var fixedOMUSDPerMWYear: Figure
    public var lifetimeYears: Figure
    /// Annual mean capacity factor, fraction.
    public var capacityFactor: Figure
    /// Shape as 12 × 24 local-time factors, scaled so its mean equals the capacity factor; used when no hourly file
    /// is given.
    public var profile: Profile
    /// The hourly capacity-factor file (`profile: {csv: …}`), as written; its values are used as they are.
    public var profileFile: String?
    /// The hourly capacity factors read from `profileFile`, in UTC (not encoded).
    public var profileHourly: HourlySeries?

    private enum CodingKeys: String, CodingKey {
        case kind, existingMW, maxBuildMW, capexUSDPerMW, fixedOMUSDPerMWYear, lifetimeYears, capacityFactor, profile, profileFile
    }

    public init(kind: Kind, existingMW: Figure, maxBuildMW: Figure, capexUSDPerMW: Figure, fixedOMUSDPerMWYear: Figure, lifetimeYears: Figure,
                capacityFactor: Figure, profile: Profile, profileFile: String? = nil, profileHourly: HourlySeries? = nil) {
        self.kind = kind
        self.existingMW = existingMW
        self.maxBuildMW = maxBuildMW
        self.capexUSDPerMW = capexUSDPerMW
        self.fixedOMUSDPerMWYear = fixedOMUSDPerMWYear
        self.lifetimeYears = lifetimeYears
        self.capacityFactor = capacityFactor
        self.profile = profile
        self.profileFile = profileFile
        self.profileHourly = profileHourly
    }
}

/// `(1 + rate)^years`, for growth and escalation.
func pow1p(_ rate: Double, _ years: Int) -> Double {
    pow(1 + rate, Double(years))
}
