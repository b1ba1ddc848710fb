/// A site's (or a group of sites') year in sums that add across sites: MW, tokens, MWh and $. Pooled sites are one
/// site whose cost per million tokens is the group's token-weighted cost; ``drivers`` turns the sums into
/// ``CostDrivers`` whose cost function gives back exactly that cost (plus the grid-scarcity charge).
public struct CostTotals: Sendable, Hashable {
    /// IT MW installed.
    public var itMW = 0.0
    /// What that IT would produce at full power all year, millions of tokens: tokens ÷ this is the utilisation.
    public var fullPowerMTok = 0.0
    /// Tokens produced.
    public var tokens = 0.0
    /// IT energy (before PUE), facility energy (PUE × IT) and grid energy, MWh.
    public var itMWh = 0.0
    public var facilityMWh = 0.0
    public var gridMWh = 0.0
    /// Reported costs, $: accelerator and facility capex annuities (the compute capex split by what each design's capex
    /// is made of), fixed O&M, grid energy, grid carbon, own supply (renewables, on-site power and its carbon, storage,
    /// grid upgrade), network.
    public var acceleratorUSD = 0.0
    public var facilityUSD = 0.0
    public var fixedOMUSD = 0.0
    public var energyUSD = 0.0
    public var gridCarbonUSD = 0.0
    public var ownSupplyUSD = 0.0
    public var networkUSD = 0.0
    /// Grid scarcity, $: headroom value × (1 + reserve floor) × peak grid draw (not part of the reported cost).
    public var gridScarcityUSD = 0.0
    /// Token-weighted sums of the grid's price and carbon cost per MWh, $/MWh × tokens: the drivers' values for sites
    /// that draw nothing from the grid.
    public var tokenWeightedPriceUSDPerMWh = 0.0
    public var tokenWeightedCarbonUSDPerMWh = 0.0

    public init() {}

    /// The reported cost, $ (grid scarcity excluded).
    public var reportedUSD: Double { acceleratorUSD + facilityUSD + fixedOMUSD + energyUSD + gridCarbonUSD + ownSupplyUSD + networkUSD }

    /// Reported cost per million tokens, $ (0 without tokens).
    public var reportedUSDPerMTok: Double { tokens > 0 ? reportedUSD / tokens * 1e6 : 0 }

    /// The sums of two groups.
    public static func + (lhs: CostTotals, rhs: CostTotals) -> CostTotals {
        var sum = lhs
        sum.itMW += rhs.itMW
        sum.fullPowerMTok += rhs.fullPowerMTok
        sum.tokens += rhs.tokens
        sum.itMWh += rhs.itMWh
        sum.facilityMWh += rhs.facilityMWh
        sum.gridMWh += rhs.gridMWh
        sum.acceleratorUSD += rhs.acceleratorUSD
        sum.facilityUSD += rhs.facilityUSD
        sum.fixedOMUSD += rhs.fixedOMUSD
        sum.energyUSD += rhs.energyUSD
        sum.gridCarbonUSD += rhs.gridCarbonUSD
        sum.ownSupplyUSD += rhs.ownSupplyUSD
        sum.networkUSD += rhs.networkUSD
        sum.gridScarcityUSD += rhs.gridScarcityUSD
        sum.tokenWeightedPriceUSDPerMWh += rhs.tokenWeightedPriceUSDPerMWh
        sum.tokenWeightedCarbonUSDPerMWh += rhs.tokenWeightedCarbonUSDPerMWh
        return sum
    }

    /// The drivers: each sum divided by what it scales with (MW, MWh, tokens), so that the cost function multiplies
    /// them back into the sums. Nil without tokens or IT energy.
    public var drivers: CostDrivers? {
        guard tokens > 0, itMW > 0, itMWh > 0, facilityMWh > 0 else { return nil }
        let pue = facilityMWh / itMWh
        return CostDrivers(
            mtokPerMWYear: tokens / 1e6 / itMW, itMWhPerMWYear: itMWh / itMW, acceleratorUSDPerMWYear: acceleratorUSD / itMW,
            facilityUSDPerMWYear: facilityUSD / itMW, fixedOMUSDPerMWYear: fixedOMUSD / itMW,
            powerPriceUSDPerMWh: gridMWh > 0 ? energyUSD / gridMWh : tokenWeightedPriceUSDPerMWh / tokens,
            pue: pue, carbonUSDPerMWh: gridMWh > 0 ? gridCarbonUSD / gridMWh : tokenWeightedCarbonUSDPerMWh / tokens,
            gridScarcityUSDPerMWYear: gridScarcityUSD / (pue * itMW), gridShare: gridMWh / facilityMWh,
            ownSupplyUSDPerMWYear: ownSupplyUSD / itMW, networkUSDPerMTok: networkUSD / (tokens / 1e6))
    }
}
