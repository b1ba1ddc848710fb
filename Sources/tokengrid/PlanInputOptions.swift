import ArgumentParser
import Foundation
import TokenGrid

/// The options every command that reads a plan shares: the file and its overrides.
struct PlanInputOptions: ParsableArguments {
    @Argument(help: "The plan file (YAML), e.g. Plans/quickstart.yaml.")
    var plan: String

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a field by dotted path, applied after the plan's own overrides; repeatable.",
        valueName: "path=value"))
    var sets: [String] = []

    /// Loads the plan, printing every error (file:line:column: field: message) to stderr and exiting 1 on errors.
    func load(warnings printWarnings: Bool = true) throws -> Scenario {
        do {
            let scenario = try PlanLoader.load(planAt: plan, sets: sets)
            if printWarnings { for warning in scenario.warnings { printError(warning.description) } }
            return scenario
        } catch let error as InputError {
            for diagnostic in error.errors + error.warnings { printError(diagnostic.description) }
            if error.suppressedErrors + error.suppressedWarnings > 0 {
                printError("(\(error.suppressedErrors) more error(s) and \(error.suppressedWarnings) more warning(s) not shown)")
            }
            printError("\(error.errorCount) error(s) in the input; nothing was written")
            throw ExitCode(1)
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
