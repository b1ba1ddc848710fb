import Foundation
import Yams

/// Reading single values: text, ids, numbers, booleans, choices and dates. Each reports what is wrong and returns nil.
extension YAMLField {
    /// A string of at most `maximumLength` characters; reports when missing (if required), not a scalar or too long.
    func string(required: Bool = true, maximumLength: Int = InputLimits.maximumTextLength) -> String? {
        guard isPresent, let node else {
            if required { error("missing required field (expected a string)") }
            return nil
        }
        guard let scalar = node.scalar else {
            error("expected a string, found \(kindDescription)")
            return nil
        }
        let text = scalar.string
        // utf8.count bounds the character count from above and costs nothing for native strings.
        if text.utf8.count > maximumLength, case let length = text.count, length > maximumLength {
            error("a text of \(length) characters is longer than the limit of \(maximumLength) characters")
            return nil
        }
        return text
    }

    /// An identifier `[a-z0-9-]+` of at most ``InputLimits/maximumIDLength`` characters.
    func identifier(required: Bool = true) -> String? {
        guard let text = string(required: required) else { return nil }
        if text.utf8.count > InputLimits.maximumIDLength {
            error("an id of \(text.count) characters is longer than the limit of \(InputLimits.maximumIDLength) characters")
            return nil
        }
        guard LinearIdentifier.isValid(text) else {
            error("\(TextQuote.quoted(text)) is not a valid id; expected lower-case letters, digits and '-'")
            return nil
        }
        return text
    }

    /// A finite number within `range`; YAML's plain scalars only (a quoted "12" is a string, not a number).
    ///
    /// The one place numbers are read. Non-finite values are errors. A non-zero value smaller in magnitude than
    /// ``InputLimits/smallestNonZeroMagnitude`` (subnormal numbers included) is read as 0 with a warning, and -0 as 0,
    /// so that no such number reaches the solver. With `smallestNonZero`, a value that is neither 0 nor at least that
    /// large is an error (a rate too small to compute with).
    func number(required: Bool = true, in range: ClosedRange<Double>? = nil, unit: String = "", smallestNonZero: Double? = nil) -> Double? {
        let inUnit = unit.isEmpty ? "" : " in \(unit)"
        guard isPresent, let node else {
            if required { error("missing required field (expected a number\(inUnit))") }
            return nil
        }
        guard let scalar = node.scalar, scalar.style == .plain,
              let parsed = Double(scalar.string.utf8.contains(UInt8(ascii: "_")) ? scalar.string.replacingOccurrences(of: "_", with: "") : scalar.string) else {
            error("expected a number\(inUnit), found \(kindDescription)")
            return nil
        }
        guard parsed.isFinite else {
            error("\(TextQuote.quoted(scalar.string)) is not a finite number; expected a number\(inUnit)")
            return nil
        }
        var value = parsed == 0 ? 0 : parsed
        let flushed = value != 0 && abs(value) < InputLimits.smallestNonZeroMagnitude
        if flushed { value = 0 }
        let written = flushed ? "\(scalar.string) (read as 0)" : Self.format(value)
        if let range, !range.contains(value) {
            error("\(written) is out of range; expected a value from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))\(unit.isEmpty ? "" : " \(unit)")")
            return nil
        }
        if let smallestNonZero, value != 0, abs(value) < smallestNonZero {
            error("\(written) is too small to compute with; expected 0 or at least \(Self.format(smallestNonZero))\(unit.isEmpty ? "" : " \(unit)")")
            return nil
        }
        if flushed {
            warning("\(TextQuote.quoted(scalar.string)) is smaller than \(Self.format(InputLimits.smallestNonZeroMagnitude)) in magnitude and is read as 0")
        }
        return value
    }

    /// A whole number within `range`.
    func integer(required: Bool = true, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = number(required: required) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else {
            error("expected a whole number, found \(Self.format(value))")
            return nil
        }
        let integer = Int(value)
        if let range, !range.contains(integer) {
            error("\(integer) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return integer
    }

    /// `true` / `false`.
    func bool(required: Bool = true) -> Bool? {
        guard isPresent, let node else {
            if required { error("missing required field (expected true or false)") }
            return nil
        }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Bool(scalar.string.lowercased()) else {
            error("expected true or false, found \(kindDescription)")
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    func choice(_ options: [String], required: Bool = true) -> String? {
        guard let text = string(required: required) else { return nil }
        guard options.contains(text) else {
            error("\(TextQuote.quoted(text)) is not allowed; expected one of: \(options.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// A list of numbers with exactly `count` elements, each within `range`.
    func numbers(count: Int, in range: ClosedRange<Double>? = nil) -> [Double]? {
        guard isPresent else {
            error("missing required list of \(count) numbers")
            return nil
        }
        guard node?.sequence != nil else {
            error("expected a list of \(count) numbers, found \(kindDescription)")
            return nil
        }
        let elements = list()
        guard elements.count == count else {
            error("expected exactly \(count) numbers, found \(elements.count)")
            return nil
        }
        let values = elements.compactMap { $0.number(in: range) }
        return values.count == count ? values : nil
    }

    /// A calendar date `YYYY-MM-DD` in a year of ``InputLimits/dateYears``.
    func date(required: Bool = true) -> CalendarDate? {
        guard let text = string(required: required) else { return nil }
        guard let date = CalendarDate(text) else {
            error("\(TextQuote.quoted(text)) is not a date; expected YYYY-MM-DD")
            return nil
        }
        guard InputLimits.dateYears.contains(date.year) else {
            error("\(date) is out of range; expected a date from \(InputLimits.dateYears.lowerBound)-01-01 to \(InputLimits.dateYears.upperBound)-12-31")
            return nil
        }
        return date
    }
}
