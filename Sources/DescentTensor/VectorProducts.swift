/// Matrix products where one side of the output is a single row or column: matrix times
/// vector (`X @ w`) and vector times matrix (`r @ X`, which is also `X.T @ r`).
///
/// Every output element is summed over `k` in increasing order, one multiply and one add
/// at a time, exactly as the textbook triple loop does, so these kernels give the same bits
/// as the naive product; the speed comes from running many independent sums side by side.
enum VectorProducts {
    /// `output[i] = Σₖ left(i, k) · vector[k * vectorStride]` for the rows `rows`, reading
    /// each row of `left` contiguously (`left.columnStride == 1`); four rows run side by side
    /// so their dependent sums overlap.
    static func dotRows(
        _ left: StridedMatrix, _ vector: UnsafePointer<Double>, vectorStride: Int, inner: Int, rows: Range<Int>,
        into output: UnsafeMutablePointer<Double>
    ) {
        var row = rows.lowerBound
        while row + 4 <= rows.upperBound {
            let a0 = left.base + row * left.rowStride
            let a1 = a0 + left.rowStride
            let a2 = a1 + left.rowStride
            let a3 = a2 + left.rowStride
            var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
            for k in 0..<inner {
                let v = vector[k * vectorStride]
                s0 += a0[k] * v
                s1 += a1[k] * v
                s2 += a2[k] * v
                s3 += a3[k] * v
            }
            output[row] = s0
            output[row + 1] = s1
            output[row + 2] = s2
            output[row + 3] = s3
            row += 4
        }
        while row < rows.upperBound {
            let a = left.base + row * left.rowStride
            var sum = 0.0
            for k in 0..<inner { sum += a[k] * vector[k * vectorStride] }
            output[row] = sum
            row += 1
        }
    }

    /// `output[j] += Σₖ factors[k * factorStride] · right(k, j)` for the columns `columns`,
    /// reading rows of `right` contiguously (`right.columnStride == 1`).
    ///
    /// Four rows of `right` are folded into each output element per pass, in order, so the
    /// output is loaded and stored a quarter as often as in the plain loop.
    static func accumulateRows(
        _ factors: UnsafePointer<Double>, factorStride: Int, _ right: StridedMatrix, inner: Int, columns: Range<Int>,
        into output: UnsafeMutablePointer<Double>
    ) {
        let width = columns.count
        guard width > 0 else { return }
        let target = output + columns.lowerBound
        var k = 0
        while k + 4 <= inner {
            let f0 = factors[k * factorStride]
            let f1 = factors[(k + 1) * factorStride]
            let f2 = factors[(k + 2) * factorStride]
            let f3 = factors[(k + 3) * factorStride]
            let b0 = right.base + k * right.rowStride + columns.lowerBound
            let b1 = b0 + right.rowStride
            let b2 = b1 + right.rowStride
            let b3 = b2 + right.rowStride
            for j in 0..<width {
                target[j] = target[j] + f0 * b0[j] + f1 * b1[j] + f2 * b2[j] + f3 * b3[j]
            }
            k += 4
        }
        while k < inner {
            let f = factors[k * factorStride]
            let b = right.base + k * right.rowStride + columns.lowerBound
            for j in 0..<width { target[j] += f * b[j] }
            k += 1
        }
    }
}
