/// Text from an input file, made safe to put into an error message: short, on one line, without control characters.
///
/// A message may name the value at fault (`'lots' is not a number`), but never more than a short excerpt of it,
/// and never characters that would move the cursor, clear the terminal or start a new, fake diagnostic line.
enum TextQuote {
    /// Longest excerpt of a value in a message, in characters.
    static let excerptLength = 40

    /// `'text'`, shortened to ``excerptLength`` characters with its length said when longer.
    static func quoted(_ text: String) -> String {
        "'\(excerpt(text))'"
    }

    /// The text itself when it is a plain name (letters, digits, `_`, `-`, `.`, up to 64 characters), else an excerpt.
    static func name(_ text: String) -> String {
        isPlainName(text) ? text : excerpt(text)
    }

    /// Whether `text` is short and made only of ASCII letters, digits, `_`, `-` and `.`.
    static func isPlainName(_ text: String) -> Bool {
        text.utf8.count <= InputLimits.maximumIDLength && !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".")
            }
    }

    /// At most ``excerptLength`` characters, control and layout characters escaped, `…` and the length when cut.
    static func excerpt(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == excerptLength {
                return result + "… (\(text.count) characters)"
            }
            result += isUnsafe(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
            count += 1
        }
        return result
    }

    /// The text with control and layout characters escaped, so that it prints as one line.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return text.unicodeScalars.map { isUnsafe($0) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0) }.joined()
    }

    /// Control characters, line and paragraph separators, and the bidirectional overrides that reorder text.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0 ..< 0x20, 0x7F ... 0x9F, 0x2028, 0x2029, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0xFEFF: return true
        default: return false
        }
    }
}

extension TextQuote {
    /// Most names listed in an "expected one of" message.
    static let listLength = 10

    /// `a, b, c`, or the first ``listLength`` names and how many more there are.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(listLength).map(name).joined(separator: ", ")
        return names.count > listLength ? "\(shown), … (\(names.count - listLength) more)" : shown
    }
}
