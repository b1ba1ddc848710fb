import LinearProgramming

extension PlacementModel {
    /// (Constraint 8a) Carbon cap, in the years the plan gives one: grid emissions of all sites, tCO2.
    ///
    ///   Σ_{s,t} w_t × CI_s × g[s,y,t] ≤ cap_y − E^exist_y                                  ∀ capped y      (full LP)
    ///
    /// with g the substituted grid draw (MW) and E^exist the emissions of existing capacity's idle draw. Decomposed,
    /// the cap is shared out over the year's blocks b by allowances a[y,b] (tCO2) that the master decides:
    ///
    ///   Σ_b a[y,b] ≤ cap_y                                                                 ∀ capped y      (master)
    ///   Σ_{s, t ∈ b} w_t × CI_s × g[s,y,t] − a[y,b] − x[y,b] ≤ −E^exist_{y,b}              ∀ capped y      (block)
    ///
    /// where x[y,b] ≥ 0 is emissions above the allowance, priced at ``carbonExcessPenalty`` M$/tCO2 so that every
    /// block stays feasible whatever the master proposes; summed over blocks with x = 0 these are the full LP's row.
    /// A decomposed answer with x > 0 breaks the full LP's cap and fails the solution check. The full row's dual
    /// (M$/tCO2, ≤ 0) is the value of one more tonne of cap.
    mutating func addCarbonCapConstraints() {
        let caps = (0 ..< yearCount).map { data.scenario.plan.carbonCapTonnesPerYear?.given(in: data.years[$0]) }
        carbonCapRow = Array(repeating: nil, count: yearCount)
        carbonAllowance = Array(repeating: [], count: yearCount)
        carbonExcess = Array(repeating: [], count: yearCount)
        carbonBlockRow = Array(repeating: [], count: yearCount)
        switch scope {
        case .full:
            for y in 0 ..< yearCount {
                guard let cap = caps[y] else { continue }
                let (terms, existing) = emissionTerms(year: y, slices: Array(0 ..< sliceCount))
                carbonCapRow[y] = program.addConstraint(name("carbon_cap", yearID(y)), terms: terms, bounds: .atMost(cap - existing))
            }
        case .capacity:
            for y in 0 ..< yearCount {
                guard let cap = caps[y] else { continue }
                carbonAllowance[y] = data.blocks.indices.map { program.addVariable(name("carbon_allowance", yearID(y), blockID($0))) }
                carbonCapRow[y] = program.addConstraint(name("carbon_cap", yearID(y)), variables: carbonAllowance[y],
                                                        coefficients: Array(repeating: 1, count: data.blocks.count), bounds: .atMost(cap))
            }
        case let .block(y, b):
            guard caps[y] != nil else { return }
            carbonAllowance[y] = data.blocks.indices.map { $0 == b ? program.addVariable(name("carbon_allowance", yearID(y), blockID(b)), bounds: .equal(to: 0)) : .placeholder }
            carbonExcess[y] = data.blocks.indices.map { $0 == b ? program.addVariable(name("carbon_excess", yearID(y), blockID(b)), objective: carbonExcessPenalty) : .placeholder }
            var (terms, existing) = emissionTerms(year: y, slices: data.blocks[b])
            terms += [(carbonAllowance[y][b], -1), (carbonExcess[y][b], -1)]
            carbonBlockRow[y] = data.blocks.indices.map { $0 == b ? program.addConstraint(name("carbon_block", yearID(y), blockID(b)), terms: terms, bounds: .atMost(-existing)) : .placeholder }
        }
    }

    /// The emission terms of grid draw over `slices` of year index `y` (tCO2 per unit of each column; ``gridDrawTerms``
    /// at the grid's intensity, its idle part over the slices' hours at once), with on-site generation's own emissions,
    /// and the emissions of existing capacity's idle draw there (a constant, tCO2).
    private func emissionTerms(year y: Int, slices: [Int]) -> (terms: [(VariableID, Double)], existing: Double) {
        var terms: [(VariableID, Double)] = []
        var existing = 0.0
        let hours = slices.reduce(0) { $0 + data.weightHours[$1] }
        for (s, site) in data.sites.enumerated() {
            let intensity = site.region.grid.carbonTonnesPerMWh.value
            let own = data.edge(site: s).onsiteGeneration?.carbonTonnesPerMWh.value ?? 0
            terms += idleDrawTerms(site: s, year: y).map { ($0.0, hours * intensity * $0.1) }
            for (a, siteDesign) in site.designs.enumerated() {
                existing += hours * intensity * data.idleGridMWPerITMW(site: s, design: a) * siteDesign.existingMW[y]
            }
            for t in slices {
                let generation = edge.onsiteGeneration[s]?[y][t]
                for (column, perUnit) in operationDrawTerms(site: s, year: y, slice: t) {
                    terms.append((column, data.weightHours[t] * intensity * perUnit + (column == generation ? data.weightHours[t] * own : 0)))
                }
            }
        }
        return (terms, existing)
    }

    /// Price of a tonne above a block's allowance, M$/tCO2: a hundred times the most a tonne can be worth inside a
    /// block, where emissions fall only by serving fewer tokens (each unserved token costs the penalty π).
    var carbonExcessPenalty: Double {
        let penalty = max(data.scenario.plan.unservedPenaltyUSDPerMTok, 1)
        var largest = 1.0
        for (s, site) in data.sites.enumerated() {
            let intensity = site.region.grid.carbonTonnesPerMWh.value
            guard intensity > 0 else { continue }
            for a in site.designs.indices {
                for y in 0 ..< yearCount {
                    // Mtok/s per MW × 1/3600 h per s → million tokens per MWh; ÷ t/MWh → million tokens per tonne.
                    let perTonne = 1 / (data.runGridMWPerMTokPerS(site: s, design: a, year: y) * intensity) * 3600
                    largest = max(largest, penalty * perTonne / 1e6)
                    // On-site generation emits at its own intensity, which may be lower.
                    if let own = data.edge(site: s).onsiteGeneration?.carbonTonnesPerMWh.value, own > 0 {
                        largest = max(largest, penalty / (data.runGridMWPerMTokPerS(site: s, design: a, year: y) * own) * 3600 / 1e6)
                    }
                }
            }
        }
        return 100 * largest
    }

    func blockID(_ b: Int) -> String { data.blocks[b].count == 1 ? sliceID(data.blocks[b][0]) : "block\(b)" }
}
