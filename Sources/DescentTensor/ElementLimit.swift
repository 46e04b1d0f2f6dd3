/// The largest tensor, in elements, that an operation whose result can outgrow its
/// operands (broadcasting, a matrix product, concatenation) may allocate.
///
/// A task-local rather than a parameter because those operations are reached from every
/// autodiff rule and builtin; a session binds it once around each run with
/// `ElementLimit.$maxElements.withValue(…)`. Code that binds nothing is limited only by
/// what an `Int` can count.
public enum ElementLimit {
    /// The limit in force on this thread or task.
    @TaskLocal public static var maxElements: Int = .max
}
