// Loads a plan, solves it, and prints the cost per million tokens by site: in the last planning year and levelised
// over the horizon, as `tokengrid plan` computes them.
//
//     swift run PlanCosts ../../Plans/quickstart.yaml
import Foundation
import TokenGrid

let path = CommandLine.arguments.dropFirst().first ?? "../../Plans/quickstart.yaml"
do {
    // Every error of the plan and the files it names, located (file:line:column), or the loaded scenario.
    let scenario = try PlanLoader.load(planAt: path)
    // Demand per zone, year and time slice, then the placement LP solved with GLPK and checked.
    let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
    let result = try PlacementSolver.solve(data)

    let last = scenario.plan.lastYear
    print("\(result.planName): \(result.status.rawValue); total discounted cost without the unserved penalty \(NumberFormat.money(result.metrics.discountedCostUSD))")
    let levelised = Dictionary(uniqueKeysWithValues: result.metrics.levelisedBySite.map { ($0.site, $0.cost.costUSDPerMTok) })
    for site in result.sites where site.year == last && site.tokens > 0 {
        print("  \(site.site): \(NumberFormat.usdPerMTok(site.costUSDPerMTok)) per million tokens in \(last), levelised \(levelised[site.site].map(NumberFormat.usdPerMTok) ?? "–")")
    }
    if let all = result.metrics.year(last)?.tokenWeighted {
        print("  all sites: \(NumberFormat.usdPerMTok(all.costUSDPerMTok)) per million tokens in \(last), token-weighted")
    }
} catch let error as InputError {
    for diagnostic in error.errors { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(3)
}
