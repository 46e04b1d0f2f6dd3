import Foundation

/// Build tool: writes a Swift file that holds a text file as a string literal, so the
/// prelude is compiled into the library (as Wren compiles its core) and no resource
/// bundle has to be found at run time.
///
/// Usage: EmbedText INPUT OUTPUT NAME
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedText INPUT OUTPUT NAME\n".utf8))
    exit(2)
}
let (input, output, name) = (arguments[1], arguments[2], arguments[3])
do {
    let text = try String(contentsOfFile: input, encoding: .utf8)
    var literal = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        default:
            literal += scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
    }
    let source = """
        // Generated at build time from \(URL(fileURLWithPath: input).lastPathComponent) by EmbedText; do not edit.

        /// The text of \(URL(fileURLWithPath: input).lastPathComponent).
        let \(name) = "\(literal)"

        """
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedText: \(error)\n".utf8))
    exit(1)
}
