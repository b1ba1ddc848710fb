/// Reads a decimal number from a CSV cell's bytes: `124751`, `124751.0`, `-3`, `0.25`, `.5`, `1.5e3`.
///
/// The cell is checked against that grammar byte by byte before conversion, so `nan`, `inf`, hex floats, thousands
/// separators and decimal commas are rejected with a reason rather than read.
enum CSVNumber {
    enum Outcome: Equatable {
        case value(Double)
        case empty
        /// `nan`, `inf`, `infinity` in any case, with or without sign.
        case notFinite
        /// Digits that overflow a Double (e.g. `1e400`).
        case overflow
        case notANumber
    }

    /// Longest cell read as a number; longer cells are not numbers.
    static let maximumLength = 64

    static func parse(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard !bytes.isEmpty else { return .empty }
        guard bytes.count <= maximumLength else { return .notANumber }
        if isNonFiniteWord(bytes) { return .notFinite }
        guard isDecimal(bytes) else { return .notANumber }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return .notANumber }
        guard value.isFinite else { return .overflow }
        return .value(value == 0 ? 0 : value)   // −0 reads as 0
    }

    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
    private static func isDecimal(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func skipDigits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var mantissaDigits = skipDigits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += skipDigits()
        }
        guard mantissaDigits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.count
    }

    private static func isNonFiniteWord(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { start = 1 }
        guard bytes.count - start <= 8 else { return false }
        var word = ""
        for index in start ..< bytes.count {
            let byte = bytes[index]
            guard byte < 128 else { return false }
            word.append(Character(Unicode.Scalar(byte | 0x20)))   // ASCII lower case
        }
        return ["nan", "inf", "infinity"].contains(word)
    }
}
