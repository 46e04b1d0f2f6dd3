import Foundation

/// Why a file could not be read, in a few words, for `load_csv`, scripts and `:load`.
public enum ReadFailure {
    public static func reason(for path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "it is not UTF-8 text"
    }
}
