import Foundation
import Testing
@testable import TokenGrid

/// The shipped grid-edge plan, on fewer representative days so that it solves in seconds in a debug build: headroom
/// binds, the levers compete, and the solution passes the check against the full LP.
@Suite("Grid edge: the shipped US plan")
struct GridEdgeShippedPlanTests {
    @Test func headroomBindsAndTheLeversCompete() throws {
        let path = TestSupport.repositoryPath("Plans/us-grid-edge-2030.yaml")
        let scenario = try PlanLoader.load(planAt: path, sets: ["time_slices={representative_days: 6, seed: 1}"])
        #expect(scenario.plan.connectionRule == .firm)
        let result = try PlacementSolver.solve(scenario)
        #expect(result.status == .optimal)
        #expect(try #require(result.solver.check).passes(.standard))
        let edges = try #require(result.gridEdge)
        let levers = Set(edges.flatMap(\.levers))
        #expect(levers.isSuperset(of: ["flexible connection", "on-site generation", "grid upgrade"]), "\(levers)")
        #expect(result.headroom.contains { $0.dualUSDPerMWYear > 0 })
        #expect(edges.allSatisfy { !$0.why.isEmpty })
        #expect((result.deferralSavingUSD ?? 0) > 0)
    }
}

extension GridEdgeShippedPlanTests {
    /// A grid-edge plan's own files are TokenGrid's: a second run into the same folder replaces them.
    @Test func itsFilesAreKnownToTheOutputFolder() {
        #expect(OutputFolder.knownNames.isSuperset(of: ["grid_edge.csv", "deferrals.csv"]))
    }
}
