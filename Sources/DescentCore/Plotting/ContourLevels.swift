import Foundation

/// The levels to draw a surface's contour lines at.
enum ContourLevels {
    /// About `count` levels strictly between the smallest and largest finite value:
    /// evenly spaced, or geometrically spaced when asked for or when the values span
    /// orders of magnitude (as losses do near a minimum). Each is rounded to two
    /// significant digits of the gap to its neighbour, so a legend can name it.
    static func levels(for values: [[Double]], count: Int, logarithmic: Bool) -> [Double] {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low, count > 0 else { return [] }
        let geometric = high > 0 && (logarithmic || (low > 0 && high / low >= 50))
        let bottom = geometric ? max(low, high * 1e-8) : low
        let ratio = pow(high / bottom, 1 / Double(count + 1))
        var result: [Double] = []
        for index in 1...count {
            let fraction = Double(index) / Double(count + 1)
            let level = geometric ? bottom * pow(high / bottom, fraction) : low + (high - low) * fraction
            let gap = geometric ? level * (1 - 1 / ratio) : (high - low) / Double(count + 1)
            let rounded = rounded(level, toTwoDigitsOf: gap)
            if rounded > low, rounded < high, rounded != result.last { result.append(rounded) }
        }
        return result
    }

    /// `value` rounded to a multiple of a tenth of `gap`'s leading power of ten.
    static func rounded(_ value: Double, toTwoDigitsOf gap: Double) -> Double {
        guard gap > 0, gap.isFinite else { return value }
        let unit = pow(10, log10(gap).rounded(.down) - 1)
        let result = (value / unit).rounded() * unit
        return result.isFinite ? result : value
    }
}
