import Foundation
import Testing
@testable import TokenGrid

/// The shipped `Regions/*.yaml` and `Plans/*.yaml` load without errors or warnings, and every number carries its origin.
@Suite("Shipped data")
struct ShippedDataTests {
    static let regionsDirectory = TestSupport.repositoryPath("Regions")

    /// Every `Plans/*.yaml`, found by listing the folder (a new plan is covered without editing this test).
    static let planFiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.repositoryPath("Plans"))) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    static let regionFiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: regionsDirectory)) ?? [])
        .filter { $0.hasSuffix(".yaml") && $0 != RegionCatalogue.designsFileName }.sorted()

    @Test func thereIsShippedDataToCheck() {
        #expect(Self.planFiles.count >= 4, "plans: \(Self.planFiles)")
        #expect(Self.regionFiles.count >= 18, "regions: \(Self.regionFiles)")
    }

    @Test(arguments: planFiles)
    func planLoadsWithoutErrorsOrWarnings(file: String) throws {
        let path = TestSupport.repositoryPath("Plans/\(file)")
        let scenario: Scenario
        do {
            scenario = try PlanLoader.load(planAt: path)
        } catch let error as InputError {
            Issue.record("\(file) failed to load:\n\(error)")
            return
        }
        // The only warnings allowed say what the data say: a region's own forecast takes it below its reserve floor
        // (ERCOT from 2029, PJM from 2028, on their operators' load forecasts).
        let unexpected = scenario.warnings.filter { !$0.message.contains("reserve floor at its peak in") }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.description).joined(separator: "\n"))")
        #expect(scenario.regions.map(\.id) == scenario.plan.regionIDs, "every listed region is loaded, in order")
        #expect(scenario.plan.name == String(file.dropLast(".yaml".count)), "plan name equals its file name")
        // Every zone has at least one site to be served from, and its projection is positive and finite.
        let projection = DemandProjection(scenario: scenario)
        for zone in scenario.plan.zones {
            #expect(!scenario.sites(serving: zone).isEmpty, "\(file): zone \(zone.id) has no site")
            for year in projection.zone(zone.id)?.years ?? [] {
                #expect(year.tokensPerYear.isFinite && year.tokensPerYear > 0, "\(file): zone \(zone.id) \(year.year)")
            }
            #expect(zone.shape.isAttributed, "\(file): zones[\(zone.id)].shape has no source+year or assumption+reason")
            if let base = zone.base { #expect(base.source != nil, "\(file): zones[\(zone.id)].base has no source") }
        }
        // Every hosted design exists in the catalogue.
        let designIDs = Set(scenario.designs.map(\.id))
        for region in scenario.regions {
            for hosted in region.clusterDesigns { #expect(designIDs.contains(hosted.design), "\(region.id) hosts unknown \(hosted.design)") }
        }
    }

    @Test func regionCatalogueLoadsWithoutErrorsOrWarnings() throws {
        let catalogue: RegionCatalogue
        do {
            catalogue = try RegionCatalogue.load(directory: Self.regionsDirectory)
        } catch let error as InputError {
            Issue.record("Regions failed to load:\n\(error)")
            return
        }
        #expect(catalogue.warnings.isEmpty, "\(catalogue.warnings.map(\.description).joined(separator: "\n"))")
        #expect(catalogue.regions.map(\.id) == Self.regionFiles.map { String($0.dropLast(".yaml".count)) })
        #expect(!catalogue.designs.isEmpty)
        #expect(Set(catalogue.designs.map(\.id)).count == catalogue.designs.count)
    }

    /// Walks every ``Figure`` and ``Profile`` in every region and design (by reflection, so new fields are covered)
    /// and names each one lacking a source with a year or an assumption with a reason.
    @Test func everyFigureAndProfileIsAttributed() throws {
        let catalogue = try RegionCatalogue.load(directory: Self.regionsDirectory)
        var problems: [String] = []
        var figureCount = 0, profileCount = 0
        for region in catalogue.regions {
            FigureWalk.walk(region, path: "") { path, figure, profile in
                if let figure {
                    figureCount += 1
                    if !figure.isAttributed { problems.append("\(region.file): \(path): figure \(figure.value) has no source+year or assumption+reason") }
                }
                if let profile {
                    profileCount += 1
                    if !profile.isAttributed { problems.append("\(region.file): \(path): profile has no source+year or assumption+reason") }
                }
            }
        }
        let designsFile = (Self.regionsDirectory as NSString).appendingPathComponent(RegionCatalogue.designsFileName)
        for design in catalogue.designs {
            FigureWalk.walk(design, path: "designs[\(design.id)]") { path, figure, _ in
                if let figure {
                    figureCount += 1
                    if !figure.isAttributed { problems.append("\(designsFile): \(path): figure \(figure.value) has no source+year or assumption+reason") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) unattributed:\n\(problems.joined(separator: "\n"))")
        // The walk really visits the data: ≥ 13 figures per region (grid 9, data centre 4) and 10 per design.
        #expect(figureCount >= catalogue.regions.count * 13 + catalogue.designs.count * 10)
        #expect(profileCount >= catalogue.regions.count)
    }

    /// The walker itself finds an unattributed figure deep in a structure, with its path.
    @Test func attributionWalkNamesTheField() throws {
        let scenario = try InputWorkspace().load()
        var region = try #require(scenario.region("alpha"))
        region.dataCentre.existing[0].itMW = Figure(10)
        region.renewables[0].profile.reason = nil
        var found: [String] = []
        FigureWalk.walk(region, path: "") { path, figure, profile in
            if let figure, !figure.isAttributed { found.append(path) }
            if let profile, !profile.isAttributed { found.append(path) }
        }
        #expect(found == ["dataCentre.existing[0].itMW", "renewables[0].profile"])
    }
}
