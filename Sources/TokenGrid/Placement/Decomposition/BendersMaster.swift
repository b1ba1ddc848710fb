import LinearProgramming

/// The Benders master: the capacity part of the placement LP, one θ per (year, block) for the blocks' operating cost,
/// and rows that keep every block feasible at the master's capacity.
struct BendersMaster {
    var model: PlacementModel
    /// θ[y,b] column of each (year, block), in ``BendersSolver/subproblems`` order.
    var theta: [VariableID] = []
    /// Each idle-fit row and the (site, year, slice) whose headroom row (and renewables row) it sums up.
    var idleFitRows: [(row: ConstraintID, site: Int, year: Int, slice: Int)] = []

    init(data: PlacementData, subproblems: [(year: Int, block: Int)]) {
        model = PlacementModel.build(data, scope: .capacity)
        for (y, b) in subproblems {
            theta.append(model.program.addVariable("theta[\(data.years[y]),\(model.blockID(b))]", bounds: .atLeast(Self.lowerBound(data, y, b)), objective: 1))
        }
        addIdlePowerRows(data)
    }

    /// The master's own cost at `point` (its columns' values): capacity, renewables and the objective constant, not θ.
    func capacityCost(at point: [Double]) -> Double {
        let program = model.program
        var isTheta = [Bool](repeating: false, count: program.variableCount)
        for column in theta { isTheta[column.index] = true }
        var cost = program.objectiveConstant
        for j in 0 ..< program.variableCount where !isTheta[j] { cost += program.objectiveCoefficients[j] * point[j] }
        return cost
    }

    /// Whether `point` (a previous solve's master values) meets this master's bounds and rows, so it can serve as a
    /// feasible core point; θ columns are ignored. Within GLPK's own tolerance (1e-7, relative): its answers hold
    /// values like −2e-9 for a column at 0.
    func isFeasible(_ point: [Double]) -> Bool {
        let program = model.program
        guard point.count == program.variableCount else { return false }
        var isTheta = [Bool](repeating: false, count: program.variableCount)
        for column in theta { isTheta[column.index] = true }
        for j in 0 ..< program.variableCount where !isTheta[j] {
            let bounds = program.variableBounds[j], tolerance = 1e-7 * (1 + abs(point[j]))
            if point[j] < bounds.lower - tolerance || point[j] > bounds.upper + tolerance { return false }
        }
        for i in 0 ..< program.constraintCount {
            let activity = program.activity(of: ConstraintID(i), at: point), bounds = program.constraintBounds[i]
            let tolerance = 1e-7 * (1 + abs(activity))
            if activity < bounds.lower - tolerance || activity > bounds.upper + tolerance { return false }
        }
        return true
    }

    /// The linking columns of one subproblem in the master, in the block's order.
    func linkingColumns(year y: Int, block b: Int) -> [VariableID] { model.linkingColumns(year: y, block: b) }

    /// A lower bound on a block's cost: every token served free of charge, every renewable MW displacing grid power and
    /// all on-site generation running wherever it is cheaper than the grid. (A battery cannot lower it: within a block
    /// it gives back less than it takes, at one price.)
    private static func lowerBound(_ data: PlacementData, _ y: Int, _ b: Int) -> Double {
        var bound = 0.0
        for t in data.blocks[b] {
            for (s, site) in data.sites.enumerated() where !site.renewables.isEmpty {
                let available = site.renewables.indices.reduce(0) { $0 + site.capacityFactor[$1][t] * (site.renewables[$1].existingMW.value + site.renewables[$1].maxBuildMW.value) }
                bound -= data.discountFactor(y) * data.weightHours[t] * data.gridEnergyCost(site: s, year: y) * available / 1e6
            }
            for s in data.sites.indices {
                guard let generation = data.edge(site: s).onsiteGeneration else { continue }
                let saving = data.gridEnergyCost(site: s, year: y) - data.onsiteEnergyCostUSDPerMWh(site: s, year: y)
                bound -= data.discountFactor(y) * data.weightHours[t] * max(0, saving) * generation.maxMW.value / 1e6
            }
        }
        return bound - 1e-6
    }

    /// Idle power of installed capacity must fit under the grid headroom of every slice (raised by any upgrade), less
    /// what renewables and on-site generation can supply there, so that each block LP is feasible at the master's
    /// capacity. (A battery is left out: its discharge is limited by what it stored, so these rows ask idle load to fit
    /// without it — a restriction the full LP does not have, which binds only where idle load alone exceeds the rest;
    /// the solution check would then show a duality gap.) The full LP implies these rows;
    /// the master needs them stated. Each is the sum of one slice's headroom row and renewables row with nothing
    /// produced, so its dual belongs to those rows in the full LP (``BendersAssembly`` puts it there).
    ///
    ///   Σ_a PUE_s × idle_a × cap[s,a,y] − Σ_k CF[s,k,t] × renew_cap[s,k,y] ≤ upper[s,y,t] + Σ_k CF[s,k,t] × existing_k
    ///
    /// A site without renewables needs one row per year, at its tightest slice, added at once where even its largest
    /// possible idle load may not fit. A site with renewables would need one per slice (2 million for 40 sites × 6
    /// years × 8,760 hours), so those are added only when the master's answer breaks them (``addBrokenIdleFits``).
    private mutating func addIdlePowerRows(_ data: PlacementData) {
        for (s, site) in data.sites.enumerated() where !site.designs.isEmpty && site.renewables.isEmpty && data.edge(site: s).onsiteGeneration == nil
            && data.edge(site: s).gridUpgrade == nil {
            let largestIdle = site.designs.indices.map { data.idleGridMWPerITMW(site: s, design: $0) }.max()! * site.region.dataCentre.maxITMWTotal.value
            for y in 0 ..< data.years.count {
                let upper = (0 ..< data.slices.count).map { data.headroomRowUpperMW(site: s, year: y, slice: $0) }
                guard let tightest = upper.indices.min(by: { upper[$0] < upper[$1] }), largestIdle > upper[tightest] else { continue }
                let (terms, bound) = idleFit(data, site: s, year: y, slice: tightest)
                let row = model.program.addConstraint("idle_fit[\(site.region.id),\(data.years[y])]", terms: terms, bounds: .atMost(bound))
                idleFitRows.append((row, s, y, tightest))
            }
        }
    }

