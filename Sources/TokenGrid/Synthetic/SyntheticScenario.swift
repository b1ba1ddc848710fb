import Foundation

/// Generated scenarios of a chosen size, for benchmarks and scaling tests.
///
/// The numbers are plausible (prices $30–120/MWh, reserve floors 10–20 %, designs like the shipped ones)
/// and fully determined by the seed, so that the same size and seed always give the same LP.
public enum SyntheticScenario {
    /// A scenario with `sites` sites, `years` planning years from 2025, the time slices of `slices`,
    /// `zones` demand zones each served by up to `sitesPerZone` sites.
    public static func make(sites siteCount: Int, years: Int, slices: TimeSlicePreset, zones zoneCount: Int,
                            sitesPerZone: Int = 8, seed: UInt64 = 1) -> Scenario {
        var random = SplitMix64(seed: seed)
        let designs = [design("fast", power: 1275, price: 40_000, tflops: 1979, idle: 0.3),
                       design("lean", power: 700, price: 15_000, tflops: 600, idle: 0.25),
                       design("dense", power: 1800, price: 60_000, tflops: 4500, idle: 0.3)]
        let regions = (0 ..< siteCount).map { index -> Region in
            let peak = random.uniform(5_000, 150_000)
            let margin = random.uniform(0.10, 0.20)
            let firm = peak * (1 + margin) + random.uniform(0.005, 0.05) * peak
            let hosted = [designs[index % 3], designs[(index + 1) % 3]].map { Region.HostedDesign(design: $0.id, capexMultiplier: assumed(1)) }
            var renewables: [RenewableResource] = []
            if index % 2 == 0 {
                renewables.append(renewable(.solar, factor: random.uniform(0.15, 0.28), maxBuild: random.uniform(500, 5000), capex: 700_000, hourly: solarHours))
            }
            if index % 3 == 0 {
                renewables.append(renewable(.wind, factor: random.uniform(0.25, 0.4), maxBuild: random.uniform(500, 5000), capex: 1_300_000, hourly: windHours))
            }
            let grid = Region.Grid(
                baseYear: 2025, firmCapacityMW: assumed(firm), firmCapacityGrowthPerYear: assumed(random.uniform(0.0, 0.04)),
                peakLoadMW: assumed(peak), peakLoadGrowthPerYear: assumed(random.uniform(0.0, 0.03)), minReserveMargin: assumed(margin),
                priceUSDPerMWh: assumed(random.uniform(30, 120)), priceEscalationPerYear: assumed(random.uniform(-0.01, 0.03)),
                carbonTonnesPerMWh: assumed(random.uniform(0.02, 0.7)), loadShape: Profile(monthly: seasonal, hourly: loadHours, assumption: true, reason: "synthetic"))
            let dataCentre = Region.DataCentre(
                pue: assumed(random.uniform(1.1, 1.4)), maxITMWPerYear: assumed(random.uniform(200, 2000)),
                maxITMWTotal: assumed(random.uniform(1000, 8000)), earliestBuildYear: assumed(Double(2025 + Int(random.uniform(0, 3)))), existing: [])
            let location = GeoLocation(lat: random.uniform(-40, 60), lon: random.uniform(-120, 140))
            // Local solar time, to the hour: 12 × 24 shapes are shifted to UTC by it.
            return Region(id: "site-\(index + 1)", name: "Site \(index + 1)", country: "XX", location: location,
                          utcOffsetHours: (location.lon / 15).rounded(), grid: grid, dataCentre: dataCentre, renewables: renewables,
                          clusterDesigns: hosted, file: "synthetic")
        }
        let mix = ModelMix(inputShare: 0.8, classes: [
            ModelClass(id: "moe-37b-671b", name: "MoE 37B/671B", activeParamsB: 37, totalParamsB: 671, share: YearMap([2025: 0.6, 2030: 0.7])),
            ModelClass(id: "dense-70b", name: "Dense 70B", activeParamsB: 70, totalParamsB: 70, share: YearMap([2025: 0.4, 2030: 0.3])),
        ])
        // Demand sized so that total capacity is tight late in the horizon: about 60 % of all sites' IT limits by the last year.
        let totalLimitMW = regions.reduce(0) { $0 + $1.dataCentre.maxITMWTotal.value }
        let tokensPerMWYear = 2.0e6 * 0.7 * 8760 * 3600
        let lastYearTokens = 0.6 * totalLimitMW * tokensPerMWYear / Double(max(zoneCount, 1))
        let zones = (0 ..< zoneCount).map { index -> DemandZone in
            let share = random.uniform(0.5, 1.5)
            let last = lastYearTokens * share
            let first = last / pow(3, Double(years - 1))
            var served: [String] = []
            while served.count < min(sitesPerZone, siteCount) {
                let id = regions[Int(random.uniform(0, Double(siteCount))) % siteCount].id
                if !served.contains(id) { served.append(id) }
            }
            return DemandZone(id: "zone-\(index + 1)", name: "Zone \(index + 1)", location: nil, base: nil,
                              growth: .anchors([YearMap.YearValue(year: 2025, value: first), YearMap.YearValue(year: 2025 + max(years - 1, 1), value: last * (years > 1 ? 1 : 3))]),
                              shape: Profile(monthly: seasonal, hourly: demandHours, assumption: true, reason: "synthetic"),
                              servedBy: .sites(served.sorted()), networkCostUSDPerMTok: random.uniform(0.005, 0.05))
        }
        let plan = Plan(name: "synthetic-\(siteCount)x\(years)x\(slices.slices.count)x\(zoneCount)", description: "Generated for benchmarking",
                        file: "synthetic", firstYear: 2025, lastYear: 2025 + years - 1, discountRate: 0.08, unservedPenaltyUSDPerMTok: 5,
                        carbonPriceUSDPerTonne: YearMap([2025: 0, 2030: 50]), carbonCapTonnesPerYear: nil, budgetUSDPerYear: nil,
                        regionIDs: regions.map(\.id), timeRepresentation: .preset(slices), timeSlices: slices.slices, modelMix: mix, zones: zones, marketPrices: [], overridesApplied: [])
        return Scenario(plan: plan, regions: regions, designs: designs, warnings: [])
    }

