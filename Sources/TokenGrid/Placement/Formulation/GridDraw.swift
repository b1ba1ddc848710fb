import LinearProgramming

extension PlacementModel {
    /// The grid draw of site s in slice t of year index y, g[s,y,t] (MW at the meter), as terms in the model's columns;
    /// with existing clusters' idle draw (a constant, ``PlacementData/idleExistingMW(site:year:)``) it is
    ///
    ///   g = PUE_s × Σ_a (idle_a × (cap + existing) + (1 − idle_a) × run ÷ τ_{a,y}) − renew_use + charge − discharge − onsite_gen
    ///
    /// The one definition of grid draw: the headroom rows bound it, carbon caps weigh it, the objective prices it
    /// (each column's coefficient here times ``PlacementData/gridDrawObjective(site:year:slice:)``) and results read it.
    func gridDrawTerms(site s: Int, year y: Int, slice t: Int) -> [(VariableID, Double)] {
        var terms: [(VariableID, Double)] = []
        for a in data.sites[s].designs.indices {
            terms.append((capacity[s][a][y], data.idleGridMWPerITMW(site: s, design: a)))
            terms.append((run[s][a][y][t], data.runGridMWPerMTokPerS(site: s, design: a, year: y)))
        }
        if let use = renewableUse[s] { terms.append((use[y][t], -1)) }
        return terms + edgeDrawTerms(site: s, year: y, slice: t)
    }

    /// The grid-edge part of the grid draw: a battery's charging (+1) and discharging (−1), on-site generation (−1).
    func edgeDrawTerms(site s: Int, year y: Int, slice t: Int) -> [(VariableID, Double)] {
        var terms: [(VariableID, Double)] = []
        if let charge = edge.charge[s], let discharge = edge.discharge[s] {
            terms.append((charge[y][t], 1))
            terms.append((discharge[y][t], -1))
        }
        if let generation = edge.onsiteGeneration[s] { terms.append((generation[y][t], -1)) }
        return terms
    }

    /// Emissions of the grid-edge columns over `slices` of year index `y`, tCO2 per unit: what they add to or take from
    /// the grid draw at the grid's intensity, plus on-site generation's own emissions.
    func edgeEmissionTerms(year y: Int, slices: [Int]) -> [(VariableID, Double)] {
        var terms: [(VariableID, Double)] = []
        for s in data.sites.indices {
            let intensity = data.sites[s].region.grid.carbonTonnesPerMWh.value
            let own = data.edge(site: s).onsiteGeneration?.carbonTonnesPerMWh.value ?? 0
            for t in slices {
                for (column, perMW) in edgeDrawTerms(site: s, year: y, slice: t) {
                    let isGeneration = edge.onsiteGeneration[s]?[y][t] == column
                    terms.append((column, data.weightHours[t] * (intensity * perMW + (isGeneration ? own : 0))))
                }
            }
        }
        return terms
    }

    /// g[s,y,t] at the solution `x`, MW, existing clusters' idle draw included.
    func gridDrawMW(_ s: Int, _ y: Int, _ t: Int, _ x: [Double]) -> Double {
        gridDrawTerms(site: s, year: y, slice: t).reduce(data.idleExistingMW(site: s, year: y)) { $0 + $1.1 * x[$1.0.index] }
    }
}
