import Foundation

/// Why a file could not be read, in a few words, for `load_csv`, scripts and `:load`.
public enum ReadFailure {
    /// The reason reading `path` as UTF-8 text failed, asked of the system rather than
    /// guessed from permission bits: root passes every permission check yet may still be
    /// refused.
    public static func reason(for path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return systemReason(errno) }
        close(descriptor)
        return "it is not UTF-8 text"
    }

    /// The system's text for an error number, lowercased as the start of a clause
    /// ("permission denied").
    private static func systemReason(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
