@testable import DescentCore
import Testing

/// A history records up to `maxRecordedSteps` steps and counts the rest, so a very long
/// run cannot fill the memory with its curves.
@Suite struct TrainingHistoryTests {
    static func fullHistory(extraSteps: Int) -> TrainingHistory {
        var history = TrainingHistory(optimizerName: "sgd")
        for step in 0..<(TrainingHistory.maxRecordedSteps + extraSteps) {
            history.appendLoss(Double(step))
            history.record("v", Double(step))
        }
        return history
    }

    @Test func stepsBeyondTheLimitAreCountedNotRecorded() {
        let history = Self.fullHistory(extraSteps: 3)
        #expect(history.loss.count == TrainingHistory.maxRecordedSteps)
        #expect(history.series["v"]?.count == TrainingHistory.maxRecordedSteps)
        #expect(history.series["v"]?.last == Double(TrainingHistory.maxRecordedSteps - 1))
        #expect(history.stepCount == TrainingHistory.maxRecordedSteps + 3)
        #expect(history.stepsDescription == "\(TrainingHistory.maxRecordedSteps + 3) steps, the first \(TrainingHistory.maxRecordedSteps) recorded")
    }

    @Test func truncatingKeepsTheCountOfUnrecordedSteps() {
        var history = Self.fullHistory(extraSteps: 5)
        history.truncate(toSteps: TrainingHistory.maxRecordedSteps + 2)
        #expect(history.stepCount == TrainingHistory.maxRecordedSteps + 2)
        history.truncate(toSteps: 10)
        #expect(history.stepCount == 10)
        #expect(history.unrecordedSteps == 0)
        #expect(history.series["v"]?.count == 10)
        history.appendLoss(1)
        #expect(history.loss.count == 11)
    }

    @Test func aShortRunIsDescribedByItsSteps() {
        var history = TrainingHistory(optimizerName: "sgd")
        history.appendLoss(2)
        #expect(history.stepsDescription == "1 step")
        history.appendLoss(1)
        #expect(history.stepsDescription == "2 steps")
    }
}
