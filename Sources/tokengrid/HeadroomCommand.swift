import ArgumentParser
import Foundation
import TokenGrid

/// `tokengrid headroom`: how much new load a region can connect firm, and with a little curtailment.
struct HeadroomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headroom",
        abstract: "Report the MW of new load a region can connect at 0, 0.25, 0.5, 1 and 5 % curtailment, from its hourly load and reserve floor.",
        discussion: """
        Hour by hour the headroom is firm capacity ÷ (1 + minimum reserve margin) − the background peak load × the \
        hour's load factor − existing data centres at full power. A flat new load is curtailed wherever it exceeds the \
        headroom; the connectable load at a share is the largest whose curtailed energy stays within that share of its \
        yearly energy (Norris et al., "Rethinking Load Growth", Duke University, 2025).

        Example:
          tokengrid headroom ercot --year 2030

        \(HelpText.exitCodes([(1, "a region file with errors, an unknown region or a year out of range")]))
        """
    )

    @Argument(help: "The region id (a file <id>.yaml in the regions folder).")
    var region: String

    @Option(help: "The year of the grid's firm capacity and peak load (default: the region's base year).")
    var year: Int?

    @OptionGroup var folder: RegionFolderOptions

    @Flag(help: "Print JSON (with the 8,760 hourly headroom values, MW) instead of a table.")
    var json = false

    func run() throws {
        let catalogue = try folder.catalogue()
        guard let region = catalogue.regions.first(where: { $0.id == region }) else {
            printError("error: no region '\(region)' in \(folder.dir); expected one of: \(catalogue.regions.map(\.id).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let year = self.year ?? region.grid.baseYear
        guard (1990 ... 2100).contains(year) else {
            printError("error: --year \(year) is out of range; expected a year from 1990 to 2100")
            throw ExitCode(1)
        }
        let analysis = RegionHeadroom(region: region, year: year, designs: catalogue.designs)
        if json {
            FileHandle.standardOutput.write(try analysis.json())
        } else {
            let grid = region.grid
            print("\(region.id) in \(year): firm \(NumberFormat.fixed(grid.firmCapacityMW(in: year), 0)) MW at a \(NumberFormat.percent(grid.minReserveMargin.value)) floor, peak \(NumberFormat.fixed(grid.peakLoadMW(in: year), 0)) MW; headroom for new load from \(NumberFormat.fixed(analysis.hourlyHeadroomMW.min() ?? 0, 0)) to \(NumberFormat.fixed(analysis.hourlyHeadroomMW.max() ?? 0, 0)) MW over the year")
            print(analysis.table(), terminator: "")
        }
    }
}
