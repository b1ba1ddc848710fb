import LinearProgramming

/// The placement linear program and the map from its rows and columns back to sites, designs, zones, years and slices.
///
/// Built by ``build(_:)`` in the order variables → constraints → (objective terms are added with each variable).
/// Every family lives in its own file with its equations; `docs/formulation.md` collects them.
/// Units inside the LP: MW, Mtok/s (millions of tokens per second), M$ discounted to the first planning year.
public struct PlacementModel: Sendable {
    public internal(set) var program = LinearProgram(name: "tokengrid_placement", sense: .minimize)
    public let data: PlacementData

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

    /// Penalty of unserving all demand, M$; the objective holds it as a constant (see ``addDemandConstraints()``).
    var unservedPenaltyConstant = 0.0

    /// Builds the LP for `data`.
    public static func build(_ data: PlacementData) -> PlacementModel {
        var model = PlacementModel(data: data)
        model.addCapacityVariables()
        model.addRenewableVariables()
        model.addOperationVariables()
        model.addCapacityLinkConstraints()
        model.addRenewableLinkConstraints()
        model.addDemandConstraints()
        model.addRoutingConstraints()
        model.addComputeConstraints()
        model.addHeadroomConstraints()
        model.addRenewableSupplyConstraints()
        model.addBuildLimitConstraints()
        model.addCarbonCapConstraints()
        model.addBudgetConstraints()
        return model
    }

    init(data: PlacementData) {
        self.data = data
    }

    var yearCount: Int { data.years.count }
    var sliceCount: Int { data.slices.count }

    /// Names follow one scheme: `family[index,index,...]` with region, design, zone and slice ids and calendar years.
    func name(_ family: String, _ parts: String...) -> String {
        "\(family)[\(parts.joined(separator: ","))]"
    }

    func siteID(_ s: Int) -> String { data.sites[s].region.id }
    func designID(_ s: Int, _ a: Int) -> String { data.sites[s].designs[a].design.id }
    func yearID(_ y: Int) -> String { String(data.years[y]) }
    func sliceID(_ t: Int) -> String { data.slices[t].name }
}
