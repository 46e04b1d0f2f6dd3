/// NumPy's legacy random generator (`numpy.random.RandomState`), reproduced bit for bit.
///
/// A Mersenne Twister (MT19937) seeded as NumPy seeds it from an integer, plus the
/// legacy algorithms NumPy keeps for backward compatibility (`RandomState+Distributions`),
/// so a teacher can reproduce any Descent run in Python with the same seed.
public struct RandomState: Sendable {
    private static let stateLength = 624
    private static let shiftSize = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    private var key: [UInt32]
    private var position: Int
    /// The second value of the last polar Box–Muller pair, kept for the next normal draw.
    var cachedGauss: Double?

    /// A generator in the state `numpy.random.RandomState(seed)` starts in.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateLength)
        key[0] = seed
        for index in 1..<Self.stateLength {
            let previous = key[index - 1]
            key[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
        }
        self.key = key
        self.position = Self.stateLength
        self.cachedGauss = nil
    }

    /// The next 32 raw bits (`mt19937_next32`).
    public mutating func nextUInt32() -> UInt32 {
        if position == Self.stateLength { regenerate() }
        var value = key[position]
        position += 1
        value ^= value >> 11
        value ^= (value << 7) & 0x9d2c_5680
        value ^= (value << 15) & 0xefc6_0000
        value ^= value >> 18
        return value
    }

    /// The next 64 raw bits: the first 32-bit draw is the high half (`mt19937_next64`).
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    /// A uniform double in [0, 1) with 53 random bits (`random_sample`).
    public mutating func randomSample() -> Double {
        let high = Double(nextUInt32() >> 5)
        let low = Double(nextUInt32() >> 6)
        return (high * 67_108_864.0 + low) / 9_007_199_254_740_992.0
    }

    /// Refills the whole state block, as `mt19937_gen` does.
    private mutating func regenerate() {
        let count = Self.stateLength
        for index in 0..<count {
            let mixed = (key[index] & Self.upperMask) | (key[(index + 1) % count] & Self.lowerMask)
            let twisted = (mixed >> 1) ^ (mixed & 1 == 0 ? 0 : Self.matrixA)
            key[index] = key[(index + Self.shiftSize) % count] ^ twisted
        }
        position = 0
    }
}
