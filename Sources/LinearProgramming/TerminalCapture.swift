import CGLPK

/// Collects what GLPK prints, so that its messages can go into errors instead of onto standard output.
final class TerminalCapture {
    private(set) var text = ""
    /// Whether to echo the text to standard output as well.
    let echo: Bool

    init(echo: Bool) { self.echo = echo }

    /// Runs `body` with GLPK's terminal output routed into this capture, then restores the default.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        let info = Unmanaged.passUnretained(self).toOpaque()
        glp_term_hook({ info, line in
            guard let info, let line else { return 1 }
            let capture = Unmanaged<TerminalCapture>.fromOpaque(info).takeUnretainedValue()
            let piece = String(cString: line)
            capture.text += piece
            if capture.echo { print(piece, terminator: "") }
            return 1 // 1 = GLPK prints nothing itself
        }, info)
        defer { glp_term_hook(nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }

    /// The last non-empty line GLPK printed (usually the error), trimmed.
    var lastLine: String {
        text.split(separator: "\n").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
