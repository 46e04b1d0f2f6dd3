import Foundation

/// The levels to draw a surface's contour lines at.
enum ContourLevels {
    /// About `count` levels strictly between the smallest and largest finite value:
    /// evenly spaced, or geometrically spaced when asked for or when the values span
    /// orders of magnitude (as losses do near a minimum), each rounded to two
    /// significant digits so a legend can name it.
    static func levels(for values: [[Double]], count: Int, logarithmic: Bool) -> [Double] {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low, count > 0 else { return [] }
        let geometric = high > 0 && (logarithmic || (low > 0 && high / low >= 50))
        let bottom = geometric ? max(low, high * 1e-8) : low
        var result: [Double] = []
        for index in 1...count {
            let fraction = Double(index) / Double(count + 1)
            let level = geometric ? bottom * pow(high / bottom, fraction) : low + (high - low) * fraction
            let rounded = roundedToTwoDigits(level)
            if rounded > low, rounded < high, rounded != result.last { result.append(rounded) }
        }
        return result
    }

    static func roundedToTwoDigits(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 1 - log10(abs(value)).rounded(.down))
        return (value * scale).rounded() / scale
    }
}
