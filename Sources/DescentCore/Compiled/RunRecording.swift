import DescentTensor

/// What a scalar-code or tensor-code run records for `plot`, kept in plain arrays while it
/// runs and written to the history in one go: the same series and param trajectories as
/// recording each step through the history's dictionaries, without hashing a name per value.
///
/// Series and params are read at offsets into the run's numbers: a series is one number,
/// a param `count` numbers.
struct RunRecording {
    private var firstStep: Int
    private let series: [(name: String, register: Int)]
    private var seriesValues: [[Double]]
    private let parameters: [(name: String, offset: Int, count: Int)]
    private var parameterValues: [[Double]]
    private var recordedSteps = 0

    /// Ready for `steps` steps (as many as a history records), so noting one never grows
    /// an array.
    init(
        series: [(name: String, register: Int)], parameters: [(name: String, offset: Int, count: Int)], firstStep: Int, steps: Int
    ) {
        self.series = series
        self.parameters = parameters
        let capacity = min(steps, TrainingHistory.maxRecordedSteps)
        func column(_ size: Int) -> [Double] {
            var values: [Double] = []
            // Reserved up to a bound: a long run of a large param grows as it goes.
            values.reserveCapacity(min(capacity, (1 << 20) / max(size, 1)) * size)
            return values
        }
        seriesValues = series.map { _ in column(1) }
        parameterValues = parameters.map { column($0.count) }
        self.firstStep = firstStep
    }

    /// Ends a step: its series values and the params after it.
    mutating func noteStep(registers: UnsafePointer<Double>) {
        recordedSteps += 1
        for index in series.indices { seriesValues[index].append(registers[series[index].register]) }
        for (index, parameter) in parameters.enumerated() {
            parameterValues[index].append(contentsOf: UnsafeBufferPointer(start: registers + parameter.offset, count: parameter.count))
        }
    }

    /// Writes what was noted to `history` and starts afresh after it.
    mutating func flush(into history: inout TrainingHistory) {
        for (index, series) in series.enumerated() {
            history.record(series.name, steps: seriesValues[index], from: firstStep)
        }
        for (index, parameter) in parameters.enumerated() {
            history.parameters[parameter.name, default: ParameterTrajectory()].append(points: parameterValues[index], size: parameter.count)
        }
        firstStep += recordedSteps
        recordedSteps = 0
        for index in seriesValues.indices { seriesValues[index].removeAll(keepingCapacity: true) }
        for index in parameterValues.indices { parameterValues[index].removeAll(keepingCapacity: true) }
    }
}
