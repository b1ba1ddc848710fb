import LinearProgramming

extension PlacementModel {
    /// The grid draw of site s in slice t of year index y, g[s,y,t] (MW at the meter), as terms in the model's columns;
    /// with existing clusters' idle draw (a constant, ``PlacementData/idleExistingMW(site:year:)``) it is
    ///
    ///   g = PUE_s × Σ_a (idle_a × (cap + existing) + (1 − idle_a) × run ÷ τ_{a,y}) − renew_use + charge − discharge − onsite_gen
    ///
    /// The one definition of grid draw: the headroom rows bound it, carbon caps weigh it (its idle part over a block's
    /// hours, the rest slice by slice), the objective prices it (each column's coefficient here times
    /// ``PlacementData/gridDrawObjective(site:year:slice:)``), the Benders idle fits keep its idle part under the headroom
    /// and results read it.
    func gridDrawTerms(site s: Int, year y: Int, slice t: Int) -> [(VariableID, Double)] {
        idleDrawTerms(site: s, year: y) + operationDrawTerms(site: s, year: y, slice: t)
    }

    /// The part of the grid draw installed new capacity takes whether busy or not: PUE × idle fraction per MW of IT.
    func idleDrawTerms(site s: Int, year y: Int) -> [(VariableID, Double)] {
        data.sites[s].designs.indices.map { (capacity[s][$0][y], data.idleGridMWPerITMW(site: s, design: $0)) }
    }

    /// The part of the grid draw that operation in slice `t` sets: tokens produced above idle, renewables used, and the
    /// grid-edge columns.
    func operationDrawTerms(site s: Int, year y: Int, slice t: Int) -> [(VariableID, Double)] {
        var terms = data.sites[s].designs.indices.map { (run[s][$0][y][t], data.runGridMWPerMTokPerS(site: s, design: $0, year: y)) }
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

    /// g[s,y,t] at the solution `x`, MW, existing clusters' idle draw included.
    func gridDrawMW(_ s: Int, _ y: Int, _ t: Int, _ x: [Double]) -> Double {
        gridDrawTerms(site: s, year: y, slice: t).reduce(data.idleExistingMW(site: s, year: y)) { $0 + $1.1 * x[$1.0.index] }
    }
}
