/// Turns a stack about to overflow into an error at the next function call.
///
/// The call-depth limit alone cannot bound stack use: each call may sit inside
/// expressions nested up to the nesting limit, and a debug build overflows the 512 MB
/// large stack with 1000 calls each inside 60 nested `abs(`. A session records where
/// its thread's stack ends; a call made within `reserve` bytes of that end fails.
enum StackGuard {
    /// The lowest address a call may start from; 0 (no guard) until a session sets it
    /// with `$floor.withValue(floor(forStackOfSize:))` on the thread that runs the program.
    @TaskLocal static var floor: UInt = 0

    /// Room kept for evaluating one call's expressions, nested as deep as the parser
    /// allows, and for reporting the error.
    static let reserve: UInt = 64 << 20

    /// Whether the calling code is within `reserve` bytes of the end of the stack.
    static var isNearlyFull: Bool {
        stackAddress() < floor
    }

    /// The floor for a stack of `size` bytes when called near its top (the first frames
    /// of a thread); stacks grow down on every platform Swift runs on. 0 (no guard) for a
    /// stack too small to keep the reserve.
    static func floor(forStackOfSize size: Int) -> UInt {
        let top = stackAddress()
        guard size > 0, UInt(size) > reserve else { return 0 }
        let usable = UInt(size) - reserve
        return top > usable ? top - usable : 0
    }

    /// An address in the caller's frame.
    @inline(never)
    private static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
