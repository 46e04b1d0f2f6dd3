/// A chart to draw, independent of where it is drawn: lines over two axes and, for
/// `plot path`, a surface shown as contour lines with labelled points on top.
struct Plot {
    var title: String
    var xLabel: String
    var yLabel: String
    var series: [PlotSeries] = []
    /// Draws y on a base-10 log scale; values that are not positive are left out.
    var logScale = false
    var contour: ContourField?
    var markers: [PlotMarker] = []
}

/// A point in data units.
struct PlotPoint: Equatable {
    var x: Double
    var y: Double
}

/// A named line through points; a `nil` point, or one that is not finite, breaks it.
struct PlotSeries {
    var name: String
    var points: [PlotPoint?]
}

/// A point singled out with a symbol and a legend entry (a trajectory's start and end).
struct PlotMarker {
    enum Role {
        case start
        case end
    }

    var label: String
    var point: PlotPoint
    var role: Role
}

/// A function's values on a regular grid and the levels to draw its contour lines at.
struct ContourField {
    /// The grid's x coordinates, ascending.
    let xs: [Double]
    /// The grid's y coordinates, ascending.
    let ys: [Double]
    /// `values[row][column]` is the value at `(xs[column], ys[row])`.
    let values: [[Double]]
    let levels: [Double]
    /// What the surface is, for the legend (`loss J`).
    let name: String
}

/// Why a plot cannot be drawn or written; the interpreter adds the location.
struct PlotError: Error, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
