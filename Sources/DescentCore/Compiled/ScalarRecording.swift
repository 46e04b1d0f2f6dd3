import DescentTensor

/// What a scalar run records for `plot`, kept in plain arrays while it runs and written to
/// the history in one go: the same series and param trajectories as recording each step
/// through the history's dictionaries, without hashing a name per value.
struct ScalarRecording {
    private var firstStep: Int
    private let series: [(name: String, register: Int)]
    private var seriesValues: [[Double]]
    private let parameters: [(name: String, register: Int)]
    private var parameterValues: [[Double]]

    /// Ready for `steps` steps (as many as a history records), so noting one never grows
    /// an array.
    init(series: [(name: String, register: Int)], parameters: [(name: String, register: Int)], firstStep: Int, steps: Int) {
        self.series = series
        self.parameters = parameters
        let capacity = min(steps, TrainingHistory.maxRecordedSteps)
        func column() -> [Double] {
            var values: [Double] = []
            values.reserveCapacity(capacity)
            return values
        }
        seriesValues = series.map { _ in column() }
        parameterValues = parameters.map { _ in column() }
        self.firstStep = firstStep
    }

    /// Ends a step: its series values and the params after it.
    mutating func noteStep(registers: UnsafeMutablePointer<Double>) {
        for index in series.indices { seriesValues[index].append(registers[series[index].register]) }
        for index in parameters.indices { parameterValues[index].append(registers[parameters[index].register]) }
    }

    /// Writes what was noted to `history` and starts afresh after it.
    mutating func flush(into history: inout TrainingHistory) {
        for (index, series) in series.enumerated() {
            history.record(series.name, steps: seriesValues[index], from: firstStep)
        }
        for (index, parameter) in parameters.enumerated() {
            history.parameters[parameter.name, default: ParameterTrajectory()].append(scalars: parameterValues[index])
        }
        firstStep += parameterValues.first?.count ?? 0
        for index in seriesValues.indices { seriesValues[index].removeAll(keepingCapacity: true) }
        for index in parameterValues.indices { parameterValues[index].removeAll(keepingCapacity: true) }
    }
}
