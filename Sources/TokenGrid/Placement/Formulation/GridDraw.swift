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
        var terms: [(VariableID, Double)] = []
        terms.reserveCapacity(2 * data.sites[s].designs.count + 4)
        forEachGridDrawTerm(site: s, year: y, slice: t) { terms.append(($0, $1)) }
        return terms
    }

    /// The part of the grid draw installed new capacity takes whether busy or not: PUE × idle fraction per MW of IT.
    func idleDrawTerms(site s: Int, year y: Int) -> [(VariableID, Double)] {
        var terms: [(VariableID, Double)] = []
        terms.reserveCapacity(data.sites[s].designs.count)
        forEachIdleDrawTerm(site: s, year: y) { terms.append(($0, $1)) }
        return terms
    }

    /// Visits the terms of ``idleDrawTerms(site:year:)`` in their order.
    private func forEachIdleDrawTerm(site s: Int, year y: Int, _ body: (VariableID, Double) -> Void) {
        for a in 0 ..< data.sites[s].designs.count { body(capacity[s][a][y], data.idleGridMWPerITMW(site: s, design: a)) }
    }

    /// The part of the grid draw that operation in slice `t` sets: tokens produced above idle, renewables used, and the
    /// grid-edge columns.
    func operationDrawTerms(site s: Int, year y: Int, slice t: Int) -> [(VariableID, Double)] {
        var terms: [(VariableID, Double)] = []
        terms.reserveCapacity(data.sites[s].designs.count + 4)
        forEachOperationDrawTerm(site: s, year: y, slice: t) { terms.append(($0, $1)) }
        return terms
    }

    /// Visits the terms of ``gridDrawTerms(site:year:slice:)`` in their order, without making an array (results read
    /// the draw of every site, year and slice): ``idleDrawTerms(site:year:)``, then ``operationDrawTerms(site:year:slice:)``.
    private func forEachGridDrawTerm(site s: Int, year y: Int, slice t: Int, _ body: (VariableID, Double) -> Void) {
        forEachIdleDrawTerm(site: s, year: y, body)
        forEachOperationDrawTerm(site: s, year: y, slice: t, body)
    }

    /// Visits the terms of ``operationDrawTerms(site:year:slice:)`` in their order: run, renewables used, then the
    /// grid edge: a battery's charging (+1) and discharging (−1), on-site generation (−1).
    private func forEachOperationDrawTerm(site s: Int, year y: Int, slice t: Int, _ body: (VariableID, Double) -> Void) {
        for a in 0 ..< data.sites[s].designs.count { body(run[s][a][y][t], data.runGridMWPerMTokPerS(site: s, design: a, year: y)) }
        if let use = renewableUse[s] { body(use[y][t], -1) }
        if let charge = edge.charge[s], let discharge = edge.discharge[s] {
            body(charge[y][t], 1)
            body(discharge[y][t], -1)
        }
        if let generation = edge.onsiteGeneration[s] { body(generation[y][t], -1) }
    }

    /// g[s,y,t] at the solution `x`, MW, existing clusters' idle draw included.
    func gridDrawMW(_ s: Int, _ y: Int, _ t: Int, _ x: [Double]) -> Double {
        var draw = data.idleExistingMW(site: s, year: y)
        forEachGridDrawTerm(site: s, year: y, slice: t) { draw += $1 * x[$0.index] }
        return draw
    }
}
