import Yams

extension Node.Mapping {
    /// The value of the (last) pair whose key is the plain text `key`.
    ///
    /// Yams' own `mapping[key]` compares whole nodes, resolving each key's tag with a regular expression, and its
    /// iterator copies every pair into a new array: over a catalogue of 20,000 designs that was most of the loading
    /// time. Keys are compared as text here, walking indices backwards without copying the mapping.
    func child(_ key: String) -> Node? {
        var index = endIndex
        while index > startIndex {
            index -= 1
            let pair = self[index]
            if pair.key.scalar?.string == key { return pair.value }
        }
        return nil
    }
}
