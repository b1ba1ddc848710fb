import Yams

/// A change to one field of a plan, region or design, by dotted path: `regions.ningxia.grid.price_usd_per_mwh = 30`.
///
/// Paths start with `regions.<id>.` (a region file), `designs.<id>.` (the design catalogue) or a plan field
/// (`discount_rate`, `zones.<id>.growth.rate_per_year`). A list element is named by its `id` or its 0-based index.
/// On a figure (`{value, source, ...}`) the override replaces its `value` and keeps the rest.
struct Override {
    /// The path's components.
    var components: [String]
    /// The new value, as a YAML node (it keeps its own position in the file it came from).
    var value: Node
    /// Where the override was written, to report a path that names no field.
    var origin: YAMLField

    var path: String { components.joined(separator: ".") }

    /// The overridden field's dotted path inside the target file, as readers name it.
    func localPath(in target: Target) -> String {
        switch target {
        case .design(let id): return (["designs", id] + Array(localComponents)).joined(separator: ".")
        default: return localComponents.joined(separator: ".")
        }
    }

    /// Fields that may be missing from a file and still be set by an override (every other path must name a
    /// field that is written in the file). Kept in step with the readers' optional keys.
    static let optionalFields: Set<String> = [
        "description", "regions_dir", "designs_file", "years", "first", "last", "discount_rate", "unserved_penalty_usd_per_mtok",
        "carbon_price_usd_per_t", "carbon_cap_t_per_year", "budget_usd_per_year", "time_slices", "preset", "market_prices_usd_per_mtok",
        "firm_capacity_growth_per_year", "peak_load_growth_per_year", "price_escalation_per_year", "load_shape", "existing",
        "renewables", "solar", "wind", "existing_mw", "profile", "capex_multiplier", "location", "base", "shape",
        "network_cost_usd_per_mtok", "network_cost_usd_per_mtok_per_1000_km", "route_factor", "pairs", "latency_ms", "forbidden",
        "max_latency_ms", "measured", "name", "source", "year", "assumption", "reason",
        "connection_rule", "deferrable", "flexible_connection", "onsite_generation", "battery", "grid_upgrade", "variable_om_usd_per_mwh",
        "fuel_escalation_per_year", "lead_time_years", "fixed_om_usd_per_mw_year", "cost_attribution",
    ]

    /// Which file the override changes.
    enum Target: Hashable { case plan, region(String), design(String) }

    var target: Target {
        switch components.first {
        case "regions" where components.count > 2: return .region(components[1])
        case "designs" where components.count > 2: return .design(components[1])
        default: return .plan
        }
    }

    /// The components below the target file's root.
    var localComponents: ArraySlice<String> {
        switch target {
        case .plan: return components[...]
        case .region, .design: return components.dropFirst(2)
        }
    }

    /// Parses `path=value` from the command line; the value is read as YAML (a number, a word, a list, …).
    static func parse(commandLine text: String, log: DiagnosticLog) -> Override? {
        let origin = YAMLField(node: nil, path: "--set \(text)", file: "command line", log: log)
        // The value's own position is within the --set text, not any file: report its errors on the command line.
        guard let equals = text.firstIndex(of: "=") else {
            origin.error("expected path=value, e.g. regions.ningxia.grid.price_usd_per_mwh=30")
            return nil
        }
        let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: equals)...])
        guard case .success(let node?) = YAMLText.compose(valueText) else {
            origin.error("cannot read the value \(TextQuote.quoted(valueText)) as YAML")
            return nil
        }
        return make(path: path, value: node, origin: origin)
    }

    /// Builds an override, checking the path's form.
    static func make(path: String, value: Node, origin: YAMLField) -> Override? {
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, !components.contains(where: \.isEmpty) else {
            origin.error("override path \(TextQuote.quoted(path)) is malformed; expected dotted field names such as zones.china.growth.rate_per_year")
            return nil
        }
        if components.first == "overrides" {
            origin.error("override path \(TextQuote.quoted(path)) targets the overrides themselves (circular); overrides may change any other field")
            return nil
        }
        if ["regions", "designs"].contains(components[0]) && components.count < 3 {
            origin.error("override path \(TextQuote.quoted(path)) must name a field inside one \(components[0] == "regions" ? "region" : "design"), e.g. \(components[0]).<id>.<field>")
            return nil
        }
        return Override(components: components, value: value, origin: origin)
    }

    /// Applies the override to `root` (the target file's document), or reports a path that names nothing.
    func apply(to root: Node) -> Node? {
        apply(to: root, at: localComponents)
    }

    /// Applies the override at explicit components below `root` (the design catalogue nests designs in a list).
    func apply(to root: Node, at components: ArraySlice<String>) -> Node? {
        Self.replace(in: root, at: components, with: value, override: self, walked: [])
    }

    private static func replace(in node: Node, at components: ArraySlice<String>, with value: Node, override: Override, walked: [String]) -> Node? {
        guard let key = components.first else {
            // On a figure, an override of the whole field sets its value and keeps its attribution.
            if let mapping = node.mapping, mapping.child("value") != nil, value.scalar != nil {
                return replace(in: node, at: ["value"], with: value, override: override, walked: walked)
            }
            return value
        }
        let rest = components.dropFirst()
        switch node {
        case .mapping(let mapping):
            var pairs = mapping.map { ($0.key, $0.value) }
            if let index = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
                guard let child = replace(in: pairs[index].1, at: rest, with: value, override: override, walked: walked + [key]) else { return nil }
                pairs[index].1 = child
            } else if rest.isEmpty && optionalFields.contains(key) {
                // An optional field not written in the file may be set; it takes the override's position for errors.
                pairs.append((.scalar(Node.Scalar(key, .implicit, .plain, override.origin.mark)), value))
            } else {
                let keys = pairs.compactMap { $0.0.scalar?.string }
                let hint = YAMLField.closest(to: key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                override.origin.error("override path \(TextQuote.quoted(override.path)) names no field: \(TextQuote.quoted(key)) is not in \(walked.isEmpty ? "the file" : TextQuote.excerpt(walked.joined(separator: ".")))\(hint)")
                return nil
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            var nodes = Array(sequence)
            let index = nodes.firstIndex { $0.mapping?.child("id")?.scalar?.string == key } ?? Int(key).flatMap { nodes.indices.contains($0) ? $0 : nil }
            guard let index else {
                override.origin.error("override path \(TextQuote.quoted(override.path)) names no element \(TextQuote.quoted(key)) in \(TextQuote.excerpt(walked.joined(separator: "."))); expected an id or an index")
                return nil
            }
            guard let child = replace(in: nodes[index], at: rest, with: value, override: override, walked: walked + [key]) else { return nil }
            nodes[index] = child
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
        default:
            override.origin.error("override path \(TextQuote.quoted(override.path)) goes below \(TextQuote.quoted(walked.joined(separator: "."))), which is a single value")
            return nil
        }
    }
}
