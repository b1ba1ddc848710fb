import LinearProgramming

/// The placement linear program and the map from its rows and columns back to sites, designs, zones, years and slices.
///
/// Built by ``build(_:scope:names:)`` in the order variables → constraints → (objective terms are added with each variable).
/// Every family lives in its own file with its equations; `docs/formulation.md` collects them.
/// Units inside the LP: MW, Mtok/s (millions of tokens per second), M$ discounted to the first planning year.
public struct PlacementModel: Sendable {
    public internal(set) var program = LinearProgram(name: "tokengrid_placement", sense: .minimize)
    public let data: PlacementData
    /// Which part of the full LP this model holds.
    public let scope: Scope

    /// The full LP, or one of the parts that decomposition solves separately.
    public enum Scope: Sendable, Hashable {
        /// Everything: capacity and operation in every year and slice.
        case full
        /// Capacity decisions only (columns, year links, build limits, budget) and, under a carbon cap, each block's
        /// emission allowance, for a Benders master.
        case capacity
        /// Operation in one year and one block of slices (``PlacementData/blocks``), with capacity (and the block's
        /// emission allowance) fixed: their reduced costs are the cut's gradient.
        case block(year: Int, block: Int)
    }

    // Columns, indexed [site][design][year] or [site][design][year][slice] etc. (indices into PlacementData).
    /// New IT capacity installed (built within its lifetime), MW.
    var capacity: [[[VariableID]]] = []
    /// New IT capacity commissioned in the year, MW.
    var build: [[[VariableID]]] = []
    /// Tokens produced, Mtok/s.
    var run: [[[[VariableID]]]] = []
    /// Tokens routed from a zone's k-th allowed site, Mtok/s: [zone][k][year][slice].
    var serve: [[[[VariableID]]]] = []
    /// Renewable power used, MW: [site][year][slice] (absent when the site has no renewables).
    var renewableUse: [[[VariableID]]?] = []
    /// New renewable capacity installed, MW: [site][kind][year].
    var renewableCapacity: [[[VariableID]]] = []
    /// New renewable capacity commissioned, MW: [site][kind][year].
    var renewableBuild: [[[VariableID]]] = []

    // Rows.
    var demandRow: [[[ConstraintID]]] = []
    var routingRow: [[[ConstraintID]]] = []
    var computeRow: [[[[ConstraintID]]]] = []
    var headroomRow: [[[ConstraintID]]] = []
    var renewableRow: [[[ConstraintID]]?] = []
    var capacityLinkRow: [[[ConstraintID]]] = []
    var renewableLinkRow: [[[ConstraintID]]] = []
    var buildPerYearRow: [[ConstraintID?]] = []
    var buildTotalRow: [[ConstraintID?]] = []
    var carbonCapRow: [ConstraintID?] = []
    var budgetRow: [ConstraintID?] = []
    /// Decomposition under a carbon cap: each block's emission allowance, tCO2, [year][block] (in the master, decided;
    /// in a block, fixed), the block's emissions above it (a block only, priced at ``carbonExcessPenalty``) and its row.
    var carbonAllowance: [[VariableID]] = []
    var carbonExcess: [[VariableID]] = []
    var carbonBlockRow: [[ConstraintID]] = []

    /// Columns and rows of the grid-edge levers (flexible connections, on-site generation, batteries, grid upgrades,
    /// deferrable tokens); empty lists for a plan without them.
    var edge = GridEdgeHandles()

    /// Penalty of unserving all demand, M$; the objective holds it as a constant (see ``addDemandConstraints()``).
    var unservedPenaltyConstant = 0.0

