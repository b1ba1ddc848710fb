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
    /// feasible core point; θ columns are ignored.
    func isFeasible(_ point: [Double]) -> Bool {
        let program = model.program
        guard point.count == program.variableCount else { return false }
        var isTheta = [Bool](repeating: false, count: program.variableCount)
        for column in theta { isTheta[column.index] = true }
        for j in 0 ..< program.variableCount where !isTheta[j] {
            let bounds = program.variableBounds[j], tolerance = 1e-9 * (1 + abs(point[j]))
            if point[j] < bounds.lower - tolerance || point[j] > bounds.upper + tolerance { return false }
        }
        for i in 0 ..< program.constraintCount {
            let activity = program.activity(of: ConstraintID(i), at: point), bounds = program.constraintBounds[i]
            let tolerance = 1e-9 * (1 + abs(activity))
            if activity < bounds.lower - tolerance || activity > bounds.upper + tolerance { return false }
        }
        return true
    }

    /// The linking columns of one subproblem in the master, in the block's order.
    func linkingColumns(year y: Int, block b: Int) -> [VariableID] { model.linkingColumns(year: y, block: b) }

    /// A lower bound on a block's cost: every token served free of charge and every renewable MW displacing grid power.
    private static func lowerBound(_ data: PlacementData, _ y: Int, _ b: Int) -> Double {
        var bound = 0.0
        for t in data.blocks[b] {
            for (s, site) in data.sites.enumerated() where !site.renewables.isEmpty {
                let available = site.renewables.indices.reduce(0) { $0 + site.capacityFactor[$1][t] * (site.renewables[$1].existingMW.value + site.renewables[$1].maxBuildMW.value) }
                bound -= data.discountFactor(y) * data.weightHours[t] * data.gridEnergyCost(site: s, year: y) * available / 1e6
            }
        }
        return bound - 1e-6
    }

    /// Idle power of installed capacity must fit under the grid headroom of every slice, less what renewables can
    /// supply there, so that each block LP is feasible at the master's capacity. The full LP implies these rows;
    /// the master needs them stated. A row is left out where even the largest possible idle load fits. Each is the sum
    /// of one slice's headroom row and renewables row with no tokens produced, so its dual belongs to those rows in
    /// the full LP (``BendersAssembly`` puts it there).
    ///
    ///   Σ_a PUE_s × idle_a × cap[s,a,y] − Σ_k CF[s,k,t] × renew_cap[s,k,y] ≤ upper[s,y,t] + Σ_k CF[s,k,t] × existing_k
    private mutating func addIdlePowerRows(_ data: PlacementData) {
        for (s, site) in data.sites.enumerated() where !site.designs.isEmpty {
            let largestIdle = site.designs.indices.map { data.idleGridMWPerITMW(site: s, design: $0) }.max()! * site.region.dataCentre.maxITMWTotal.value
            for y in 0 ..< data.years.count {
                let upper = (0 ..< data.slices.count).map { data.headroomRowUpperMW(site: s, year: y, slice: $0) }
                var capacityTerms = site.designs.indices.map { (model.capacity[s][$0][y], data.idleGridMWPerITMW(site: s, design: $0)) }
                if site.renewables.isEmpty {
                    // Without renewables the tightest slice decides: one row per site and year.
                    guard let tightest = upper.indices.min(by: { upper[$0] < upper[$1] }), largestIdle > upper[tightest] else { continue }
                    let row = model.program.addConstraint("idle_fit[\(site.region.id),\(data.years[y])]", terms: capacityTerms, bounds: .atMost(upper[tightest]))
                    idleFitRows.append((row, s, y, tightest))
                    continue
                }
                let firstTerms = capacityTerms.count
                for t in 0 ..< data.slices.count where largestIdle > upper[t] {
                    capacityTerms.removeLast(capacityTerms.count - firstTerms)
                    var existing = 0.0
                    for (k, resource) in site.renewables.enumerated() {
                        capacityTerms.append((model.renewableCapacity[s][k][y], -site.capacityFactor[k][t]))
                        existing += site.capacityFactor[k][t] * resource.existingMW.value
                    }
                    let row = model.program.addConstraint("idle_fit[\(site.region.id),\(data.years[y]),\(data.slices[t].name)]", terms: capacityTerms, bounds: .atMost(upper[t] + existing))
                    idleFitRows.append((row, s, y, t))
                }
            }
        }
    }
}
