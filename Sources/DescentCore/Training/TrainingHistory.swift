import DescentTensor

/// What a run recorded, for `plot`: the loss per step, every scalar local and state of
/// the rule per step, and the params while they are small.
public struct TrainingHistory: Sendable {
    /// Params with at most this many elements have their trajectory recorded.
    static let maxRecordedParameterSize = 64
    /// The most steps a history records: a run of a billion quick steps would otherwise
    /// fill the memory with its curves. Later steps are counted, not recorded.
    static let maxRecordedSteps = 2_000_000

    /// The optimizer's name, for titles and legends.
    public var optimizerName: String
    /// The batch loss at each step, before that step's update.
    public var loss: [Double] = []
    /// The loss on the whole data set at the start and after each step, when the run
    /// measured it (`compare` does, so noisy batch losses do not decide a comparison).
    public var fullLoss: [Double] = []
    /// Scalar locals and states of the rule by name; `nil` where a step did not set it.
    public var series: [String: [Double?]] = [:]
    /// The values of small params: the start, then after each step.
    public var parameters: [String: ParameterTrajectory] = [:]
    /// The loss the run trained, for `plot path`.
    public var lossName: String?
    /// The names of the params trained, in order.
    public var parameterNames: [String] = []

    /// Steps taken after the history was full.
    public private(set) var unrecordedSteps = 0

    /// Every step taken, recorded or not.
    public var stepCount: Int { loss.count + unrecordedSteps }

    /// Whether the step being taken is recorded: its loss was, so its series and params are.
    var isRecordingStep: Bool { unrecordedSteps == 0 }

    public init(optimizerName: String) {
        self.optimizerName = optimizerName
    }

    /// Records a step's batch loss, or counts the step when the history is full.
    mutating func appendLoss(_ value: Double) {
        if loss.count < Self.maxRecordedSteps, unrecordedSteps == 0 {
            loss.append(value)
        } else {
            unrecordedSteps += 1
        }
    }

    /// Records one scalar for the step being taken (`loss.count - 1`).
    mutating func record(_ name: String, _ value: Double) {
        guard isRecordingStep else { return }
        let step = loss.count - 1
        // Mutated in place through the subscript: copying the series out and back would
        // make a long run quadratic.
        let count = series[name, default: []].count
        if count < step { series[name, default: []].append(contentsOf: repeatElement(nil, count: step - count)) }
        if count <= step {
            series[name, default: []].append(value)
        } else {
            series[name, default: []][step] = value
        }
    }

    /// Records a scalar for each of a run of steps, `values[k]` at step `firstStep + k`,
    /// as `record` would one at a time.
    mutating func record(_ name: String, steps values: [Double], from firstStep: Int) {
        guard !values.isEmpty else { return }
        var column = series.removeValue(forKey: name) ?? []
        if column.count < firstStep { column.append(contentsOf: repeatElement(nil, count: firstStep - column.count)) }
        for (offset, value) in values.enumerated() {
            let step = firstStep + offset
            if step < column.count { column[step] = value } else { column.append(value) }
        }
        series[name] = column
    }

    /// A recorded series by name (`loss` included), padded to the number of steps.
    public func values(named name: String) -> [Double?]? {
        if name == "loss" { return loss.map { $0 } }
        guard let values = series[name] else { return nil }
        return values + [Double?](repeating: nil, count: max(0, loss.count - values.count))
    }

    /// "120 steps", or "3000000 steps, the first 2000000 recorded", for plot titles.
    public var stepsDescription: String {
        let steps = stepCount == 1 ? "1 step" : "\(stepCount) steps"
        return unrecordedSteps == 0 ? steps : steps + ", the first \(loss.count) recorded"
    }

    /// Every name `plot` accepts for this run.
    public var seriesNames: [String] { ["loss"] + series.keys.sorted() }

    /// Drops everything recorded from `stepCount` on (after a diverged step).
    mutating func truncate(toSteps stepCount: Int) {
        unrecordedSteps = max(0, stepCount - loss.count)
        loss = Array(loss.prefix(stepCount))
        fullLoss = Array(fullLoss.prefix(stepCount + 1))
        series = series.mapValues { Array($0.prefix(stepCount)) }
        for name in parameters.keys { parameters[name]?.truncate(to: stepCount + 1) }
    }
}
