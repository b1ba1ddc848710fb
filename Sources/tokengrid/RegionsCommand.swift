import ArgumentParser
import Foundation
import TokenGrid

/// `tokengrid regions`: the shipped regions and their key figures.
struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List the region files with their key figures (firm capacity, peak, reserve floor, headroom, price, carbon).",
        discussion: """
        With --sources, count the figures that carry a source and a year, per region and per grid field.

        Example:
          tokengrid regions --dir Regions --json
          tokengrid regions --sources

        \(HelpText.exitCodes([(1, "a region file with errors")]))
        """
    )

    @OptionGroup var folder: RegionFolderOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Count the figures with a source and a year, per region and per grid field (firm, peak, margin, price, carbon).")
    var sources = false

    func run() throws {
        let catalogue = try folder.catalogue()
        if sources {
            let census = SourceCensus(regions: catalogue.regions, designs: catalogue.designs)
            if json { FileHandle.standardOutput.write(try census.json()) } else { print(census.table(), terminator: "") }
        } else if json {
            FileHandle.standardOutput.write(try catalogue.json())
        } else {
            print(catalogue.table(), terminator: "")
        }
    }
}
