import Foundation

/// snake_case JSON keys that keep units whole: `gridMWh` → `grid_mwh`, `costUSDPerMTok` → `cost_usd_per_mtok`,
/// `regionIDs` → `region_ids` (Foundation's `.convertToSnakeCase` would write `grid_m_wh` and `region_i_ds`).
enum JSONKeys {
    /// Unit and acronym spellings rewritten to one capital each before splitting words.
    private static let words: [(String, String)] = [("MMBtu", "Mmbtu"), ("OMUSD", "OmUsd"), ("ITMW", "ItMw"), ("MWh", "Mwh"), ("MTok", "Mtok"), ("IDs", "Ids")]

    static func snakeCase(_ key: String) -> String {
        var text = key
        for (from, to) in words { text = text.replacingOccurrences(of: from, with: to) }
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase && index > 0 {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { result.append("_") }
            }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }

    /// The encoder every JSON output uses: sorted keys, these key names, infinities as strings.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .custom { path in
            let key = path.last!
            return key.intValue == nil ? SnakeKey(stringValue: snakeCase(key.stringValue)) : key
        }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    private struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
