/// Formats a shape the way error messages show it: `[64, 3]`, and `[]` for a scalar.
public func describeShape(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
