import Foundation

extension RandomState {
    /// A standard normal draw by NumPy's legacy polar Box–Muller (`legacy_gauss`): each
    /// accepted pair yields two values, the second kept for the next call.
    public mutating func standardNormal() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, radiusSquared = 0.0
        repeat {
            x1 = 2 * randomSample() - 1
            x2 = 2 * randomSample() - 1
            radiusSquared = x1 * x1 + x2 * x2
        } while radiusSquared >= 1 || radiusSquared == 0
        let factor = (-2 * log(radiusSquared) / radiusSquared).squareRoot()
        cachedGauss = factor * x1
        return factor * x2
    }

    /// A uniform draw in [low, high), as `RandomState.uniform`.
    public mutating func uniform(low: Double, high: Double) -> Double {
        low + (high - low) * randomSample()
    }

    /// An integer in [low, high) as `RandomState.randint` draws it for the default int64
    /// type: masked rejection, with 32-bit draws when the range fits in 32 bits, and no
    /// draw at all for a single value. Returns `low` when `high <= low`.
    public mutating func randint(low: Int, high: Int) -> Int {
        guard low < high else { return low }
        // high - 1 - low wraps to the right unsigned span even for the widest ranges.
        let span = UInt64(bitPattern: Int64(high &- 1 &- low))
        let offset = UInt64(bitPattern: Int64(low))
        return Int(Int64(bitPattern: offset &+ boundedUInt64(span)))
    }

    /// 0, 1, …, n-1 in random order, as `RandomState.permutation(n)` (empty for n ≤ 0).
    public mutating func permutation(_ n: Int) -> [Int] {
        var items = Array(0..<max(n, 0))
        shuffle(&items)
        return items
    }

    /// Shuffles in place as `RandomState.shuffle`: Fisher–Yates from the last item down.
    public mutating func shuffle<T>(_ items: inout [T]) {
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(randomInterval(UInt64(index)))
            if other != index { items.swapAt(index, other) }
        }
    }

    /// A value in [0, span] (`random_bounded_uint64` with the legacy masked method).
    private mutating func boundedUInt64(_ span: UInt64) -> UInt64 {
        if span == 0 { return 0 }
        if span == UInt64(UInt32.max) { return UInt64(nextUInt32()) }
        if span == UInt64.max { return nextUInt64() }
        let mask = Self.mask(covering: span)
        if span <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(nextUInt32()) & mask
                if value <= span { return value }
            }
        }
        while true {
            let value = nextUInt64() & mask
            if value <= span { return value }
        }
    }

    /// A value in [0, max] (`random_interval`, used by shuffling).
    private mutating func randomInterval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = Self.mask(covering: max)
        while true {
            let value = max <= UInt64(UInt32.max) ? UInt64(nextUInt32()) & mask : nextUInt64() & mask
            if value <= max { return value }
        }
    }

    /// The smallest all-ones bit pattern at least `value`.
    private static func mask(covering value: UInt64) -> UInt64 {
        var mask = value
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        return mask
    }
}
