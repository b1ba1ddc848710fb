extension CSVReport {
    /// The columns of `dispatch.csv`, units in the names.
    public static let dispatchHeader = ["site", "year", "slice", "utc_hour", "block", "weight_h", "grid_mw", "renewable_mw", "tokens_per_s", "headroom_mw"]

    /// `dispatch.csv`: one row per site, year and slice (sites and years as in the result, slices in the plan's order):
    /// the slice's first UTC hour of the typical year (0 … 8,759), its chronological block, the hours per year it stands
    /// for, and the site's grid draw, renewable use, tokens/s and grid headroom in it. Same input, same bytes.
    public static func dispatch(_ table: DispatchTable) -> String {
        var text = line(dispatchHeader)
        text.reserveCapacity(DispatchPolicy.estimatedBytes(table))
        // The slice columns are the same for every site and year: render them once.
        let sliceCells = table.sliceNames.indices.map { t in
            [escape(table.sliceNames[t]), String(table.sliceFirstHours[t]), String(table.sliceBlocks[t]), csvNumber(table.sliceWeightHours[t])]
                .joined(separator: ",")
        }
        for row in table.sites {
            let site = escape(row.site) + "," + String(row.year) + ","
            for t in sliceCells.indices {
                text += site
                text += sliceCells[t]
                for value in [row.gridMW[t], row.renewableMW[t], row.tokensPerS[t], row.headroomMW[t]] {
                    text += ","
                    text += csvNumber(value)
                }
                text += "\n"
            }
        }
        return text
    }
}
