import ArgumentParser
import Foundation
import TokenGrid

/// `tokengrid regions`: the shipped regions and their key figures.
struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List the region files with their key figures (firm capacity, peak, reserve floor, headroom, price, carbon).",
        discussion: """
        Example:
          tokengrid regions --dir Regions --json

        \(HelpText.exitCodes([(1, "a region file with errors")]))
        """
    )

    @Option(help: "The folder of region files.")
    var dir: String = "Regions"

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let catalogue: RegionCatalogue
        do {
            catalogue = try RegionCatalogue.load(directory: dir)
        } catch let error as InputError {
            for diagnostic in error.errors { printError(diagnostic.description) }
            throw ExitCode(1)
        }
        if json {
            FileHandle.standardOutput.write(try catalogue.json())
        } else {
            print(catalogue.table(), terminator: "")
        }
    }
}
