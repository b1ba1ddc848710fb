/// The fields at which two JSON trees differ, each named by its path: objects by key, arrays of objects by their `id`
/// (or `design`, `model`, `zone`, `site`) when every element has a distinct one (`regions[ercot].grid.price_usd_per_mwh.value`),
/// other arrays by position, or whole when they hold plain values. A field present on one side only has nil on the other.
public struct JSONDifference: Sendable, Hashable {
    public var path: String
    public var a: JSONValue?
    public var b: JSONValue?

    /// The differences between `a` and `b` under `path`, in key order, skipping paths for which `skip` is true.
    public static func between(_ a: JSONValue?, _ b: JSONValue?, path: String, skip: (String) -> Bool = { _ in false }) -> [JSONDifference] {
        guard !skip(path), a != b else { return [] }
        switch (a, b) {
        case let (.object(left)?, .object(right)?):
            return Set(left.keys).union(right.keys).sorted().flatMap { key in
                between(left[key], right[key], path: path.isEmpty ? key : "\(path).\(key)", skip: skip)
            }
        case let (.array(left)?, .array(right)?):
            if let leftByID = identified(left), let rightByID = identified(right) {
                let order = leftByID.map(\.id) + rightByID.map(\.id).filter { id in !leftByID.contains { $0.id == id } }
                return order.flatMap { id in
                    between(leftByID.first { $0.id == id }?.value, rightByID.first { $0.id == id }?.value, path: "\(path)[\(id)]", skip: skip)
                }
            }
            let structured = (left + right).contains { if case .object = $0 { return true } else { return false } }
            guard structured else { return [JSONDifference(path: path, a: a, b: b)] }
            return (0 ..< max(left.count, right.count)).flatMap { index in
                between(index < left.count ? left[index] : nil, index < right.count ? right[index] : nil, path: "\(path)[\(index)]", skip: skip)
            }
        default:
            return [JSONDifference(path: path, a: a, b: b)]
        }
    }

    /// Keys that name an element of a list, tried in order.
    static let identifyingKeys = ["id", "design", "model", "zone", "site"]

    /// The elements with their name, when every element is an object with a distinct string under one of
    /// ``identifyingKeys``.
    private static func identified(_ items: [JSONValue]) -> [(id: String, value: JSONValue)]? {
        guard !items.isEmpty else { return nil }
        for key in identifyingKeys {
            let ids = items.compactMap { $0[key]?.string }
            if ids.count == items.count && Set(ids).count == ids.count { return Array(zip(ids, items)).map { (id: $0, value: $1) } }
        }
        return nil
    }
}
