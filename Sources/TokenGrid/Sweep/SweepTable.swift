import Foundation

/// The outcome of one scenario of a sweep: one row of `sweep.csv`.
public struct SweepRow: Sendable, Hashable, Codable {
    /// Position in the whole sweep (across shards).
    public var index: Int
    /// Values of the varied parameters, in the sweep's order.
    public var values: [Double]
    /// `optimal`, another solver status (`infeasible`, `time_limit`, `unverified` …), `error`, or `interrupted` for a
    /// scenario the sweep did not reach because it was stopped.
    public var status: String
    /// Total discounted cost, $ (nan when the scenario failed).
    public var objectiveUSD: Double
    /// Cost per million tokens over all sites in the last planning year, token-weighted, $.
    public var averageCostUSDPerMTok: Double
    /// Total discounted cost without the penalty on unserved tokens, $ (nan when the scenario failed or the table was
    /// written without it).
    public var discountedCostUSD: Double = .nan
    /// Share of demand left unserved over the horizon.
    public var unservedShare: Double
    /// Site with the most IT installed in the last year ("" if none).
    public var largestSite: String
    /// Cost per million tokens by site in the last year, in the plan's site order ($; nan where a site produced nothing).
    public var siteCostUSDPerMTok: [Double]
    /// IT installed by site in the last year, in the plan's site order, MW (nan when the scenario failed).
    public var siteITMW: [Double] = []
    /// Marginal cost per million tokens by zone in the last year, in the plan's zone order, $.
    public var zoneMarginalUSDPerMTok: [Double]
    /// Why the scenario failed, if it did.
    public var error: String
    /// Simplex iterations and seconds spent solving: written to `sweep-timings.csv`, not `sweep.csv` (they depend on
    /// the machine and on which worker solved what).
    public var iterations: Int
    public var solveSeconds: Double

    /// The row of a scenario the sweep did not reach.
    public static func interrupted(index: Int, values: [Double], sites: Int, zones: Int) -> SweepRow {
        SweepRow(index: index, values: values, status: "interrupted", objectiveUSD: .nan, averageCostUSDPerMTok: .nan, unservedShare: .nan,
                 largestSite: "", siteCostUSDPerMTok: Array(repeating: .nan, count: sites), zoneMarginalUSDPerMTok: Array(repeating: .nan, count: zones),
                 error: "the sweep was interrupted before this scenario", iterations: 0, solveSeconds: 0)
    }
}

/// `sweep.csv`: a header naming the varied parameters, sites and zones, then one row per scenario.
public struct SweepTable: Sendable, Hashable {
    public var parameters: [String]
    public var sites: [String]
    public var zones: [String]
    public var lastYear: Int
    public var rows: [SweepRow]

    public init(parameters: [String], sites: [String], zones: [String], lastYear: Int, rows: [SweepRow]) {
        self.parameters = parameters
        self.sites = sites
        self.zones = zones
        self.lastYear = lastYear
        self.rows = rows
    }

    var header: [String] {
        ["scenario"] + parameters + ["status", "objective_usd", "average_cost_usd_per_mtok_\(lastYear)", "unserved_share", "largest_site_\(lastYear)",
                                     "discounted_cost_usd"]
            + sites.map { "cost_usd_per_mtok_\(lastYear)_\($0)" } + zones.map { "marginal_usd_per_mtok_\(lastYear)_\($0)" }
            + sites.map { "it_mw_\(lastYear)_\($0)" }
            + ["error"]
    }

    /// Scenarios the sweep did not reach because it was stopped.
    public var interruptedCount: Int { rows.filter { $0.status == "interrupted" }.count }

