/// Descent's version, shown by `--version` and the REPL's welcome line.
public enum DescentVersion {
    public static let current = "0.1.0"
}
