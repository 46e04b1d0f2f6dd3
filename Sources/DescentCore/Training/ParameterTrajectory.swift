import DescentTensor

/// The values one param took over a run, one point per step, stored flat: a long run of
/// a scalar param costs 8 bytes a step, not a tensor each.
public struct ParameterTrajectory: Sendable, Equatable {
    /// The elements of every point, or `nil` once points of different sizes were recorded
    /// (the param was reassigned with another shape between `step`s).
    public private(set) var elementCount: Int?
    /// How many points were recorded.
    public private(set) var count = 0
    /// The points' elements, point after point.
    public private(set) var values: [Double] = []

    /// A trajectory starting at `start`.
    init(_ start: Tensor) {
        append(start)
    }

    init() {}

    /// Adds the param's value after one more step.
    mutating func append(_ point: Tensor) {
        append(pointCount: 1, of: point.count, values: point.scalars)
    }

    /// Adds `values.count / size` points of `size` elements each, one after another.
    mutating func append(points values: [Double], size: Int) {
        append(pointCount: size == 0 ? 0 : values.count / size, of: size, values: values)
    }

    private mutating func append(pointCount: Int, of size: Int, values newValues: [Double]) {
        if count == 0 {
            elementCount = size
        } else if elementCount != size {
            elementCount = nil
        }
        count += pointCount
        if elementCount != nil { values += newValues }
    }

    /// Keeps the first `pointCount` points.
    mutating func truncate(to pointCount: Int) {
        guard pointCount < count else { return }
        count = pointCount
        if let elementCount { values.removeLast(values.count - pointCount * elementCount) }
    }

    /// Element `element` of point `index`; the trajectory's points all have `elementCount` elements.
    public func value(at index: Int, element: Int) -> Double {
        values[index * (elementCount ?? 0) + element]
    }
}
