/// In `plan.json` as in a plan file: `{"preset": "seasons4x6"}`, `{"representative_days": 12, "seed": 7}` or
/// `{"cells": [slice, …]}`.
extension TimeRepresentation {
    private enum CodingKeys: String, CodingKey {
        case preset, representativeDays, seed, cells
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .preset(let preset): try container.encode(preset, forKey: .preset)
        case .cells(let slices): try container.encode(slices, forKey: .cells)
        case let .representativeDays(count, seed):
            try container.encode(count, forKey: .representativeDays)
            try container.encode(seed, forKey: .seed)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let preset = try container.decodeIfPresent(TimeSlicePreset.self, forKey: .preset) {
            self = .preset(preset)
        } else if let count = try container.decodeIfPresent(Int.self, forKey: .representativeDays) {
            self = .representativeDays(count: count, seed: try container.decode(UInt64.self, forKey: .seed))
        } else {
            self = .cells(try container.decode([TimeSlice].self, forKey: .cells))
        }
    }
}
