import Yams

/// The words error messages use for what was found, numbers, and the did-you-mean hint.
extension YAMLField {
    /// What the node is, for "expected …, found …": a short excerpt of a scalar, or its kind.
    var kindDescription: String {
        guard let node else { return "nothing" }
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? TextQuote.quoted(scalar.string) : "the string \"\(TextQuote.excerpt(scalar.string))\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Longest key, and most candidates, the did-you-mean search considers (it costs length × length per candidate).
    static let hintLimits = (keyLength: 64, candidates: 200)

    /// The allowed key nearest to `key` by edit distance, if it is close enough to be a likely typo.
    static func closest(to key: String, in allowed: [String]) -> String? {
        guard key.utf8.count <= hintLimits.keyLength, allowed.count <= hintLimits.candidates else { return nil }
        let limit = max(2, key.count / 3)
        let scored = allowed.filter { abs($0.count - key.count) <= limit && $0.utf8.count <= hintLimits.keyLength }
            .map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= limit else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0 ... b.count)
        for i in 1 ... max(a.count, 1) where i <= a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1 ... max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
