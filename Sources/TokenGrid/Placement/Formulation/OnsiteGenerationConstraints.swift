import LinearProgramming

extension PlacementModel {
    /// (Grid edge 2) On-site firm generation: a gas turbine or engine behind the meter.
    ///
    /// Columns, for sites with `onsite_generation`: `onsite_cap[s,y]` (MW in service, ≤ the site's `max_mw`, with
    /// `onsite_build` and year links as for compute, nothing built before the lead time has passed) and
    /// `onsite_gen[s,y,t]` (MW generated). It serves the site's own load, so it lowers the grid draw g one for one
    /// (and so uses no grid headroom, see ``addHeadroomConstraints()``):
    ///
    ///   onsite_gen[s,y,t] − onsite_cap[s,y] ≤ 0                                    ∀ s, y, t      (MW; row `onsite_limit`)
    ///
    /// Objective: DF_y × (CRF(r, L) × capex + fixed O&M) ÷ 1e6 per MW of `onsite_cap` (M$), and
    /// DF_y × w_t × (HR × fuel_y + VOM + carbon price × CI_gen − c^E_{s,y}) ÷ 1e6 per MW of `onsite_gen`: its fuel,
    /// variable O&M and carbon, less the grid energy it displaces. Its emissions w_t × CI_gen count against carbon caps.
    /// The limit row's dual (≤ 0, M$ per MW over the slice) is what one more MW of on-site capacity saves there.
    mutating func addOnsiteGenerationVariables() {
        edge.onsite = data.sites.indices.map { s -> CapacityStock? in
            guard let generation = data.edge(site: s).onsiteGeneration else { return nil }
            let perMW = data.onsiteFixedCostUSDPerMWYear(site: s)
            return addStock("onsite", siteID(s), lifetime: generation.lifetimeYears.wholeYears,
                            bounds: .between(0, generation.maxMW.value), firstYearIndex: data.onsiteFirstYearIndex(site: s), costPerUnit: discounted(perMW))
        }
        edge.onsiteGeneration = data.sites.indices.map { s -> [[VariableID]]? in
            guard data.edge(site: s).onsiteGeneration != nil else { return nil }
            return perSlice(VariableID.placeholder) { model, y, t in
                let cost = model.data.discountFactor(y) * model.data.weightHours[t] * model.data.onsiteEnergyCostUSDPerMWh(site: s, year: y) / 1e6
                    - model.data.gridDrawObjective(site: s, year: y, slice: t)
                return model.program.addVariable(model.name("onsite_gen", model.siteID(s), model.yearID(y), model.sliceID(t)), objective: cost)
            }
        }
    }

    mutating func addOnsiteGenerationConstraints() {
        edge.onsiteLimitRow = data.sites.indices.map { s -> [[ConstraintID]]? in
            guard let generation = edge.onsiteGeneration[s], let stock = edge.onsite[s] else { return nil }
            return perSlice(ConstraintID.placeholder) { model, y, t in
                model.program.addConstraint(model.name("onsite_limit", model.siteID(s), model.yearID(y), model.sliceID(t)),
                                            terms: [(generation[y][t], 1), (stock.capacity[y], -1)], bounds: .atMost(0))
            }
        }
    }
}
