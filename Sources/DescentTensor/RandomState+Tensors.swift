extension RandomState {
    /// Standard normal samples of `shape`, as `RandomState.randn(*shape)`.
    public mutating func randn(shape: [Int]) -> Tensor {
        var values: [Double] = []
        let count = shape.reduce(1, *)
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(standardNormal()) }
        return Tensor(shape: shape, scalars: values)
    }

    /// Uniform samples in [0, 1) of `shape`, as `RandomState.rand(*shape)`.
    public mutating func rand(shape: [Int]) -> Tensor {
        var values: [Double] = []
        let count = shape.reduce(1, *)
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(randomSample()) }
        return Tensor(shape: shape, scalars: values)
    }

    /// Integers in [low, high) of `shape`, as `RandomState.randint(low, high, size=shape)`.
    public mutating func randint(low: Int, high: Int, shape: [Int]) -> Tensor {
        var values: [Double] = []
        let count = shape.reduce(1, *)
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(Double(randint(low: low, high: high))) }
        return Tensor(shape: shape, scalars: values)
    }

    /// A copy of `tensor` with its rows (first-axis slices) in the order
    /// `RandomState.shuffle` would leave them.
    public mutating func shuffledRows(_ tensor: Tensor) throws -> Tensor {
        guard let rows = tensor.shape.first else { throw TensorError("cannot shuffle a scalar") }
        var order = Array(0..<rows)
        shuffle(&order)
        let rowSize = rows == 0 ? 0 : tensor.count / rows
        var scalars: [Double] = []
        scalars.reserveCapacity(tensor.count)
        for row in order { scalars.append(contentsOf: tensor.scalars[(row * rowSize)..<((row + 1) * rowSize)]) }
        return Tensor(shape: tensor.shape, scalars: scalars)
    }
}
