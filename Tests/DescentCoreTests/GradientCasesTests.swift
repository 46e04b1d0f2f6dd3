import DescentCore
import DescentTensor

/// Short spellings of tape operations, so each case reads like the formula it checks.
extension Tape {
    func add(_ a: Var, _ b: Var) throws -> Var { try binary(.add, a, b) }
    func sub(_ a: Var, _ b: Var) throws -> Var { try binary(.subtract, a, b) }
    func mul(_ a: Var, _ b: Var) throws -> Var { try binary(.multiply, a, b) }
    func div(_ a: Var, _ b: Var) throws -> Var { try binary(.divide, a, b) }
    func pow(_ a: Var, _ b: Var) throws -> Var { try binary(.power, a, b) }
    func sum(_ a: Var, axis: Int? = nil, keepDims: Bool = false) throws -> Var { try reduce(.sum, a, axis: axis, keepDims: keepDims) }
    func mean(_ a: Var, axis: Int? = nil, keepDims: Bool = false) throws -> Var { try reduce(.mean, a, axis: axis, keepDims: keepDims) }
    func square(_ a: Var) -> Var { unary(.square, a) }
}

/// A constant operand.
func constantVar(_ value: Double) -> Var { Var(scalar: value) }

/// A deterministic tensor of `shape` with elements spread over `range` (SplitMix64).
func sampleTensor(_ shape: [Int], seed: UInt64, in range: ClosedRange<Double> = -1...1) -> Tensor {
    var state = seed
    let count = shape.reduce(1, *)
    let scalars = (0..<count).map { _ -> Double in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Double(z >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
    return Tensor(shape: shape, scalars: scalars)
}

/// The expressions checked against finite differences. Points are chosen away from
/// kinks (relu at 0, clip bounds, modulo jumps) except two-way ties, where the central
/// difference is exactly the even split the tape gives.
enum GradientCases {
    static let weights = sampleTensor([2, 3], seed: 99)
    static let positive = sampleTensor([2, 3], seed: 7, in: 0.5...2)

    static let all: [GradientCase] = elementwise + unaryFunctions + selection + matmul + reductions + softmax + models

    static let elementwise: [GradientCase] = [
        GradientCase(name: "sum((A + b) * W) broadcasting a row", inputs: [sampleTensor([2, 3], seed: 1), sampleTensor([3], seed: 2)]) { t, v in
            try t.sum(try t.mul(try t.add(v[0], v[1]), Var(weights)))
        },
        GradientCase(name: "sum((column - row)^2)", inputs: [sampleTensor([2, 1], seed: 3), sampleTensor([1, 3], seed: 4)]) { t, v in
            try t.sum(t.square(try t.sub(v[0], v[1])))
        },
        GradientCase(name: "sum((s * A)^2) with a scalar", inputs: [Tensor(0.7), sampleTensor([2, 3], seed: 5)]) { t, v in
            try t.sum(t.square(try t.mul(v[0], v[1])))
        },
        GradientCase(name: "sum(A / b) broadcasting the divisor", inputs: [sampleTensor([2, 3], seed: 6), sampleTensor([3], seed: 8, in: 0.5...2)]) { t, v in
            try t.sum(try t.div(v[0], v[1]))
        },
        GradientCase(name: "sum(2 / b)", inputs: [sampleTensor([4], seed: 9, in: 1...3)]) { t, v in
            try t.sum(try t.div(constantVar(2), v[0]))
        },
        GradientCase(name: "sum(a ^ b) with a traced exponent", inputs: [sampleTensor([3], seed: 10, in: 0.5...2), sampleTensor([3], seed: 11)]) { t, v in
            try t.sum(try t.pow(v[0], v[1]))
        },
        GradientCase(name: "sum(A ^ s) with a traced scalar exponent", inputs: [positive, Tensor(1.7)]) { t, v in
            try t.sum(try t.pow(v[0], v[1]))
        },
        GradientCase(name: "sum(a ^ 3) with negative bases", inputs: [sampleTensor([4], seed: 12, in: -2...2)]) { t, v in
            try t.sum(try t.pow(v[0], constantVar(3)))
        },
        GradientCase(name: "sum(a % b) with mixed signs", inputs: [Tensor(vector: [5.3, -2.7, 4.1]), Tensor(vector: [2.1, 1.7, -1.5])]) { t, v in
            try t.sum(try t.mul(try t.binary(.modulo, v[0], v[1]), Var(Tensor(vector: [1, 2, 3]))))
        },
        GradientCase(name: "sum(maximum(A, b) * W)", inputs: [sampleTensor([2, 3], seed: 13), sampleTensor([3], seed: 14)]) { t, v in
            try t.sum(try t.mul(try t.binary(.maximum, v[0], v[1]), Var(weights)))
        },
        GradientCase(name: "sum(minimum(a, b)) with a tie", inputs: [Tensor(vector: [1, 2, 3]), Tensor(vector: [1.5, 2, 2.5])]) { t, v in
            try t.sum(try t.mul(try t.binary(.minimum, v[0], v[1]), Var(Tensor(vector: [1, 2, 3]))))
        },
        GradientCase(name: "sum((A > 0) * A^2) masking with a comparison", inputs: [sampleTensor([2, 3], seed: 15)]) { t, v in
            let mask = try t.binary(.greater, v[0], constantVar(0))
            return try t.sum(try t.mul(mask, t.square(v[0])))
        },
        GradientCase(name: "sum(A * A * A) reusing one input", inputs: [sampleTensor([2, 3], seed: 16)]) { t, v in
            try t.sum(try t.mul(try t.mul(v[0], v[0]), v[0]))
        },
        GradientCase(name: "sum(C[2,1,3] * D[2,1]) in three dimensions", inputs: [sampleTensor([2, 1, 3], seed: 17), sampleTensor([2, 1], seed: 18)]) { t, v in
            try t.sum(t.square(try t.mul(v[0], v[1])))
        },
    ]

    static let unaryFunctions: [GradientCase] = [
        GradientCase(name: "sum(exp(-A))", inputs: [sampleTensor([2, 3], seed: 20)]) { t, v in
            try t.sum(t.unary(.exp, t.unary(.negate, v[0])))
        },
        GradientCase(name: "sum(log(A))", inputs: [positive]) { t, v in try t.sum(t.unary(.log, v[0])) },
        GradientCase(name: "sum(sqrt(A))", inputs: [positive]) { t, v in try t.sum(t.unary(.sqrt, v[0])) },
        GradientCase(name: "sum(abs(A) * W)", inputs: [sampleTensor([2, 3], seed: 21)]) { t, v in
            try t.sum(try t.mul(t.unary(.abs, v[0]), Var(weights)))
        },
        GradientCase(name: "sum(tanh(A) * W)", inputs: [sampleTensor([2, 3], seed: 22, in: -3...3)]) { t, v in
            try t.sum(try t.mul(t.unary(.tanh, v[0]), Var(weights)))
        },
        GradientCase(name: "sum(sigmoid(3A) * W)", inputs: [sampleTensor([2, 3], seed: 23, in: -4...4)]) { t, v in
            try t.sum(try t.mul(t.unary(.sigmoid, try t.mul(constantVar(3), v[0])), Var(weights)))
        },
        GradientCase(name: "sum(relu(A) * W)", inputs: [sampleTensor([2, 3], seed: 24)]) { t, v in
            try t.sum(try t.mul(t.unary(.relu, v[0]), Var(weights)))
        },
        GradientCase(name: "sum(softplus(A) * W)", inputs: [sampleTensor([2, 3], seed: 25, in: -30...30)]) { t, v in
            try t.sum(try t.mul(t.unary(.softplus, v[0]), Var(weights)))
        },
        GradientCase(name: "sum(sin(A) * cos(A) + A^2)", inputs: [sampleTensor([2, 3], seed: 26, in: -3...3)]) { t, v in
            try t.sum(try t.add(try t.mul(t.unary(.sin, v[0]), t.unary(.cos, v[0])), t.square(v[0])))
        },
        GradientCase(name: "sum(sign(A) * A + floor(A))", inputs: [sampleTensor([2, 3], seed: 27, in: -3...3)]) { t, v in
            try t.sum(try t.add(try t.mul(t.unary(.sign, v[0]), v[0]), t.unary(.floor, v[0])))
        },
    ]

    static let selection: [GradientCase] = [
        GradientCase(name: "sum(clip(A, -0.5, 0.5) * W)", inputs: [Tensor(shape: [2, 3], scalars: [-0.9, -0.2, 0.3, 0.7, 0.1, -0.6])]) { t, v in
            try t.sum(try t.mul(try t.clip(v[0], min: constantVar(-0.5), max: constantVar(0.5)), Var(weights)))
        },
        GradientCase(
            name: "sum(clip(A, low[3], high) * W) with traced bounds",
            inputs: [Tensor(shape: [2, 3], scalars: [-0.9, 0.2, 0.8, 0.4, -0.3, 0.1]), Tensor(vector: [-0.5, 0.0, 0.5]), Tensor(0.6)]
        ) { t, v in
            try t.sum(try t.mul(try t.clip(v[0], min: v[1], max: v[2]), Var(weights)))
        },
        GradientCase(name: "sum(where(A > 0, A * B, B^2))", inputs: [sampleTensor([2, 3], seed: 30), sampleTensor([2, 3], seed: 31)]) { t, v in
            let condition = try t.binary(.greater, v[0], constantVar(0))
            return try t.sum(try t.select(condition, try t.mul(v[0], v[1]), t.square(v[1])))
        },
        GradientCase(name: "sum(where(c, A, s)) with a scalar branch", inputs: [sampleTensor([2, 3], seed: 32), Tensor(0.4)]) { t, v in
            let condition = Var(Tensor(vector: [1, 0, 1]))
            return try t.sum(t.square(try t.select(condition, v[0], v[1])))
        },
    ]

    static let matmul: [GradientCase] = [
        GradientCase(name: "sum((A @ B) * W) matrix @ matrix", inputs: [sampleTensor([2, 3], seed: 40), sampleTensor([3, 4], seed: 41)]) { t, v in
            try t.sum(try t.mul(try t.matmul(v[0], v[1]), Var(sampleTensor([2, 4], seed: 42))))
        },
        GradientCase(name: "sum(tanh(A @ v)) matrix @ vector", inputs: [sampleTensor([3, 2], seed: 43), sampleTensor([2], seed: 44)]) { t, v in
            try t.sum(t.unary(.tanh, try t.matmul(v[0], v[1])))
        },
        GradientCase(name: "sum((v @ B)^2) vector @ matrix", inputs: [sampleTensor([3], seed: 45), sampleTensor([3, 4], seed: 46)]) { t, v in
            try t.sum(t.square(try t.matmul(v[0], v[1])))
        },
        GradientCase(name: "(u @ v)^2 vector @ vector", inputs: [sampleTensor([5], seed: 47), sampleTensor([5], seed: 48)]) { t, v in
            t.square(try t.matmul(v[0], v[1]))
        },
        GradientCase(name: "sum((A.T @ A) * W) with a transpose", inputs: [sampleTensor([2, 3], seed: 49)]) { t, v in
            try t.sum(try t.mul(try t.matmul(t.transpose(v[0]), v[0]), Var(sampleTensor([3, 3], seed: 50))))
        },
        GradientCase(name: "sum(transpose of a 3-D tensor * W)", inputs: [sampleTensor([2, 3, 4], seed: 51)]) { t, v in
            try t.sum(try t.mul(t.transpose(v[0]), Var(sampleTensor([4, 3, 2], seed: 52))))
        },
    ]

    static let reductions: [GradientCase] = [
        GradientCase(name: "sum(sum(A, axis 0)^2)", inputs: [sampleTensor([2, 3], seed: 60)]) { t, v in
            try t.sum(t.square(try t.sum(v[0], axis: 0)))
        },
        GradientCase(name: "sum((A - sum(A, axis -1, keepdims))^2)", inputs: [sampleTensor([2, 3], seed: 61)]) { t, v in
            try t.sum(t.square(try t.sub(v[0], try t.sum(v[0], axis: -1, keepDims: true))))
        },
        GradientCase(name: "sum(mean(A, axis 1)^3)", inputs: [sampleTensor([2, 3], seed: 62)]) { t, v in
            try t.sum(try t.pow(try t.mean(v[0], axis: 1), constantVar(3)))
        },
        GradientCase(name: "sum((A - mean(A, keepdims))^2)", inputs: [sampleTensor([2, 3], seed: 63)]) { t, v in
            try t.sum(t.square(try t.sub(v[0], try t.mean(v[0], keepDims: true))))
        },
        GradientCase(name: "sum(max(A, axis 0) * w)", inputs: [sampleTensor([3, 4], seed: 64)]) { t, v in
            try t.sum(try t.mul(try t.reduce(.max, v[0], axis: 0, keepDims: false), Var(sampleTensor([4], seed: 65))))
        },
        GradientCase(name: "3 * min(A)", inputs: [sampleTensor([2, 3], seed: 66)]) { t, v in
            try t.mul(constantVar(3), try t.reduce(.min, v[0], axis: nil, keepDims: false))
        },
        GradientCase(name: "max(v) with a two-way tie", inputs: [Tensor(vector: [1, 3, 3, 2])]) { t, v in
            try t.reduce(.max, v[0], axis: nil, keepDims: false)
        },
        GradientCase(name: "sum(min(A, axis 1, keepdims) * A)", inputs: [sampleTensor([3, 2, 4], seed: 67)]) { t, v in
            try t.sum(try t.mul(try t.reduce(.min, v[0], axis: 1, keepDims: true), v[0]))
        },
        GradientCase(name: "norm(A)", inputs: [sampleTensor([2, 3], seed: 68)]) { t, v in
            try t.reduce(.norm, v[0], axis: nil, keepDims: false)
        },
        GradientCase(name: "sum(A / norm(A, axis 1, keepdims) * W)", inputs: [sampleTensor([2, 3], seed: 69)]) { t, v in
            try t.sum(try t.mul(try t.div(v[0], try t.reduce(.norm, v[0], axis: 1, keepDims: true)), Var(weights)))
        },
        GradientCase(name: "sum(sum(C, axis 1) * W) over the middle axis", inputs: [sampleTensor([2, 4, 3], seed: 70)]) { t, v in
            try t.sum(try t.mul(try t.sum(v[0], axis: 1), Var(weights)))
        },
    ]

    static let softmax: [GradientCase] = [
        GradientCase(name: "sum(softmax(A) * W)", inputs: [sampleTensor([2, 3], seed: 80, in: -3...3)]) { t, v in
            try t.sum(try t.mul(try t.softmax(v[0], axis: -1), Var(weights)))
        },
        GradientCase(name: "sum(softmax(A, axis 0)^2)", inputs: [sampleTensor([2, 3], seed: 81, in: -3...3)]) { t, v in
            try t.sum(t.square(try t.softmax(v[0], axis: 0)))
        },
        GradientCase(name: "logsumexp(10 A)", inputs: [sampleTensor([2, 3], seed: 82)]) { t, v in
            try t.logsumexp(try t.mul(constantVar(10), v[0]), axis: nil)
        },
        GradientCase(name: "sum(logsumexp(A, axis 1) * w)", inputs: [sampleTensor([2, 3], seed: 83, in: -3...3)]) { t, v in
            try t.sum(try t.mul(try t.logsumexp(v[0], axis: 1), Var(Tensor(vector: [0.3, -1.2]))))
        },
        GradientCase(
            name: "cross-entropy -sum(Y * log(softmax(Z)))",
            inputs: [sampleTensor([3, 4], seed: 84, in: -2...2)]
        ) { t, v in
            let labels = Var(Tensor(shape: [3, 4], scalars: [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0]))
            let logProbabilities = t.unary(.log, try t.softmax(v[0], axis: 1))
            return t.unary(.negate, try t.sum(try t.mul(labels, logProbabilities)))
        },
    ]

    static let models: [GradientCase] = [
        GradientCase(
            name: "two-layer network mean((tanh(X @ W1 + b1) @ w2 + b2 - y)^2)",
            inputs: [sampleTensor([3, 4], seed: 90), sampleTensor([4], seed: 91), sampleTensor([4], seed: 92), Tensor(0.1)]
        ) { t, v in
            let x = Var(sampleTensor([5, 3], seed: 93))
            let y = Var(sampleTensor([5], seed: 94))
            let hidden = t.unary(.tanh, try t.add(try t.matmul(x, v[0]), v[1]))
            let prediction = try t.add(try t.matmul(hidden, v[2]), v[3])
            return try t.mean(t.square(try t.sub(prediction, y)))
        },
        GradientCase(name: "logistic loss mean(softplus(-y * (X @ w)))", inputs: [sampleTensor([3], seed: 95)]) { t, v in
            let x = Var(sampleTensor([6, 3], seed: 96, in: -2...2))
            let y = Var(Tensor(vector: [1, -1, 1, 1, -1, -1]))
            return try t.mean(t.unary(.softplus, t.unary(.negate, try t.mul(y, try t.matmul(x, v[0])))))
        },
        GradientCase(name: "mean(sigmoid(X @ w + b)) with a scalar bias", inputs: [sampleTensor([3], seed: 97), Tensor(-0.3)]) { t, v in
            let x = Var(sampleTensor([4, 3], seed: 98, in: -2...2))
            return try t.mean(t.unary(.sigmoid, try t.add(try t.matmul(x, v[0]), v[1])))
        },
    ]
}
