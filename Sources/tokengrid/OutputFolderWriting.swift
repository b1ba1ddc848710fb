import ArgumentParser
import Foundation
import TokenGrid

/// Writes a command's files as the whole content of an output folder, telling the user when another run holds it;
/// a folder that cannot be written is reported in plain words and ends the command with exit code 1.
func writeOutputFolder(_ directory: String, _ files: [(name: String, data: Data)]) throws {
    do {
        try OutputFolder(directory).replace(with: files) { printError("waiting: another tokengrid run is writing \(directory)") }
    } catch let error as OutputFolder.WriteError {
        printError("error: \(error); nothing was written")
        throw ExitCode(1)
    }
}