    private static let seasonal = [1.1, 1.05, 0.95, 0.9, 0.95, 1.05, 1.15, 1.15, 1.0, 0.92, 0.97, 1.08]
    private static let loadHours = (0 ..< 24).map { 0.7 + 0.3 * max(0, sin(Double($0 - 6) / 24 * 2 * .pi)) }
    private static let demandHours = (0 ..< 24).map { 0.5 + 0.5 * max(0, sin(Double($0 - 8) / 24 * 2 * .pi)) }
    private static let solarHours = (0 ..< 24).map { max(0, sin(Double($0 - 6) / 12 * .pi)) }
    private static let windHours = (0 ..< 24).map { 1 + 0.2 * cos(Double($0) / 24 * 2 * .pi) }

    private static func assumed(_ value: Double) -> Figure { Figure(value, assumption: true, reason: "synthetic") }

    private static func design(_ id: String, power: Double, price: Double, tflops: Double, idle: Double) -> ClusterDesign {
        ClusterDesign(id: id, accelerator: id, powerWPerAccelerator: assumed(power), acceleratorPriceUSD: assumed(price),
                      facilityCapexUSDPerMW: assumed(11_700_000), lifetimeYears: assumed(5), fixedOMUSDPerMWYear: assumed(900_000),
                      idlePowerFraction: assumed(idle), maxUtilisation: assumed(0.7), peakTFLOPS: assumed(tflops),
                      prefillUtilisation: assumed(0.35), decodeUtilisation: assumed(0.08), measured: [])
    }

    private static func renewable(_ kind: RenewableResource.Kind, factor: Double, maxBuild: Double, capex: Double, hourly: [Double]) -> RenewableResource {
        RenewableResource(kind: kind, existingMW: assumed(0), maxBuildMW: assumed(maxBuild), capexUSDPerMW: assumed(capex),
                          fixedOMUSDPerMWYear: assumed(capex * 0.02), lifetimeYears: assumed(25), capacityFactor: assumed(factor),
                          profile: Profile(monthly: seasonal, hourly: hourly, assumption: true, reason: "synthetic"))
    }
}

/// A small, fast, seedable random generator (SplitMix64), so generated data is reproducible everywhere.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }
}
