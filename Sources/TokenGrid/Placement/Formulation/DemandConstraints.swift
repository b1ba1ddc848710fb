import LinearProgramming

extension PlacementModel {
    /// (Constraint 1) Demand: tokens served to a zone never exceed what it asks for.
    ///
    ///   Σ_{s ∈ S(z)} serve[z,s,y,t] ≤ D[z,y,t]      ∀ z, y, t      (Mtok/s)
    ///
    /// Unserved tokens u = D − Σ serve are substituted away: their penalty π (the plan's value of an
    /// unserved token) becomes the constant DF_y × w_t × 3600 × π × D ÷ 1e6 in the objective and a
    /// −π term on each `serve` column. The row's dual λ ≤ 0 then gives the marginal cost of a token in
    /// the zone as π + λ ÷ (DF_y × w_t × 3600) × 1e6 $ per million tokens (π where demand goes unserved).
    mutating func addDemandConstraints() {
        let penalty = data.scenario.plan.unservedPenaltyUSDPerMTok
        for (z, zone) in data.zones.enumerated() {
            demandRow.append(perSlice(ConstraintID.placeholder) { model, y, t in
                let demand = zone.demandTokensPerS[y][t] / 1e6
                model.unservedPenaltyConstant += model.data.discountFactor(y) * model.data.seconds(slice: t) * penalty * demand / 1e6
                var variables = zone.siteIndices.indices.map { model.serve[z][$0][y][t] }
                var coefficients = Array(repeating: 1.0, count: variables.count)
                var bound = demand
                if let deferrable = zone.zone.deferrable, deferrable.share > 0 {
                    // The deferrable share arrives through `defer` columns (DeferrableDemandConstraints.swift).
                    let arrivals = model.deferralArrivals(zone: z, year: y, slice: t)
                    variables += arrivals
                    coefficients += Array(repeating: -1, count: arrivals.count)
                    bound = (1 - deferrable.share) * demand
                }
                return model.program.addConstraint(model.name("demand", zone.zone.id, model.yearID(y), model.sliceID(t)),
                                                   variables: variables, coefficients: coefficients, bounds: .atMost(bound))
            })
        }
        program.objectiveConstant += unservedPenaltyConstant
    }

    /// (Constraint 2) Routing: what a site sends to its zones is what its clusters produce.
    ///
    ///   Σ_{z : s ∈ S(z)} serve[z,s,y,t] − Σ_a run[s,a,y,t] = 0      ∀ s, y, t
    mutating func addRoutingConstraints() {
        // Which (zone, k) pairs route from each site.
        var servedZones = [[(Int, Int)]](repeating: [], count: data.sites.count)
        for (z, zone) in data.zones.enumerated() {
            for (k, s) in zone.siteIndices.enumerated() { servedZones[s].append((z, k)) }
        }
        for s in data.sites.indices {
            routingRow.append(perSlice(ConstraintID.placeholder) { model, y, t in
                var terms = servedZones[s].map { (model.serve[$0.0][$0.1][y][t], 1.0) }
                terms += model.data.sites[s].designs.indices.map { (model.run[s][$0][y][t], -1.0) }
                return model.program.addConstraint(model.name("routing", model.siteID(s), model.yearID(y), model.sliceID(t)), terms: terms, bounds: .equal(to: 0))
            })
        }
    }

    /// (Constraint 3) Compute: a design produces at most its sustainable throughput.
    ///
    ///   run[s,a,y,t] − σ_{a,y} × cap[s,a,y] ≤ σ_{a,y} × existing[s,a,y]      ∀ s, a, y, t
    ///
    /// σ = sustainable Mtok/s per MW of IT for the year's model mix: the full-power throughput τ times the maximum
    /// utilisation u for derived figures (and measurements marked `peak: true`), τ itself for sustained measurements.
    mutating func addComputeConstraints() {
        for s in data.sites.indices {
            var bySite: [[[ConstraintID]]] = []
            for a in data.sites[s].designs.indices {
                let siteDesign = data.sites[s].designs[a]
                bySite.append(perSlice(ConstraintID.placeholder) { model, y, t in
                    let perMW = siteDesign.sustainedTokensPerSPerMW[y] / 1e6
                    return model.program.addConstraint(model.name("compute", model.siteID(s), model.designID(s, a), model.yearID(y), model.sliceID(t)),
                                                       terms: [(model.run[s][a][y][t], 1), (model.capacity[s][a][y], -perMW)],
                                                       bounds: .atMost(perMW * siteDesign.existingMW[y]))
                })
            }
            computeRow.append(bySite)
        }
    }
}