    /// The CSV text (rows in scenario order).
    public func csv() -> String {
        var lines = [header.map(CSVReport.escape).joined(separator: ",")]
        for row in rows.sorted(by: { $0.index < $1.index }) {
            var cells = [String(row.index)] + row.values.map(CSVReport.csvNumber)
            cells += [row.status, CSVReport.csvNumber(row.objectiveUSD), CSVReport.csvNumber(row.averageCostUSDPerMTok),
                      CSVReport.csvNumber(row.unservedShare), row.largestSite, CSVReport.csvNumber(row.discountedCostUSD)]
            cells += row.siteCostUSDPerMTok.map(CSVReport.csvNumber) + row.zoneMarginalUSDPerMTok.map(CSVReport.csvNumber)
            cells += sites.indices.map { row.siteITMW.indices.contains($0) ? CSVReport.csvNumber(row.siteITMW[$0]) : "nan" }
            cells.append(row.error)
            lines.append(cells.map(CSVReport.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `sweep-timings.csv`: simplex iterations and solve seconds per scenario.
    public func timingsCSV() -> String {
        CSVReport.table(["scenario", "iterations", "solve_s"], rows.sorted { $0.index < $1.index }.map {
            [String($0.index), String($0.iterations), NumberFormat.fixed($0.solveSeconds, 4)]
        })
    }

    /// Reads a table written by ``csv()``; columns are found by name, so tables from earlier versions (without
    /// `discounted_cost_usd`) read too.
    public static func parse(_ text: String, file: String) throws -> SweepTable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { splitCSV(String($0)) }
        guard let header = lines.first, header.first == "scenario", let statusIndex = header.firstIndex(of: "status"),
              let averageName = header.first(where: { $0.hasPrefix("average_cost_usd_per_mtok_") }),
              let lastYear = Int(averageName.dropFirst("average_cost_usd_per_mtok_".count)) else {
            throw SweepError.mergeMismatch("\(file) is not a sweep.csv (its header does not start with scenario and name status)")
        }
        let parameters = Array(header[1 ..< statusIndex])
        let sitePrefix = "cost_usd_per_mtok_\(lastYear)_", zonePrefix = "marginal_usd_per_mtok_\(lastYear)_"
        let siteColumns = header.indices.filter { header[$0].hasPrefix(sitePrefix) }, zoneColumns = header.indices.filter { header[$0].hasPrefix(zonePrefix) }
        let siteITColumns = header.indices.filter { header[$0].hasPrefix("it_mw_\(lastYear)_") }
        // Column positions found once, not per row.
        let objective = header.firstIndex(of: "objective_usd"), average = header.firstIndex(of: averageName)
        let unserved = header.firstIndex(of: "unserved_share"), largest = header.firstIndex(of: "largest_site_\(lastYear)")
        let errorColumn = header.firstIndex(of: "error"), discounted = header.firstIndex(of: "discounted_cost_usd")
        var rows: [SweepRow] = []
        for (number, cells) in lines.dropFirst().enumerated() {
            guard cells.count == header.count, let index = Int(cells[0]) else {
                throw SweepError.mergeMismatch("\(file):\(number + 2): expected \(header.count) cells starting with a scenario number")
            }
            func cellNumber(_ k: Int?) -> Double { k.flatMap { Double(cells[$0]) } ?? .nan }
            func cellText(_ k: Int?) -> String { k.map { cells[$0] } ?? "" }
            var row = SweepRow(index: index, values: (1 ..< statusIndex).map(cellNumber), status: cells[statusIndex],
                               objectiveUSD: cellNumber(objective), averageCostUSDPerMTok: cellNumber(average),
                               unservedShare: cellNumber(unserved), largestSite: cellText(largest),
                               siteCostUSDPerMTok: siteColumns.map(cellNumber), zoneMarginalUSDPerMTok: zoneColumns.map(cellNumber),
                               error: cellText(errorColumn), iterations: 0, solveSeconds: 0)
            row.discountedCostUSD = cellNumber(discounted)
            row.siteITMW = siteITColumns.map(cellNumber)
            rows.append(row)
        }
        return SweepTable(parameters: parameters, sites: siteColumns.map { String(header[$0].dropFirst(sitePrefix.count)) },
                          zones: zoneColumns.map { String(header[$0].dropFirst(zonePrefix.count)) }, lastYear: lastYear, rows: rows)
    }

    /// Joins shard tables of one sweep: same columns, no scenario twice.
    public static func merge(_ tables: [(file: String, table: SweepTable)]) throws -> SweepTable {
        guard let first = tables.first?.table else { throw SweepError.mergeMismatch("no shard files given") }
        var seen: [Int: String] = [:]
        var rows: [SweepRow] = []
        for (file, table) in tables {
            guard table.parameters == first.parameters, table.sites == first.sites, table.zones == first.zones, table.lastYear == first.lastYear else {
                throw SweepError.mergeMismatch("\(file) has other columns than \(tables[0].file); shards must come from one sweep")
            }
            for row in table.rows {
                if let other = seen[row.index] { throw SweepError.mergeMismatch("scenario \(row.index) is in both \(other) and \(file)") }
                seen[row.index] = file
                rows.append(row)
            }
        }
        return SweepTable(parameters: first.parameters, sites: first.sites, zones: first.zones, lastYear: first.lastYear,
                          rows: rows.sorted { $0.index < $1.index })
    }

    /// Splits one CSV line, honouring quotes.
    static func splitCSV(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { cells.append(cell); cell = "" }
            else { cell.append(character) }
        }
        cells.append(cell)
        return cells
    }
}
