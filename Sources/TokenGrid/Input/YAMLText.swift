import CYaml
import Yams

/// YAML text to a node tree, through ``YAMLComposer``, with problems that say where and what but never quote the
/// text (Yams' own error descriptions quote the offending line, which could be a line of any file a path named).
enum YAMLText {
    /// The single document in `text` (nil when the text holds no document), or the first problem.
    static func compose(_ text: String) -> Result<Node?, YAMLProblem> {
        var text = text
        return text.withUTF8 { buffer in buffer.isEmpty ? .success(nil) : YAMLComposer.compose(buffer) }
    }

    /// libyaml's own description of a syntax error, with its position; libyaml's messages never quote the text.
    static func syntaxProblem(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLProblem(message: "out of memory while reading YAML")
        case YAML_READER_ERROR:
            let (line, column) = position(ofByte: parser.problem_offset, in: buffer)
            let code = String(UInt32(bitPattern: parser.problem_value), radix: 16, uppercase: true)
            let value = parser.problem_value == -1 ? "" : " (code 0x\(code))"
            return YAMLProblem(line: line, column: column, message: "YAML syntax: \(problem)\(value)")
        case _ where problem.hasPrefix("Maximum nesting level reached"):
            // libyaml's own limit (1,000 levels), met when its scanner looks ahead of ours.
            return YAMLProblem(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                               message: "lists and mappings are nested more than \(InputLimits.maximumDepth) levels deep")
        default:
            let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
            return YAMLProblem(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                               message: "YAML syntax: \(problem)\(context)")
        }
    }

    /// 1-based line and column (in characters) of the byte at `offset`.
    static func position(ofByte offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        for byte in buffer.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
