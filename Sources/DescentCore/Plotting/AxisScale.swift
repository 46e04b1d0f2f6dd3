import Foundation

/// One labelled position on an axis, in axis units.
struct AxisTick: Equatable {
    let position: Double
    let label: String
}

/// The range an axis covers and its ticks, in axis units: the data's own units on a
/// linear axis, their base-10 logarithm on a log axis.
struct AxisScale {
    let lower: Double
    let upper: Double
    let ticks: [AxisTick]
    let isLogarithmic: Bool

    /// Where `position` lies between the ends, 0 at `lower` and 1 at `upper`.
    func fraction(of position: Double) -> Double {
        (position - lower) / (upper - lower)
    }

    /// On a log axis, the positions of 2, 3, … 9 times each power of ten inside it, for
    /// faint grid lines between the labelled ones.
    var minorTickPositions: [Double] {
        guard isLogarithmic, upper - lower <= 12 else { return [] }
        var positions: [Double] = []
        for decade in stride(from: lower.rounded(.down), through: upper, by: 1) {
            for multiple in 2...9 {
                let position = decade + log10(Double(multiple))
                if position > lower, position < upper { positions.append(position) }
            }
        }
        return positions
    }

    /// A linear axis around `minimum...maximum` with at most `maxTicks` ticks at
    /// multiples of 1, 2 or 5 times a power of ten. A loose axis runs from tick to tick,
    /// with the step whose range wastes least space (the smaller step on a tie),
    /// preferring three ticks or more; a tight one ends at the data, ticks inside it.
    static func linear(minimum: Double, maximum: Double, maxTicks: Int, tight: Bool = false) throws(PlotError) -> AxisScale {
        guard minimum.isFinite, maximum.isFinite, (maximum - minimum).isFinite else {
            throw PlotError("the values are too large to plot")
        }
        var (low, high) = (minimum, maximum)
        let magnitude = max(abs(low), abs(high))
        if high - low <= magnitude * 1e-12 {
            let pad = magnitude == 0 ? 1 : magnitude * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let limit = max(2, maxTicks)
        var step = ladderRung(atOrBelow: (high - low) / Double(limit - 1))
        var best: (score: Double, step: Double, lower: Double, upper: Double)?
        for _ in 0..<6 {
            let lower = (low / step).rounded(tight ? .up : .down) * step
            let upper = (high / step).rounded(tight ? .down : .up) * step
            let count = ((upper - lower) / step).rounded() + 1
            if count <= Double(limit) {
                let score = tight ? count : (high - low) / (upper - lower) - (count < 3 ? 1 : 0)
                if score > (best?.score ?? -.infinity) + 1e-9 { best = (score, step, lower, upper) }
            }
            step = ladderRung(above: step)
        }
        guard let best else { throw PlotError("the values are too close together to plot") }
        var ticks: [AxisTick] = []
        var index = 0.0
        while best.lower + index * best.step <= best.upper + best.step * 1e-9, index <= Double(limit) {
            let value = best.lower + index * best.step
            ticks.append(AxisTick(position: value, label: TickLabel.linear(value, step: best.step)))
            index += 1
        }
        return tight
            ? AxisScale(lower: low, upper: high, ticks: ticks, isLogarithmic: false)
            : AxisScale(lower: best.lower, upper: best.upper, ticks: ticks, isLogarithmic: false)
    }

    /// A log axis over positive `minimum...maximum`, from the 1-2-5 value below to the
    /// one above, ticked at powers of ten (every few, to stay within `maxTicks`), or at
    /// every 1-2-5 value when that would leave fewer than three.
    static func logarithmic(minimum: Double, maximum: Double, maxTicks: Int) throws(PlotError) -> AxisScale {
        guard minimum > 0, maximum.isFinite, minimum <= maximum else {
            throw PlotError("there are no positive values to draw on a log scale")
        }
        let bottom = ladderRung(atOrBelow: minimum)
        var top = ladderRung(atOrBelow: maximum)
        if top < maximum * (1 - 1e-12) || top <= bottom { top = ladderRung(above: top) }
        let lower = log10(bottom), upper = log10(top)
        let firstDecade = (lower - 1e-9).rounded(.up), lastDecade = (upper + 1e-9).rounded(.down)
        let decadeCount = lastDecade - firstDecade + 1
        var ticks: [AxisTick]
        if decadeCount >= 3 {
            let every = (decadeCount / Double(max(2, maxTicks))).rounded(.up)
            ticks = stride(from: firstDecade, through: lastDecade, by: every).map {
                AxisTick(position: $0, label: TickLabel.power(mantissa: 1, exponent: $0))
            }
        } else {
            ticks = []
            var rung = bottom
            while rung <= top * (1 + 1e-12) {
                let exponent = log10(rung).rounded(.down)
                let mantissa = (rung / pow(10, exponent)).rounded()
                ticks.append(AxisTick(position: log10(rung), label: TickLabel.power(mantissa: mantissa, exponent: exponent)))
                rung = ladderRung(above: rung)
            }
        }
        return AxisScale(lower: lower, upper: upper, ticks: ticks, isLogarithmic: true)
    }

    /// The largest 1, 2 or 5 times a power of ten at or below a positive `value`.
    static func ladderRung(atOrBelow value: Double) -> Double {
        let magnitude = pow(10, log10(value).rounded(.down))
        let residual = value / magnitude
        let mantissa: Double = residual >= 5 * (1 - 1e-12) ? 5 : residual >= 2 * (1 - 1e-12) ? 2 : 1
        return mantissa * magnitude
    }

    /// The next 1, 2 or 5 times a power of ten above a rung.
    static func ladderRung(above rung: Double) -> Double {
        let magnitude = pow(10, log10(rung).rounded(.down))
        let mantissa = (rung / magnitude).rounded()
        return (mantissa >= 5 ? 10 : mantissa >= 2 ? 5 : 2) * magnitude
    }
}
