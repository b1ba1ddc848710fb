import ArgumentParser
import TokenGrid

/// `--dir`: the folder of region files, and loading it (every error printed located, exit 1).
struct RegionFolderOptions: ParsableArguments {
    @Option(help: "The folder of region files.")
    var dir: String = "Regions"

    /// The folder's regions and design catalogue; prints every error and exits 1 when a file is invalid.
    func catalogue() throws -> RegionCatalogue {
        do {
            return try RegionCatalogue.load(directory: dir)
        } catch let error as InputError {
            for diagnostic in error.errors { printError(diagnostic.description) }
            throw ExitCode(1)
        }
    }
}
