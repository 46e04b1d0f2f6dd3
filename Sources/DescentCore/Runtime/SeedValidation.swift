import DescentTensor

/// Seeds as NumPy's legacy generator accepts them: whole numbers in 0 … 2³² − 1.
enum SeedValidation {
    static func seed(_ value: Double) throws -> UInt32 {
        guard value.isFinite, value == value.rounded() else {
            throw TensorError("a seed must be a whole number, got \(TensorFormatter().format(number: value))")
        }
        guard value >= 0, value <= Double(UInt32.max) else {
            throw TensorError("a seed must be between 0 and 4294967295, got \(TensorFormatter().format(number: value))")
        }
        return UInt32(value)
    }
}
