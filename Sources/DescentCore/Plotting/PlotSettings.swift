/// How plots are drawn in the terminal; the host that knows the terminal sets it.
public struct PlotSettings: Sendable, Equatable {
    /// Columns a terminal plot may use, legend and labels included.
    public var width: Int
    /// Whether terminal plots may use ANSI colours; without them series differ by dash
    /// pattern and symbol.
    public var useColor: Bool

    /// Narrower than this, the axes leave no room for a plot.
    static let minimumWidth = 40
    /// Wider than this, a plot is no longer readable as one picture.
    static let maximumWidth = 400

    /// 80 columns without colour unless told otherwise.
    public init(width: Int = 80, useColor: Bool = false) {
        self.width = width
        self.useColor = useColor
    }
}