    /// The idle-fit row of one site, year and slice: its terms and its upper bound.
    func idleFit(_ data: PlacementData, site s: Int, year y: Int, slice t: Int) -> (terms: [(VariableID, Double)], bound: Double) {
        let site = data.sites[s]
        var terms = model.idleDrawTerms(site: s, year: y)
        var existing = 0.0
        for (k, resource) in site.renewables.enumerated() {
            terms.append((model.renewableCapacity[s][k][y], -site.capacityFactor[k][t]))
            existing += site.capacityFactor[k][t] * resource.existingMW.value
        }
        // On-site generation serves idle load at any hour (its limit row adds in); an upgrade raises the headroom.
        if let onsite = model.edge.onsite[s] { terms.append((onsite.capacity[y], -1)) }
        if let upgrade = model.upgradeHeadroomTerm(site: s, year: y) { terms.append(upgrade) }
        return (terms, data.headroomRowUpperMW(site: s, year: y, slice: t) + existing)
    }

    /// Adds to the loaded master the idle-fit rows of sites with renewables that `point` breaks — in each site and
    /// year, the slice where it breaks most — and returns how many it added.
    mutating func addBrokenIdleFits(_ data: PlacementData, at point: [Double], to problem: GLPKProblem) throws -> Int {
        var added = 0
        for fit in brokenIdleFits(data, at: point) where !idleFitRows.contains(where: { $0.site == fit.site && $0.year == fit.year && $0.slice == fit.slice }) {
            try addIdleFit(data, site: fit.site, year: fit.year, slice: fit.slice, to: problem)
            added += 1
        }
        return added
    }

    /// The idle fits of sites with renewables, on-site generation or an upgrade that `point` breaks: in each site and
    /// year, the slice where it breaks most.
    func brokenIdleFits(_ data: PlacementData, at point: [Double]) -> [(site: Int, year: Int, slice: Int)] {
        var broken: [(site: Int, year: Int, slice: Int)] = []
        for (s, site) in data.sites.enumerated() where !site.designs.isEmpty
            && (!site.renewables.isEmpty || data.edge(site: s).onsiteGeneration != nil || data.edge(site: s).gridUpgrade != nil) {
            for y in 0 ..< data.years.count {
                let idle = model.idleDrawTerms(site: s, year: y).reduce(0) { $0 + $1.1 * point[$1.0.index] }
                guard idle > 1e-9 else { continue }
                var worst: (slice: Int, excess: Double)?
                for t in 0 ..< data.slices.count {
                    var supply = data.headroomRowUpperMW(site: s, year: y, slice: t)
                    for (k, resource) in site.renewables.enumerated() {
                        supply += site.capacityFactor[k][t] * (resource.existingMW.value + point[model.renewableCapacity[s][k][y].index])
                    }
                    if let onsite = model.edge.onsite[s] { supply += point[onsite.capacity[y].index] }
                    if let upgrade = model.upgradeHeadroomTerm(site: s, year: y) { supply -= upgrade.1 * point[upgrade.0.index] }
                    let excess = idle - supply
                    if excess > 1e-7 * (1 + abs(supply)), excess > (worst?.excess ?? 0) { worst = (t, excess) }
                }
                if let worst { broken.append((s, y, worst.slice)) }
            }
        }
        return broken
    }

    /// Sets the curtailment columns of `point` to what its capacity forces: curtail = max(0, C − δ − h) in each slice
    /// the master holds a column for (``PlacementModel/addConnectionConstraints()``).
    func fillCurtailment(_ data: PlacementData, at point: inout [Double]) {
        for s in data.sites.indices {
            for y in 0 ..< data.years.count where !model.edge.curtailment[s][y].isEmpty {
                var load = model.connectedLoadTerms(site: s, year: y).reduce(0) { $0 + $1.1 * point[$1.0.index] }
                if let upgrade = model.upgradeHeadroomTerm(site: s, year: y) { load += upgrade.1 * point[upgrade.0.index] }
                for (t, column, _) in model.edge.curtailment[s][y] {
                    point[column.index] = max(0, load - data.connectionHeadroomMW(site: s, year: y, slice: t))
                }
            }
        }
    }

    /// Adds to the loaded master the idle-fit row of one site, year and slice (one found for an earlier variant of the
    /// plan, say), with this plan's numbers.
    mutating func addIdleFit(_ data: PlacementData, site s: Int, year y: Int, slice t: Int, to problem: GLPKProblem) throws {
        let (terms, bound) = idleFit(data, site: s, year: y, slice: t)
        let row = try problem.addConstraint("idle_fit[\(data.sites[s].region.id),\(data.years[y]),\(data.slices[t].name)]",
                                            variables: terms.map(\.0), coefficients: terms.map(\.1), bounds: .atMost(bound))
        idleFitRows.append((row, s, y, t))
    }
}
