import Foundation
import Testing

/// `tokengrid export`: the exported model files mean the same to glpsol as to `tokengrid solve-lp`.
@Suite struct ExportCommandTests {
    /// The objective glpsol writes with `-w` (GLPK's raw solution: `s bas m n p d obj`, full precision).
    static func glpsolObjective(_ file: String, format: String, in folder: String) throws -> Double? {
        let glpsol = "/usr/bin/glpsol"
        try #require(FileManager.default.isExecutableFile(atPath: glpsol), "glpsol is missing: install glpk-utils (scripts/setup.sh does)")
        let raw = "\(folder)/glpsol-\(UUID().uuidString).sol"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = [format, file, "-w", raw]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let line = try String(contentsOfFile: raw, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("s bas") }
        return line?.split(separator: " ").last.flatMap { Double($0) }
    }

    /// The objective constant (47,280 M$ for the quickstart) is the cost of a column fixed at 1, not the objective
    /// row's right-hand side, which glpsol and HiGHS read with opposite signs (HiGHS gave −85,668.67 M$).
    @Test func theExportedQuickstartGivesGlpsolAndSolveLPTheSameObjective() throws {
        let folder = try CLI.temporaryDirectory("export")
        let export = try CLI.run(["export", "Plans/quickstart.yaml", "--mps", "\(folder)/q.mps", "--lp", "\(folder)/q.lp"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("(the cost of column objective_constant, fixed at 1)"))
        let mps = try String(contentsOfFile: "\(folder)/q.mps", encoding: .utf8)
        #expect(mps.contains("\n FX BND objective_constant 1\n"))
        #expect(!mps.contains("\n RHS obj "), "no right-hand side on the objective row")
        #expect(!mps.contains("OBJSENSE"), "a minimisation has no OBJSENSE section, so glpsol reads the file")
        for (file, format) in [("q.mps", "--freemps"), ("q.lp", "--lp")] {
            let solve = try CLI.run(["solve-lp", "\(folder)/\(file)"])
            #expect(solve.status == 0, "\(solve.stderr)")
            let ours = try #require(SolveLPCommandTests.objective(solve))
            let glpsol = try #require(try Self.glpsolObjective("\(folder)/\(file)", format: format, in: folder))
            #expect(abs(ours - glpsol) <= 1e-9 * abs(glpsol), "\(file): solve-lp \(ours) M$, glpsol \(glpsol) M$")
            #expect(ours > 3500 && ours < 4500, "\(file): \(ours) M$ (the quickstart plan costs about 4,087 M$, most of it the annuity of its regions' existing clusters)")
        }
    }
}
