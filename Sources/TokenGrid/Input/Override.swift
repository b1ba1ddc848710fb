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
        guard let equals = text.firstIndex(of: "=") else {
            origin.error("expected path=value, e.g. regions.ningxia.grid.price_usd_per_mwh=30")
            return nil
        }
        let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: equals)...])
        guard let node = (try? Yams.compose(yaml: valueText)) ?? nil else {
            origin.error("cannot read the value '\(valueText)' as YAML")
            return nil
        }
        return make(path: path, value: node, origin: origin)
    }

    /// Builds an override, checking the path's form.
    static func make(path: String, value: Node, origin: YAMLField) -> Override? {
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, !components.contains(where: \.isEmpty) else {
            origin.error("override path '\(path)' is malformed; expected dotted field names such as zones.china.growth.rate_per_year")
            return nil
        }
        if components.first == "overrides" {
            origin.error("override path '\(path)' targets the overrides themselves (circular); overrides may change any other field")
            return nil
        }
        if ["regions", "designs"].contains(components[0]) && components.count < 3 {
            origin.error("override path '\(path)' must name a field inside one \(components[0] == "regions" ? "region" : "design"), e.g. \(components[0]).<id>.<field>")
            return nil
        }
        return Override(components: components, value: value, origin: origin)
    }

    /// Applies the override to `root` (the target file's document), or reports a path that names nothing.
    func apply(to root: Node) -> Node? {
        Self.replace(in: root, at: localComponents, with: value, override: self, walked: [])
    }

    private static func replace(in node: Node, at components: ArraySlice<String>, with value: Node, override: Override, walked: [String]) -> Node? {
        guard let key = components.first else {
            // On a figure, an override of the whole field sets its value and keeps its attribution.
            if let mapping = node.mapping, mapping["value"] != nil, value.scalar != nil {
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
            } else if rest.isEmpty {
                // A field not written in the file may be set; the reader checks that the key exists in the schema.
                pairs.append((Node(key), value))
            } else {
                override.origin.error("override path '\(override.path)' names no field: '\(key)' is not in \((walked.isEmpty ? "the file" : walked.joined(separator: ".")))")
                return nil
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            var nodes = Array(sequence)
            let index = nodes.firstIndex { $0.mapping?["id"]?.scalar?.string == key } ?? Int(key).flatMap { nodes.indices.contains($0) ? $0 : nil }
            guard let index else {
                override.origin.error("override path '\(override.path)' names no element '\(key)' in \(walked.joined(separator: ".")); expected an id or an index")
                return nil
            }
            guard let child = replace(in: nodes[index], at: rest, with: value, override: override, walked: walked + [key]) else { return nil }
            nodes[index] = child
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
        default:
            override.origin.error("override path '\(override.path)' goes below '\(walked.joined(separator: "."))', which is a single value")
            return nil
        }
    }
}
