/// How a region's existing clusters relate to its published peak load.
///
/// `peak_load_mw` is the system peak as grid operators publish it, so it includes the data centres in service in
/// `base_year`, the existing clusters among them. The placement LP counts the clusters' draw itself, so it takes them
/// out of the peak once: the background load (everything the LP does not place) peaks at `peak_load_mw` less the
/// existing clusters' busy draw in `base_year`, and grows from there at `peak_load_growth_per_year`.
extension Region {
    /// IT MW of the existing clusters of `design` in service in `year`: built in or before it, and not yet past the
    /// design's lifetime (rounded, at least one year).
    public func existingITMW(of design: ClusterDesign, in year: Int) -> Double {
        let lifetime = design.lifetimeYears.wholeYears
        return dataCentre.existing.reduce(0) { total, cluster in
            cluster.design == design.id && cluster.builtYear <= year && year < cluster.builtYear + lifetime ? total + cluster.itMW.value : total
        }
    }

    /// Grid MW the existing clusters in service in `year` draw when busy (at their sustainable throughput, the most the
    /// placement LP lets them draw): PUE × Σ IT MW × ``ClusterDesign/busyPowerFraction(mix:year:)``. Clusters whose
    /// design is not in `designs` count as nothing (loading reports them).
    public func existingBusyDrawMW(in year: Int, designs: [String: ClusterDesign], mix: ModelMix) -> Double {
        existingDrawMW(in: year, designs: designs) { $0.busyPowerFraction(mix: mix, year: year) }
    }

    /// Grid MW the existing clusters in service in `year` draw at `fractionOfFullPower` of a design's full power:
    /// PUE × Σ IT MW × fraction, by design in id order (so the sum is the same in every run).
    func existingDrawMW(in year: Int, designs: [String: ClusterDesign], fractionOfFullPower: (ClusterDesign) -> Double) -> Double {
        var draw = 0.0
        for id in Set(dataCentre.existing.map(\.design)).sorted() {
            guard let design = designs[id] else { continue }
            let itMW = existingITMW(of: design, in: year)
            if itMW > 0 { draw += dataCentre.pue.value * itMW * fractionOfFullPower(design) }
        }
        return draw
    }

    /// Peak of the background load in `year`, MW: (`peak_load_mw` − the existing clusters' busy draw in `base_year`)
    /// × (1 + peak growth)^(year − base year), never below 0.
    public func backgroundPeakLoadMW(in year: Int, designs: [String: ClusterDesign], mix: ModelMix) -> Double {
        backgroundPeakLoadMW(in: [year], designs: designs, mix: mix)[0]
    }

    /// ``backgroundPeakLoadMW(in:designs:mix:)`` for several years, the base year's draw worked out once.
    public func backgroundPeakLoadMW(in years: [Int], designs: [String: ClusterDesign], mix: ModelMix) -> [Double] {
        backgroundPeakLoadMW(in: years, baseYearExistingDrawMW: existingBusyDrawMW(in: grid.baseYear, designs: designs, mix: mix))
    }

    /// The background peak in `years` when the existing clusters drew `baseYearExistingDrawMW` in the base year.
    func backgroundPeakLoadMW(in years: [Int], baseYearExistingDrawMW: Double) -> [Double] {
        let base = max(0, grid.peakLoadMW.value - baseYearExistingDrawMW)
        return years.map { base * pow1p(grid.peakLoadGrowthPerYear.value, $0 - grid.baseYear) }
    }
}

extension ClusterDesign {
    /// Fraction of full power one MW of IT draws when busy at its sustainable throughput, for the mix in `year`:
    /// idle + (1 − idle) × sustained ÷ full-power throughput (power is charged against the full-power rate).
    public func busyPowerFraction(mix: ModelMix, year: Int) -> Double {
        let idle = idlePowerFraction.value
        let full = tokensPerSPerMW(mix: mix, year: year)
        guard full > 0 else { return idle }
        return idle + (1 - idle) * sustainedTokensPerSPerMW(mix: mix, year: year) / full
    }
}