    /// Builds the LP (or the part of it that `scope` names) for `data`; without row and column names when `names` is
    /// false (a part that is only solved: building is twice as fast, and its program must be loaded without names).
    public static func build(_ data: PlacementData, scope: Scope = .full, names: Bool = true) -> PlacementModel {
        var model = PlacementModel(data: data, scope: scope)
        model.hasNames = names
        model.addCapacityVariables()
        model.addRenewableVariables()
        model.addOperationVariables()
        model.addOnsiteGenerationVariables()
        model.addBatteryVariables()
        model.addGridUpgradeVariables()
        model.addDeferralVariables()
        model.addCapacityLinkConstraints()
        model.addRenewableLinkConstraints()
        model.addDemandConstraints()
        model.addRoutingConstraints()
        model.addComputeConstraints()
        model.addHeadroomConstraints()
        model.addNoExportConstraints()
        model.addRenewableSupplyConstraints()
        model.addBuildLimitConstraints()
        model.addCarbonCapConstraints()
        model.addBudgetConstraints()
        model.addOnsiteGenerationConstraints()
        model.addBatteryConstraints()
        model.addConnectionConstraints()
        model.addDeferralConstraints()
        return model
    }

    init(data: PlacementData, scope: Scope) {
        self.data = data
        self.scope = scope
        switch scope {
        case .full: operationalSlices = (0 ..< data.years.count).flatMap { y in data.slices.indices.map { (y, $0) } }
        case .capacity: operationalSlices = []
        case let .block(year, block): operationalSlices = data.blocks[block].map { (year, $0) }
        }
        operationalYears = Array(Set(operationalSlices.map(\.y))).sorted()
    }

    var yearCount: Int { data.years.count }
    var sliceCount: Int { data.slices.count }

    /// Whether capacity is decided here (full LP or master) rather than given (a block).
    var decidesCapacity: Bool { if case .block = scope { return false } else { return true } }

    /// The (year, slice) pairs whose operation this model holds.
    let operationalSlices: [(y: Int, t: Int)]
    /// The years with operation in this model.
    let operationalYears: [Int]

    /// A years × slices table filled by `make` at the operational slices and by `placeholder` elsewhere in their
    /// years; years without operation here get an empty row (a block holds one year, so its tables stay small).
    mutating func perSlice<T>(_ placeholder: T, _ make: (inout PlacementModel, Int, Int) -> T) -> [[T]] {
        var table = [[T]](repeating: [], count: yearCount)
        for y in operationalYears { table[y] = [T](repeating: placeholder, count: sliceCount) }
        for (y, t) in operationalSlices { table[y][t] = make(&self, y, t) }
        return table
    }

    /// Whether rows and columns get names (see ``build(_:scope:names:)``).
    private(set) var hasNames = true

    /// Names follow one scheme: `family[index,index,...]` with region, design, zone and slice ids and calendar years
    /// (empty in a model built without names).
    /// The parts are evaluated only when the model has names (a model without builds many rows and columns).
    func name(_ family: String, _ a: @autoclosure () -> String) -> String { hasNames ? name(family, [a()]) : "" }
    func name(_ family: String, _ a: @autoclosure () -> String, _ b: @autoclosure () -> String) -> String {
        hasNames ? name(family, [a(), b()]) : ""
    }
    func name(_ family: String, _ a: @autoclosure () -> String, _ b: @autoclosure () -> String, _ c: @autoclosure () -> String) -> String {
        hasNames ? name(family, [a(), b(), c()]) : ""
    }
    func name(_ family: String, _ a: @autoclosure () -> String, _ b: @autoclosure () -> String, _ c: @autoclosure () -> String,
              _ d: @autoclosure () -> String) -> String {
        hasNames ? name(family, [a(), b(), c(), d()]) : ""
    }
    private func name(_ family: String, _ parts: [String]) -> String { "\(family)[\(parts.joined(separator: ","))]" }

    func siteID(_ s: Int) -> String { data.sites[s].region.id }
    func designID(_ s: Int, _ a: Int) -> String { data.sites[s].designs[a].design.id }
    func yearID(_ y: Int) -> String { String(data.years[y]) }
    func sliceID(_ t: Int) -> String { data.slices[t].name }
}

extension VariableID {
    /// Marks a table cell that this model does not hold (outside its scope).
    static let placeholder = VariableID(-1)
}

extension ConstraintID {
    /// Marks a table cell that this model does not hold (outside its scope).
    static let placeholder = ConstraintID(-1)
}
