/// In `plan.json` as in a plan file: a single number when the same value holds in every year, else an object from
/// year to value, e.g. `{"2025": 0, "2030": 60}`.
extension YearMap {
    private struct YearKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        if isConstant {
            var container = encoder.singleValueContainer()
            try container.encode(points.first?.value ?? 0)
            return
        }
        var container = encoder.container(keyedBy: YearKey.self)
        for point in points { try container.encode(point.value, forKey: YearKey(stringValue: String(point.year))) }
    }

    public init(from decoder: Decoder) throws {
        if let value = try? decoder.singleValueContainer().decode(Double.self) {
            self.init([2000: value])
            isConstant = true
            return
        }
        let container = try decoder.container(keyedBy: YearKey.self)
        var points: [Int: Double] = [:]
        for key in container.allKeys {
            guard let year = Int(key.stringValue) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "expected a year")
            }
            points[year] = try container.decode(Double.self, forKey: key)
        }
        self.init(points)
    }
}
