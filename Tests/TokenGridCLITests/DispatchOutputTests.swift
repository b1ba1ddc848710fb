import Foundation
import Testing

/// `tokengrid plan` writes `dispatch.csv` with the csv format, `--dispatch` writes it whatever the formats, and the
/// same input gives the same bytes. (The size limit is tested on `DispatchPolicy` itself, with a small limit.)
@Suite struct DispatchOutputTests {
    @Test func planWritesDispatchCSVWithTheCSVFilesAndItReconcilesWithSitesCSV() throws {
        let out = try CLI.temporaryDirectory("dispatch")
        let run = try CLI.run(["plan", "Plans/quickstart.yaml", "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("dispatch.csv left out"), "\(run.stderr)")
        #expect(run.stdout.contains("\(out)/dispatch.csv"))
        let text = try String(contentsOfFile: "\(out)/dispatch.csv", encoding: .utf8)
        #expect(text.hasPrefix("site,year,slice,utc_hour,block,weight_h,grid_mw,renewable_mw,tokens_per_s,headroom_mw\n"))
        let rows = try CLI.csv("\(out)/dispatch.csv"), sites = try CLI.csv("\(out)/sites.csv")
        let slices = Set(rows.map { $0["slice"]! }).count
        #expect(slices > 1 && rows.count == sites.count * slices)
        let grouped = Dictionary(grouping: rows) { "\($0["site"]!) \($0["year"]!)" }
        for site in sites {
            let own = try #require(grouped["\(site["site"]!) \(site["year"]!)"])
            let gridMWh = own.reduce(0.0) { $0 + Double($1["grid_mw"]!)! * Double($1["weight_h"]!)! }, expected = Double(site["grid_mwh"]!)!
            #expect(abs(gridMWh - expected) <= 1e-9 * max(1, abs(expected)), "\(site["site"]!) \(site["year"]!): \(gridMWh) vs \(expected)")
            #expect(own.reduce(0.0) { $0 + Double($1["weight_h"]!)! } == 8760)
        }
        let html = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        #expect(html.contains("<section id=\"dispatch\">") && html.contains("against headroom on its peak day"))
    }

    @Test func dispatchFlagWritesItWithoutTheCSVFormatAndNothingElseDoes() throws {
        let with = try CLI.temporaryDirectory("dispatch-flag"), without = try CLI.temporaryDirectory("dispatch-md")
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", with, "--format", "md", "--dispatch", "--quiet"]).status == 0)
        #expect(try CLI.run(["plan", "Plans/quickstart.yaml", "--out", without, "--format", "md", "--quiet"]).status == 0)
        let listed = { (folder: String) in try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted() }
        #expect(try listed(with) == ["dispatch.csv", "report.md", "timings.csv"])
        #expect(try listed(without) == ["report.md", "timings.csv"])
    }

    @Test func dispatchCSVIsByteIdenticalBetweenRuns() throws {
        let first = try CLI.temporaryDirectory("dispatch-a"), second = try CLI.temporaryDirectory("dispatch-b")
        for out in [first, second] {
            #expect(try CLI.run(["plan", "Plans/us-grid-2030.yaml", "--out", out, "--format", "csv,html", "--quiet"]).status == 0)
        }
        for file in ["dispatch.csv", "report.html"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(file)")), b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/\(file)"))
            #expect(a == b, "\(file) differs between two runs")
        }
    }
}
