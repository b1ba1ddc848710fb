// libyaml, as Yams vendors and builds it: its event parser, so that nodes are built, counted and checked in one pass.
import CYaml
import Yams

/// Something wrong with a YAML text as a whole: its syntax, or a limit it exceeds. Never quotes the text.
struct YAMLProblem: Error, Equatable {
    /// 1-based line and column, when known.
    var line: Int?
    var column: Int?
    var message: String
}

/// Builds Yams nodes from libyaml's events, holding every document to the input limits as it goes.
///
/// Yams' own composer hashes every mapping key in full and resolves each key's tag with a regular expression: an
/// alias bomb (ten aliases of ten aliases of …) used as a key cost 10^9 steps, and a 20,000-design catalogue spent
/// most of its time there. This one takes time linear in the text: an alias is the anchored node itself (shared, not
/// copied), keys are compared as text, and a key must be a single value. It checks, at the first offence: at most
/// ``InputLimits/maximumNodes`` nodes counting each alias as the nodes it repeats, at most
/// ``InputLimits/maximumAliases`` aliases, nesting at most ``InputLimits/maximumDepth`` deep, scalars at most
/// ``InputLimits/maximumScalarBytes`` long, keys unique within a mapping, one document.
struct YAMLComposer {
    /// An open list or mapping.
    private struct Frame {
        var isMapping: Bool
        var nodes: [Node] = []
        var pairs: [(Node, Node)] = []
        /// A mapping's key that waits for its value.
        var pendingKey: Node?
        /// A mapping's keys so far, with where each was first written.
        var keys: [String: Mark] = [:]
        var anchor: String?
        var tag: Tag
        var style: UInt32
        var mark: Mark
        /// The node count when the collection began (its expanded size is the difference at its end).
        var start: Int
    }

    private var stack: [Frame] = []
    private var root: Node?
    private var documents = 0
    private var nodes = 0
    private var aliases = 0
    /// Anchored nodes and their expanded sizes, by name (a later anchor of the same name replaces an earlier one).
    private var anchors: [String: (node: Node, size: Int)] = [:]

    /// The document's root node, nil for a text without a document; or the first problem.
    static func compose(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Node?, YAMLProblem> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failure(YAMLProblem(message: "out of memory while reading YAML")) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var composer = YAMLComposer()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(YAMLText.syntaxProblem(parser, buffer)) }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return .success(composer.root) }
            let mark = Self.mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            if let message = composer.take(event, at: mark) {
                return .failure(YAMLProblem(line: mark.line, column: mark.column, message: message))
            }
        }
    }

    /// Takes one event; returns what is wrong with it, if anything.
    private mutating func take(_ event: yaml_event_t, at mark: Mark) -> String? {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            return documents > 1 ? "YAML syntax: found a second document; expected a single document in the file" : nil
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.length <= InputLimits.maximumScalarBytes else {
                return "a value of \(scalar.length) bytes is longer than the limit of \(InputLimits.maximumScalarBytes) bytes"
            }
            if let problem = count(1) { return problem }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? Tag(.str, Self.resolver, Self.constructor) : Self.tag(scalar.tag)
            let node = Node.scalar(Node.Scalar(text, tag, Node.Scalar.Style(rawValue: scalar.style.rawValue) ?? .any, mark))
            return attach(node, size: 1, anchor: Self.name(scalar.anchor), at: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return open(isMapping: false, anchor: start.anchor, tag: start.implicit != 0 ? nil : start.tag, style: start.style.rawValue, at: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return open(isMapping: true, anchor: start.anchor, tag: start.implicit != 0 ? nil : start.tag, style: start.style.rawValue, at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            let node: Node = frame.isMapping
                ? .mapping(Node.Mapping(frame.pairs, frame.tag, Node.Mapping.Style(rawValue: frame.style) ?? .any, frame.mark))
                : .sequence(Node.Sequence(frame.nodes, frame.tag, Node.Sequence.Style(rawValue: frame.style) ?? .any, frame.mark))
            return attach(node, size: nodes - frame.start, anchor: frame.anchor, at: frame.mark)
        case YAML_ALIAS_EVENT:
            aliases += 1
            guard aliases <= InputLimits.maximumAliases else { return "more than \(InputLimits.maximumAliases) aliases (*name) in one document" }
            // An anchor is registered when its node is complete: an alias inside its own anchor is undefined too.
            guard let name = Self.name(event.data.alias.anchor), let anchored = anchors[name] else { return "YAML syntax: found undefined alias" }
            if let problem = count(anchored.size) { return problem }
            return attach(anchored.node, size: anchored.size, anchor: nil, at: mark)
        default:
            return nil
        }
    }

    private mutating func open(isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
                               style: UInt32, at mark: Mark) -> String? {
        guard stack.count < InputLimits.maximumDepth else { return "lists and mappings are nested more than \(InputLimits.maximumDepth) levels deep" }
        if let problem = count(1) { return problem }
        stack.append(Frame(isMapping: isMapping, anchor: Self.name(anchor), tag: Self.tag(tag), style: style, mark: mark, start: nodes - 1))
        return nil
    }

    /// Adds `size` nodes to the count; the problem when that crosses the limit.
    private mutating func count(_ size: Int) -> String? {
        nodes += size
        guard nodes > InputLimits.maximumNodes else { return nil }
        return aliases > 0
            ? "the document expands to more than \(InputLimits.maximumNodes) values once its aliases (*name) are resolved"
            : "the document holds more than \(InputLimits.maximumNodes) values"
    }

    /// Puts a finished node into the open collection (or makes it the root) and registers its anchor.
    private mutating func attach(_ node: Node, size: Int, anchor: String?, at mark: Mark) -> String? {
        if let anchor { anchors[anchor] = (node, size) }
        guard var frame = stack.popLast() else {
            root = node
            return nil
        }
        defer { stack.append(frame) }
        guard frame.isMapping else {
            frame.nodes.append(node)
            return nil
        }
        guard let key = frame.pendingKey else {
            guard let text = node.scalar?.string else {
                return "a mapping key must be a single value such as a name, not a list or a mapping"
            }
            if let first = frame.keys[text] {
                return "duplicate key \(TextQuote.name(text)) in one mapping (first on line \(first.line)); each key may appear once"
            }
            frame.keys[text] = mark
            frame.pendingKey = node
            return nil
        }
        frame.pairs.append((key, node))
        frame.pendingKey = nil
        return nil
    }

    /// A Yams mark. Yams keeps `Mark`'s initializer internal; a `Mark` is two `Int`s, line then column, which
    /// `RobustnessYAMLTests` checks, so that a Yams release that changed it fails a test rather than misplacing errors.
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Yams builds these afresh on every access; once is enough (Yams' own parser also keeps one of each).
    private static let resolver = Resolver.default
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// The node's explicit tag, or the implicit one (what Yams gives an untagged node).
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Tag {
        Tag(name(pointer).map(Tag.Name.init(rawValue:)) ?? .implicit, resolver, constructor)
    }
}
