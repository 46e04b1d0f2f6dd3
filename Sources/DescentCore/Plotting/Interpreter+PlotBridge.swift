extension Interpreter {
    /// How terminal plots are drawn: 80 columns without colour, until the interpreter
    /// keeps settings a host can change.
    var plotSettings: PlotSettings { PlotSettings() }

    /// The name of the loss the last run trained, while histories do not record it:
    /// the one loss whose params are exactly the params the run trained.
    func trainedLossName(of history: TrainingHistory) -> String? {
        let candidates = globals.values.compactMap { name, value -> String? in
            guard case .loss(let loss) = value, parameters(of: loss) == history.parameterNames else { return nil }
            return name
        }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
