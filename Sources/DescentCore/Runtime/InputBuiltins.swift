import DescentSyntax
import DescentTensor
import Foundation

/// Builtins that read files.
enum InputBuiltins {
    static let all: [Builtin] = [
        Builtin(
            "load_csv", [.required("path"), .optional("header", "auto")],
            "a numeric CSV file as a 2-D tensor; header=1 skips a first line of names, auto detects one"
        ) { call in
            let path = try call.string("path")
            let header = try call.optionalFlag("header")
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw Diagnostic("cannot read '\(path)': \(ReadFailure.reason(for: path))", at: call.location(of: "path"))
            }
            do {
                let tensor = try CSVReader.parse(text, fileName: path, header: header)
                _ = try ShapeValidation.shape(fromDimensions: tensor.shape.map(Double.init), maxElements: call.limits.maxElements)
                return .tensor(Var(tensor))
            } catch let error as CSVError {
                throw Diagnostic("\(path):\(error.line):\(error.column): \(error.message)", at: call.location(of: "path"))
            }
        },
    ]
}
