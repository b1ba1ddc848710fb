extension PlacementData {
    /// The comparisons the plan asks for (``CostAttributionRequest``; by default the cheapest and the dearest producing
    /// site, and the cheapest country against each other one) in its year, each gap split among the drivers. Nil when
    /// there is nothing to compare (fewer than two producing sites and no pair asked for).
    public func costAttribution(of result: PlacementResult) -> CostAttribution? {
        let request = scenario.plan.costAttribution ?? CostAttributionRequest()
        let year = request.year ?? years[years.count - 1]
        guard let y = years.firstIndex(of: year) else { return nil }
        let totals = siteCostTotals(year: y, result)
        let producing = sites.indices.filter { totals[$0].tokens > 0 }
        var comparisons: [CostComparison] = [], skipped: [String] = []

        func compare(_ kind: CostComparison.Kind, _ from: (name: String, sites: [Int]), _ to: (name: String, sites: [Int])) {
            let idle = [from, to].filter { side in !side.sites.contains { totals[$0].tokens > 0 } }.map(\.name)
            guard idle.isEmpty, let a = side(from.name, from.sites, totals, result, year), let b = side(to.name, to.sites, totals, result, year) else {
                let why = idle.isEmpty ? "no IT energy to compare" : "\(idle.joined(separator: " and ")) produced no tokens in \(year)"
                skipped.append("\(from.name) → \(to.name): \(why)")
                return
            }
            let values = a.drivers.attribution(to: b.drivers)
            comparisons.append(CostComparison(kind: kind, from: a, to: b, gapUSDPerMTok: b.drivers.costUSDPerMTok - a.drivers.costUSDPerMTok,
                                              contributions: zip(CostDriver.allCases, values).map { CostComparison.Contribution(driver: $0, usdPerMTok: $1) }))
        }

        let siteIndex = Dictionary(uniqueKeysWithValues: sites.enumerated().map { ($1.region.id, $0) })
        if let pairs = request.sitePairs {
            // The plan reader admits only the plan's sites; an unknown id here compares nothing.
            for pair in pairs { compare(.site, (pair[0], siteIndex[pair[0]].map { [$0] } ?? []), (pair[1], siteIndex[pair[1]].map { [$0] } ?? [])) }
        } else {
            // Cheapest first; ties keep plan order.
            let ranked = producing.sorted { (totals[$0].reportedUSDPerMTok, $0) < (totals[$1].reportedUSDPerMTok, $1) }
            if ranked.count >= 2, let cheapest = ranked.first, let dearest = ranked.last {
                compare(.site, (sites[cheapest].region.id, [cheapest]), (sites[dearest].region.id, [dearest]))
            }
        }

        let countries = scenario.countries
        func members(_ country: String) -> [Int] { sites.indices.filter { sites[$0].region.country == country && totals[$0].tokens > 0 } }
        if let pairs = request.countryPairs {
            for pair in pairs { compare(.country, (pair[0], members(pair[0])), (pair[1], members(pair[1]))) }
        } else {
            let pooled = countries.filter { !members($0).isEmpty }.map { ($0, members($0).reduce(CostTotals()) { $0 + totals[$1] }.reportedUSDPerMTok) }
            let ranked = pooled.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
            for other in ranked.dropFirst() {
                // One producing site on each side, and those the site comparison already has: nothing new to say.
                let from = members(ranked[0]), to = members(other)
                let repeated = comparisons.contains { $0.kind == .site && [$0.from.sites, $0.to.sites] == [from, to].map { $0.map { sites[$0].region.id } } }
                if !repeated { compare(.country, (ranked[0], from), (other, to)) }
            }
        }
        guard !comparisons.isEmpty || !skipped.isEmpty else { return nil }
        return CostAttribution(year: year, comparisons: comparisons, skipped: skipped)
    }

    /// One side of a comparison: the producing sites among `members` pooled.
    private func side(_ name: String, _ members: [Int], _ totals: [CostTotals], _ result: PlacementResult, _ year: Int) -> CostComparison.Side? {
        let producing = members.filter { totals[$0].tokens > 0 }
        let pooled = producing.reduce(CostTotals()) { $0 + totals[$1] }
        guard let drivers = pooled.drivers else { return nil }
        let ids = Set(producing.map { sites[$0].region.id })
        var designTokens: [String: Double] = [:]
        for build in result.builds where build.year == year && build.tokens > 0 && ids.contains(build.site) { designTokens[build.design, default: 0] += build.tokens }
        let designs = designTokens.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        return CostComparison.Side(
            name: name, sites: producing.map { sites[$0].region.id }, tokens: pooled.tokens, itMWInstalled: pooled.itMW,
            costUSDPerMTok: pooled.reportedUSDPerMTok, gridScarcityUSDPerMTok: drivers.gridScarcityUSDPerMTok, drivers: drivers,
            designMTokPerMWYear: pooled.fullPowerMTok / pooled.itMW, designs: designs)
    }

    /// Every site's year index `y` in sums (zero for a site missing from the results), in site order.
    func siteCostTotals(year y: Int, _ result: PlacementResult) -> [CostTotals] {
        let year = years[y]
        let siteYears = Dictionary(result.sites.filter { $0.year == year }.map { ($0.site, $0) }, uniquingKeysWith: { first, _ in first })
        let headroom = Dictionary(result.headroom.filter { $0.year == year }.map { ($0.site, $0.dualUSDPerMWYear) }, uniquingKeysWith: { first, _ in first })
        var builds: [String: [String: PlacementResult.Build]] = [:]
        for build in result.builds where build.year == year { builds[build.site, default: [:]][build.design] = build }
        return sites.indices.map { s in
            guard let siteYear = siteYears[sites[s].region.id] else { return CostTotals() }
            return costTotals(site: s, year: y, siteYear, builds: builds[siteYear.site] ?? [:], headroomValue: headroom[siteYear.site] ?? 0)
        }
    }

    /// Site `s`'s year index `y` in sums, from its results: the reported costs regrouped by driver, the IT energy its
    /// designs used, and its grid scarcity.
    private func costTotals(site s: Int, year y: Int, _ siteYear: PlacementResult.SiteYear, builds: [String: PlacementResult.Build],
                            headroomValue: Double) -> CostTotals {
        let site = sites[s], grid = site.region.grid, cost = siteYear.costUSD
        var totals = CostTotals()
        totals.itMW = siteYear.itMWInstalled
        totals.tokens = siteYear.tokens
        var acceleratorCapex = 0.0, allCapex = 0.0
        for (a, siteDesign) in site.designs.enumerated() {
            let design = siteDesign.design
            guard let build = builds[design.id] else { continue }
            let rate = siteDesign.tokensPerSPerMW[y], idle = design.idlePowerFraction.value
            totals.fullPowerMTok += build.itMWInstalled * rate * 8760 * 3600 / 1e6
            totals.itMWh += 8760 * idle * build.itMWInstalled + (rate > 0 ? (1 - idle) * build.tokens / (3600 * rate) : 0)
            // The annuity splits as the design's capex does (the site's multiplier scales both parts alike).
            let annuity = computeAnnuityUSDPerMW(site: s, design: a) * build.itMWInstalled
            allCapex += annuity
            if design.capexUSDPerMW > 0 { acceleratorCapex += annuity * design.acceleratorPriceUSD.value * design.acceleratorsPerMW / design.capexUSDPerMW }
        }
        totals.acceleratorUSD = allCapex > 0 ? cost.computeCapex * acceleratorCapex / allCapex : 0
        totals.facilityUSD = cost.computeCapex - totals.acceleratorUSD
        totals.fixedOMUSD = cost.fixedOM
        totals.facilityMWh = site.pue * totals.itMWh
        totals.gridMWh = siteYear.gridMWh
        totals.energyUSD = cost.energy
        totals.gridCarbonUSD = siteYear.gridMWh * grid.carbonTonnesPerMWh.value * carbonPrice(y)
        // On-site generation's carbon is part of what the site's own supply costs.
        totals.ownSupplyUSD = cost.renewables + cost.onsitePower + cost.storage + cost.gridUpgrade + (cost.carbon - totals.gridCarbonUSD)
        totals.networkUSD = cost.network
        totals.gridScarcityUSD = headroomValue * (1 + grid.minReserveMargin.value) * siteYear.peakGridMW
        totals.tokenWeightedPriceUSDPerMWh = siteYear.tokens * grid.priceUSDPerMWh(in: years[y])
        totals.tokenWeightedCarbonUSDPerMWh = siteYear.tokens * grid.carbonTonnesPerMWh.value * carbonPrice(y)
        return totals
    }
}
