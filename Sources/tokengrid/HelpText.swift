/// Pieces of `--help` text. ArgumentParser wraps each line of a discussion to the terminal (80 columns when it cannot
/// tell), so prose is written as one line per paragraph, and example commands are kept under 80 columns with `\`
/// continuations: they can be copied from the help as they are.
enum HelpText {
    /// The exit codes every command can end with, and each command's own.
    static func exitCodes(_ own: [(code: Int32, meaning: String)]) -> String {
        let all = [(Int32(0), "success")] + own + [(64, "command-line usage error (unknown option, bad value)")]
        return "Exit codes:\n" + all.sorted { $0.0 < $1.0 }.map { "  \(String($0.0).padding(toLength: 4, withPad: " ", startingAt: 0))\($0.1)" }
            .joined(separator: "\n")
    }

    /// Exit code 1 of commands that read a plan.
    static let invalidInput: (code: Int32, meaning: String) = (1, "invalid input: every error printed as file:line:column")
}
