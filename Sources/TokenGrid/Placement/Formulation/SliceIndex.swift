import LinearProgramming

extension PlacementModel {
    /// Capacity columns that operation in year index `y` depends on, in one fixed order:
    /// `cap[s,a,y]` for every site and design, then `renew_cap[s,k,y]`. The handles differ between scopes
    /// (a slice holds only its own year's), so callers map them position by position.
    func capacityColumns(year y: Int) -> [VariableID] {
        capacity.flatMap { bySite in bySite.map { $0[y] } } + renewableCapacity.flatMap { bySite in bySite.map { $0[y] } }
            + edgeStocks.map { $0.capacity[y] }
    }

    /// The grid-edge stocks that operation depends on, in one fixed order: by site, on-site generation, battery power,
    /// battery energy, grid upgrade (those the site has).
    var edgeStocks: [CapacityStock] {
        data.sites.indices.flatMap { s in [edge.onsite[s], edge.batteryPower[s], edge.batteryEnergy[s], edge.upgrade[s]].compactMap { $0 } }
    }

    /// Columns a block's operation depends on, fixed in the block and decided in the master, in one order shared by
    /// both: the year's ``capacityColumns(year:)``, then the block's emission allowance under a carbon cap.
    func linkingColumns(year y: Int, block b: Int) -> [VariableID] {
        capacityColumns(year: y) + (carbonAllowance[y].isEmpty ? [] : [carbonAllowance[y][b]])
    }

    /// The operational columns of one (year, block), in an order shared by the full LP and the block LP.
    func blockColumns(year y: Int, block b: Int) -> [VariableID] {
        data.blocks[b].flatMap { sliceColumns(year: y, slice: $0) }
    }

    /// The operational rows of one (year, block) that the full LP has too, in an order shared by both.
    func blockRows(year y: Int, block b: Int) -> [ConstraintID] {
        data.blocks[b].flatMap { sliceRows(year: y, slice: $0) }
    }

    /// The operational columns of one (year, slice), in an order shared by the full LP and the block LP.
    func sliceColumns(year y: Int, slice t: Int) -> [VariableID] {
        run.flatMap { bySite in bySite.map { $0[y][t] } }
            + serve.flatMap { byZone in byZone.map { $0[y][t] } }
            + renewableUse.compactMap { $0?[y][t] }
            + [edge.onsiteGeneration, edge.charge, edge.discharge, edge.stateOfCharge].flatMap { family in family.compactMap { $0?[y][t] } }
            + edge.deferral.flatMap { ($0?[y][t] ?? []).map(\.column) }
    }

    /// The operational rows of one (year, slice), in an order shared by the full LP and the slice LP.
    func sliceRows(year y: Int, slice t: Int) -> [ConstraintID] {
        demandRow.map { $0[y][t] } + routingRow.map { $0[y][t] }
            + computeRow.flatMap { bySite in bySite.map { $0[y][t] } }
            + headroomRow.map { $0[y][t] } + renewableRow.compactMap { $0?[y][t] }
            + [edge.onsiteLimitRow, edge.chargeRow, edge.dischargeRow, edge.stateRow, edge.balanceRow].flatMap { family in family.compactMap { $0?[y][t] } }
            + edge.deferralRow.compactMap { $0?[y][t] } + edge.noExportRow.compactMap { $0?[y][t] }
    }

    /// Rows of the capacity part (year links, build limits, budget, carbon caps, battery durations, connections), in an order shared by the full LP
    /// and the master. (A carbon cap row holds operation terms in the full LP and the blocks' allowances in the
    /// master; its dual is the same.)
    func capacityRows() -> [ConstraintID] {
        capacityLinkRow.flatMap { $0.flatMap { $0 } } + renewableLinkRow.flatMap { $0.flatMap { $0 } }
            + buildPerYearRow.flatMap { $0.compactMap { $0 } } + buildTotalRow.flatMap { $0.compactMap { $0 } } + budgetRow.compactMap { $0 }
            + carbonCapRow.compactMap { $0 } + edgeCapacityRows()
    }

    /// The grid-edge rows of the capacity part: stock links, battery durations, connections and curtailment.
    private func edgeCapacityRows() -> [ConstraintID] {
        var rows: [ConstraintID] = edgeStocks.flatMap(\.linkRow)
        rows += edge.batteryDurationRow.flatMap { $0 ?? [] }
        rows += edge.connectionRow.flatMap { $0.compactMap { $0 } }
        rows += edge.curtailmentCapRow.flatMap { $0.compactMap { $0 } }
        rows += edge.curtailment.flatMap { $0.flatMap { $0.map(\.row) } }
        return rows
    }

    /// Columns of the capacity part (capacity and builds of compute, renewables and the grid-edge stocks; curtailment),
    /// shared by the full LP and the master.
    func capacityPartColumns() -> [VariableID] { stockColumns() + curtailmentColumns() }

    /// The capacity part's columns but the curtailment ones, which follow from them (and whose number depends on the
    /// slices): what a plan's version on other slices can hand over.
    func stockColumns() -> [VariableID] {
        capacity.flatMap { $0.flatMap { $0 } } + build.flatMap { $0.flatMap { $0 } }
            + renewableCapacity.flatMap { $0.flatMap { $0 } } + renewableBuild.flatMap { $0.flatMap { $0 } }
            + edgeStocks.flatMap { $0.capacity + $0.build }
    }

    /// `curtail[s,y,t]` columns of flexible connections, by site, year and slice.
    func curtailmentColumns() -> [VariableID] { edge.curtailment.flatMap { $0.flatMap { $0.map(\.column) } } }
}
