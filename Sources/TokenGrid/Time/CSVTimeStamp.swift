/// A date and time as written in an hourly CSV file: its wall-clock fields and, when written, its UTC offset.
///
/// Accepted forms (ISO 8601 and the common space-separated variant):
/// `2018-01-01T00:00:00Z`, `2018-01-01T00:00Z`, `2018-01-01T00:00:00+08:00` (also `+0800`, `+08`),
/// `2018-01-01T00:00:00` and `2018-01-01 00:00` (naive: no offset). Parsed from bytes, without building strings.
struct CSVTimeStamp: Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// Offset from UTC written with the stamp, seconds (`Z` = 0); nil for a naive stamp.
    var offsetSeconds: Int?

    /// Parses `bytes`; nil when they are not one of the accepted forms or name no real date and time.
    init?(bytes: UnsafeRawBufferPointer) {
        var reader = ByteReader(bytes: bytes)
        guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
              let month = reader.digits(2), reader.take(UInt8(ascii: "-")),
              let day = reader.digits(2),
              reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: "t")) || reader.take(UInt8(ascii: " ")),
              let hour = reader.digits(2), reader.take(UInt8(ascii: ":")),
              let minute = reader.digits(2) else { return nil }
        var second = 0
        if reader.take(UInt8(ascii: ":")) {
            guard let value = reader.digits(2) else { return nil }
            second = value
        }
        var offset: Int?
        if reader.take(UInt8(ascii: "Z")) || reader.take(UInt8(ascii: "z")) {
            offset = 0
        } else if let sign = reader.sign() {
            guard let hours = reader.digits(2) else { return nil }
            var minutes = 0
            if reader.take(UInt8(ascii: ":")) {
                guard let value = reader.digits(2) else { return nil }
                minutes = value
            } else if let value = reader.digits(2) {
                minutes = value
            }
            guard hours <= 18, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard reader.atEnd,
              (1 ... 12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        offsetSeconds = offset
    }

    /// Whether minutes and seconds are both 0.
    var isOnTheHour: Bool { minute == 0 && second == 0 }

    /// Whether this is 29 February.
    var isLeapDay: Bool { month == 2 && day == 29 }

    /// Seconds since 1970-01-01 00:00 of the wall-clock fields, read as if they were UTC.
    var wallSeconds: Int {
        Self.daysSinceEpoch(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second
    }

    /// The instant, seconds since 1970-01-01 00:00 UTC, with the stamp's own offset or else `defaultOffsetSeconds`.
    func utcSeconds(defaultOffsetSeconds: Int) -> Int {
        wallSeconds - (offsetSeconds ?? defaultOffsetSeconds)
    }

    /// `YYYY-MM-DD HH:MM` of the wall-clock fields (for messages: built from parsed numbers, not from file text).
    var wallDescription: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute))"
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A cursor over ASCII bytes.
private struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// +1 or −1 for a `+` or `-` (also U+2212 is not accepted: ASCII only).
    mutating func sign() -> Int? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0 ..< count {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }
}
