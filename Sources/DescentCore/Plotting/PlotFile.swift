import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a plot file all at once: into a temporary file beside it, then renamed over
/// it, so a reader never sees half a plot and a failure leaves no file behind.
enum PlotFile {
    static func write(_ text: String, to path: String) throws(PlotError) {
        guard !path.isEmpty else { throw PlotError("the file name is empty") }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlotError("cannot write '\(path)': no such directory '\(directory)'")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure(writing: path) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                let error = failure(writing: path)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = failure(writing: path)
            unlink(temporary)
            throw error
        }
    }

    /// The reason the last system call failed, as a plot error about `path`.
    private static func failure(writing path: String) -> PlotError {
        let reason = String(cString: strerror(errno))
        return PlotError("cannot write '\(path)': \(reason.prefix(1).lowercased() + reason.dropFirst())")
    }
}
