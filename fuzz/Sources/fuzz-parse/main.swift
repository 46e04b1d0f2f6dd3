import CFuzzerDriver
import DescentSyntax
import Foundation

/// Lexes and parses one input as a Descent program; nothing runs.
///
/// The default nesting limit applies, so deep inputs exercise the limit, not the stack.
func parseOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var parser = Parser(file: SourceFile(name: "fuzz", text: text))
    _ = parser.parseProgram()
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in parseOne(data, size) })
