/// The innermost loop of the packed matrix product: a `rows × columns` tile of C held in
/// registers while `depth` terms are added to every element.
///
/// Written with two-lane vectors because that is what baseline x86-64 (SSE2) offers; wider
/// types would be split into the same instructions. Multiplies and adds stay separate
/// operations (no fused multiply-add), so each element gets exactly the roundings of the
/// textbook loop `c += a * b`.
enum MicroKernel {
    static let rows = 4
    static let columns = 4

    /// `tile[r, c] += Σₖ left[k * 2 * rows + 2 * r] · right[k * columns + c]`, k in increasing
    /// order; `left` holds every value twice (see `PackedProduct.packLeft`).
    @inline(__always)
    static func accumulate(
        depth: Int, _ left: UnsafePointer<Double>, _ right: UnsafePointer<Double>,
        into tile: UnsafeMutablePointer<Double>, rowStride: Int
    ) {
        let rowBytes = 8 * rowStride
        let c = UnsafeMutableRawPointer(tile)
        var c00 = c.loadUnaligned(as: SIMD2<Double>.self)
        var c01 = c.loadUnaligned(fromByteOffset: 16, as: SIMD2<Double>.self)
        var c10 = c.loadUnaligned(fromByteOffset: rowBytes, as: SIMD2<Double>.self)
        var c11 = c.loadUnaligned(fromByteOffset: rowBytes + 16, as: SIMD2<Double>.self)
        var c20 = c.loadUnaligned(fromByteOffset: 2 * rowBytes, as: SIMD2<Double>.self)
        var c21 = c.loadUnaligned(fromByteOffset: 2 * rowBytes + 16, as: SIMD2<Double>.self)
        var c30 = c.loadUnaligned(fromByteOffset: 3 * rowBytes, as: SIMD2<Double>.self)
        var c31 = c.loadUnaligned(fromByteOffset: 3 * rowBytes + 16, as: SIMD2<Double>.self)
        var a = UnsafeRawPointer(left)
        var b = UnsafeRawPointer(right)
        for _ in 0..<depth {
            let b0 = b.loadUnaligned(as: SIMD2<Double>.self)
            let b1 = b.loadUnaligned(fromByteOffset: 16, as: SIMD2<Double>.self)
            let a0 = a.loadUnaligned(as: SIMD2<Double>.self)
            c00 = c00 + a0 * b0
            c01 = c01 + a0 * b1
            let a1 = a.loadUnaligned(fromByteOffset: 16, as: SIMD2<Double>.self)
            c10 = c10 + a1 * b0
            c11 = c11 + a1 * b1
            let a2 = a.loadUnaligned(fromByteOffset: 32, as: SIMD2<Double>.self)
            c20 = c20 + a2 * b0
            c21 = c21 + a2 * b1
            let a3 = a.loadUnaligned(fromByteOffset: 48, as: SIMD2<Double>.self)
            c30 = c30 + a3 * b0
            c31 = c31 + a3 * b1
            a += 64
            b += 32
        }
        c.storeBytes(of: c00, as: SIMD2<Double>.self)
        c.storeBytes(of: c01, toByteOffset: 16, as: SIMD2<Double>.self)
        c.storeBytes(of: c10, toByteOffset: rowBytes, as: SIMD2<Double>.self)
        c.storeBytes(of: c11, toByteOffset: rowBytes + 16, as: SIMD2<Double>.self)
        c.storeBytes(of: c20, toByteOffset: 2 * rowBytes, as: SIMD2<Double>.self)
        c.storeBytes(of: c21, toByteOffset: 2 * rowBytes + 16, as: SIMD2<Double>.self)
        c.storeBytes(of: c30, toByteOffset: 3 * rowBytes, as: SIMD2<Double>.self)
        c.storeBytes(of: c31, toByteOffset: 3 * rowBytes + 16, as: SIMD2<Double>.self)
    }
}
