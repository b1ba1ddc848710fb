extension ReportDocument {
    /// Size of the solve and how well the reported solution satisfies the full LP. Timings are not here: they differ
    /// from run to run and go to the terminal and `timings.csv`.
    static func solver(_ data: ReportData) -> ReportSection {
        let s = data.result.solver
        var rows: [[ReportCell]] = [
            ["status", ReportCell(data.result.status.rawValue)],
            ["method", ReportCell(s.method)],
            ["objective (M$, \(data.plan.firstYear) $, with the unserved penalty)", .millionsUSD(data.result.objectiveUSD)],
            ["rows (count)", .integer(s.rows)],
            ["columns (count)", .integer(s.columns)],
            ["nonzeros (count)", .integer(s.nonzeros)],
            ["iterations (count)", .integer(s.iterations)],
        ]
        if let check = s.check {
            rows += [
                ["primal residual (relative)", ReportCell(NumberFormat.scientific(check.primalResidual))],
                ["dual residual (relative)", ReportCell(NumberFormat.scientific(check.dualResidual))],
                ["duality gap (relative)", ReportCell(NumberFormat.scientific(check.dualityGap))],
            ]
        }
        var blocks: [ReportBlock] = [.table(ReportTable(["quantity (unit)", "value"], labels: 2, rows: rows))]
        if !s.attempts.isEmpty {
            blocks.append(.paragraph("Every solution is checked against the full LP before it is reported (primal and dual residuals and the duality gap, relative; tolerance 1e-6 each). Solves tried:"))
            blocks.append(.list(s.attempts))
        }
        return ReportSection(id: "solver", title: "Solver statistics", blocks: blocks)
    }
}
