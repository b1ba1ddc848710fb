import LinearProgramming

extension PlacementModel {
    /// (Constraint 7c–d) Build limits per site: IT MW commissioned per year, and IT MW installed at once.
    ///
    ///   Σ_a build[s,a,y] ≤ B^year_s                         ∀ s, y
    ///   Σ_a cap[s,a,y] ≤ B^total_s − Σ_a existing[s,a,y]      ∀ s, y
    ///
    /// (Builds before the earliest build year are fixed at 0 on the columns themselves.)
    mutating func addBuildLimitConstraints() {
        guard decidesCapacity else { return }
        for s in data.sites.indices {
            let site = data.sites[s]
            let dataCentre = site.region.dataCentre
            var perYear: [ConstraintID?] = [], total: [ConstraintID?] = []
            for y in 0 ..< yearCount {
                guard !site.designs.isEmpty else {
                    perYear.append(nil)
                    total.append(nil)
                    continue
                }
                let builds = site.designs.indices.map { build[s][$0][y] }
                perYear.append(program.addConstraint(name("build_per_year", siteID(s), yearID(y)), variables: builds,
                                                     coefficients: Array(repeating: 1, count: builds.count),
                                                     bounds: .atMost(dataCentre.maxITMWPerYear.value)))
                let existing = site.designs.reduce(0) { $0 + $1.existingMW[y] }
                let capacities = site.designs.indices.map { capacity[s][$0][y] }
                total.append(program.addConstraint(name("build_total", siteID(s), yearID(y)), variables: capacities,
                                                   coefficients: Array(repeating: 1, count: capacities.count),
                                                   bounds: .atMost(max(0, dataCentre.maxITMWTotal.value - existing))))
            }
            buildPerYearRow.append(perYear)
            buildTotalRow.append(total)
        }
    }

    /// (Constraint 8b) Budget, in the years the plan gives one: overnight capex of what is commissioned that year ($).
    ///
    ///   Σ_{s,a} capex_{s,a} × build[s,a,y] + Σ_{s,k} capex_k × renew_build[s,k,y] ≤ budget_y
    ///
    /// Written in M$ to keep coefficients near 1–100.
    mutating func addBudgetConstraints() {
        guard decidesCapacity else {
            budgetRow = Array(repeating: nil, count: yearCount)
            return
        }
        budgetRow = (0 ..< yearCount).map { y in
            guard let budget = data.scenario.plan.budgetUSDPerYear?.given(in: data.years[y]) else { return nil }
            var terms: [(VariableID, Double)] = []
            for (s, site) in data.sites.enumerated() {
                for (a, siteDesign) in site.designs.enumerated() { terms.append((build[s][a][y], siteDesign.capexUSDPerMW / 1e6)) }
                for (k, resource) in site.renewables.enumerated() { terms.append((renewableBuild[s][k][y], resource.capexUSDPerMW.value / 1e6)) }
            }
            return program.addConstraint(name("budget", yearID(y)), terms: terms, bounds: .atMost(budget / 1e6))
        }
    }
}
