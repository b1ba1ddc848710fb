/// What a site's cost per million tokens is made of, in ten drivers that can be swapped one at a time between two
/// sites (``CostComparison``).
public enum CostDriver: String, Sendable, Codable, CaseIterable, Hashable {
    /// Tokens produced per MW of IT a year (design throughput × utilisation), with the IT energy they take.
    case throughput
    /// Accelerator capex (price × accelerators per MW × the site's capex multiplier), annualised.
    case acceleratorPrice = "accelerator_price"
    /// Facility capex per MW of IT (building, power, cooling, × the site's multiplier), annualised.
    case facilityCapex = "facility_capex"
    /// Fixed operation and maintenance per MW of IT.
    case fixedOM = "fixed_om"
    /// Grid power price.
    case powerPrice = "power_price"
    case pue
    /// Grid carbon intensity × carbon price.
    case carbon
    /// The value of grid headroom where it binds (the shadow price of firm capacity), charged on the site's peak draw.
    case gridTightness = "grid_tightness"
    /// Dedicated renewables and the grid-edge levers (on-site generation and its carbon, batteries, grid upgrades),
    /// with the share of the site's energy they take off the grid.
    case ownSupply = "own_supply"
    /// Carrying tokens to the zones served.
    case network

    /// How reports name it.
    public var label: String {
        switch self {
        case .throughput: return "accelerator throughput per MW"
        case .acceleratorPrice: return "accelerator price"
        case .facilityCapex: return "facility capex"
        case .fixedOM: return "fixed O&M"
        case .powerPrice: return "power price"
        case .pue: return "PUE"
        case .carbon: return "carbon"
        case .gridTightness: return "grid tightness"
        case .ownSupply: return "renewables and grid edge"
        case .network: return "network"
        }
    }
}

/// The drivers of the cost per million tokens of one site, or of a group of sites pooled, in one year.
///
/// ``costUSDPerMTok`` is the cost function c:
///
///   c = [K_acc + K_fac + OM + X + PUE × g × E × (p + q)] ÷ T + n  +  PUE × R ÷ T
///
/// with T Mtok per MW-yr of IT and E IT MWh per MW-yr (throughput); K_acc, K_fac, OM the accelerator and facility
/// annuities and fixed O&M, $/MW-yr of IT; p the power price and q = carbon intensity × carbon price, $/MWh of grid
/// energy; g the grid's share of facility energy and X the cost of the site's own supply (renewables, on-site
/// generation and its carbon, storage, grid upgrade), $/MW-yr of IT; n the network cost, $/Mtok; and R the grid-scarcity
/// charge, $/MW-yr of facility power (PUE × IT MW). The first part is ``reportedUSDPerMTok``: built from a site's results
/// (``CostTotals``) it equals the site's reported cost per million tokens. The last is ``gridScarcityUSDPerMTok``, zero
/// where headroom does not bind.
public struct CostDrivers: Sendable, Codable, Hashable {
    /// Tokens produced per MW of IT installed, millions per MW-year.
    public var mtokPerMWYear: Double
    /// IT energy per MW of IT installed (idle draw and the tokens' energy, before PUE), MWh per MW-year.
    public var itMWhPerMWYear: Double
    public var acceleratorUSDPerMWYear: Double
    public var facilityUSDPerMWYear: Double
    public var fixedOMUSDPerMWYear: Double
    /// Grid power price, $/MWh.
    public var powerPriceUSDPerMWh: Double
    /// Facility energy ÷ IT energy.
    public var pue: Double
    /// Grid carbon intensity × carbon price, $/MWh.
    public var carbonUSDPerMWh: Double
    /// Headroom value × (1 + reserve floor) × peak grid draw ÷ (PUE × IT MW), $ per MW-year of facility power.
    public var gridScarcityUSDPerMWYear: Double
    /// Grid energy ÷ facility energy (below 1 with renewables or on-site generation; above 1 with battery losses).
    public var gridShare: Double
    /// Renewables, on-site generation (its fuel, O&M and carbon), storage and grid upgrades, $/MW-year of IT.
    public var ownSupplyUSDPerMWYear: Double
    public var networkUSDPerMTok: Double

    /// The cost function c: the reported cost plus the grid-scarcity charge, $ per million tokens (0 without throughput).
    public var costUSDPerMTok: Double { reportedUSDPerMTok + gridScarcityUSDPerMTok }

    /// Of c, what the site pays: capex, O&M, grid energy and carbon, own supply and network, $ per million tokens.
    public var reportedUSDPerMTok: Double {
        guard mtokPerMWYear > 0 else { return 0 }
        let perMW = acceleratorUSDPerMWYear + facilityUSDPerMWYear + fixedOMUSDPerMWYear + ownSupplyUSDPerMWYear
            + pue * gridShare * itMWhPerMWYear * (powerPriceUSDPerMWh + carbonUSDPerMWh)
        return perMW / mtokPerMWYear + networkUSDPerMTok
    }

    /// Of c, the grid-scarcity charge PUE × R ÷ T (not part of the reported cost), $ per million tokens.
    public var gridScarcityUSDPerMTok: Double {
        mtokPerMWYear > 0 ? pue * gridScarcityUSDPerMWYear / mtokPerMWYear : 0
    }

    /// These drivers with `driver` taken from `other`.
    public func replacing(_ driver: CostDriver, from other: CostDrivers) -> CostDrivers {
        var mixed = self
        switch driver {
        case .throughput:
            mixed.mtokPerMWYear = other.mtokPerMWYear
            mixed.itMWhPerMWYear = other.itMWhPerMWYear
        case .acceleratorPrice: mixed.acceleratorUSDPerMWYear = other.acceleratorUSDPerMWYear
        case .facilityCapex: mixed.facilityUSDPerMWYear = other.facilityUSDPerMWYear
        case .fixedOM: mixed.fixedOMUSDPerMWYear = other.fixedOMUSDPerMWYear
        case .powerPrice: mixed.powerPriceUSDPerMWh = other.powerPriceUSDPerMWh
        case .pue: mixed.pue = other.pue
        case .carbon: mixed.carbonUSDPerMWh = other.carbonUSDPerMWh
        case .gridTightness: mixed.gridScarcityUSDPerMWYear = other.gridScarcityUSDPerMWYear
        case .ownSupply:
            mixed.gridShare = other.gridShare
            mixed.ownSupplyUSDPerMWYear = other.ownSupplyUSDPerMWYear
        case .network: mixed.networkUSDPerMTok = other.networkUSDPerMTok
        }
        return mixed
    }

    /// Each driver's share of the gap in c from these drivers to `other`'s, $ per million tokens, in
    /// `CostDriver.allCases` order. The gap in reported cost goes to the nine drivers other than grid tightness by
    /// their Shapley values: the mean, over every order of swapping them one at a time, of what swapping each changes the
    /// reported cost by. The gap in the grid-scarcity charge goes to grid tightness whole. The shares add up to
    /// `other.costUSDPerMTok − costUSDPerMTok`, and those of the nine to the gap in reported cost.
    public func attribution(to other: CostDrivers) -> [Double] {
        let players = CostDriver.allCases.filter { $0 != .gridTightness }
        let shapley = ShapleyValues.exact(players: players.count) { coalition in
            players.indices.reduce(self) { mixed, i in coalition & (1 << i) == 0 ? mixed : mixed.replacing(players[i], from: other) }.reportedUSDPerMTok
        }
        let values = Dictionary(uniqueKeysWithValues: zip(players, shapley))
        return CostDriver.allCases.map { values[$0] ?? (other.gridScarcityUSDPerMTok - gridScarcityUSDPerMTok) }
    }
}
