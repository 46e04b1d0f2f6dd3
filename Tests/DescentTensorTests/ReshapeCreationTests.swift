import DescentTensor
import Testing

/// Creation kernels and the checks that turn user numbers into shapes; reference values
/// are NumPy's.
@Suite struct ReshapeCreationTests {
    @Test func simpleConstructors() {
        #expect(Tensor.zeros([2, 2]).scalars == [0, 0, 0, 0])
        #expect(Tensor.ones([3]).scalars == [1, 1, 1])
        #expect(Tensor.full([1, 2], value: 2.5).scalars == [2.5, 2.5])
        #expect(Tensor.eye(3).scalars == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(Tensor.eye(-1).shape == [0, 0])
    }

    @Test func arangeMatchesNumPy() throws {
        let limit = 1000
        #expect(try Tensor.arange(start: 0.1, stop: 2, step: 0.3, maxElements: limit).scalars
            == [0.1, 0.4, 0.7000000000000001, 1.0000000000000002, 1.3000000000000003, 1.6000000000000003, 1.9000000000000004])
        #expect(try Tensor.arange(start: 1, stop: 0, step: -0.25, maxElements: limit).scalars == [1.0, 0.75, 0.5, 0.25])
        #expect(try Tensor.arange(start: 0, stop: 1, step: 0.1, maxElements: limit).scalars
            == [0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9])
        #expect(try Tensor.arange(start: -3, stop: 3, step: 1.7, maxElements: limit).scalars
            == [-3.0, -1.3, 0.3999999999999999, 2.0999999999999996])
        #expect(try Tensor.arange(start: 5, stop: 0, step: 1, maxElements: limit).shape == [0])
    }

    @Test func arangeErrors() {
        #expect(throws: TensorError("arange step cannot be zero")) { try Tensor.arange(start: 0, stop: 1, step: 0, maxElements: 10) }
        #expect(throws: TensorError("arange needs finite start, stop and step")) {
            try Tensor.arange(start: 0, stop: .infinity, step: 1, maxElements: 10)
        }
        #expect(throws: TensorError("cannot allocate a tensor of shape [100]: 100 elements is more than the limit of 10")) {
            try Tensor.arange(start: 0, stop: 100, step: 1, maxElements: 10)
        }
    }

    @Test func linspaceMatchesNumPy() {
        #expect(Tensor.linspace(start: 0, stop: 1, count: 7).scalars
            == [0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8333333333333333, 1.0])
        #expect(Tensor.linspace(start: -1.3, stop: 2.9, count: 4).scalars == [-1.3, 0.10000000000000009, 1.5000000000000002, 2.9])
        // The step underflows to 0 here, and NumPy then scales i/(n-1) by the span instead.
        let tiny = Double.leastNonzeroMagnitude
        #expect(Tensor.linspace(start: 0, stop: tiny, count: 5).scalars == [0, 0, 0, tiny, tiny])
        #expect(Tensor.linspace(start: 2, stop: 3, count: 1).scalars == [2])
        #expect(Tensor.linspace(start: 2, stop: 3, count: 0).shape == [0])
    }

    @Test func shapeFromDimensions() throws {
        #expect(try ShapeValidation.shape(fromDimensions: [64, 3], maxElements: 1000) == [64, 3])
        #expect(try ShapeValidation.shape(fromDimensions: [], maxElements: 1) == [])
        #expect(throws: TensorError("size must be a whole number, got 2.5")) {
            try ShapeValidation.shape(fromDimensions: [2.5], maxElements: 10)
        }
        #expect(throws: TensorError("size must be a whole number, got nan")) {
            try ShapeValidation.shape(fromDimensions: [.nan], maxElements: 10)
        }
        #expect(throws: TensorError("size must not be negative, got -3")) {
            try ShapeValidation.shape(fromDimensions: [-3], maxElements: 10)
        }
        #expect(throws: TensorError(
            "cannot allocate a tensor of shape [100000, 100000]: 10000000000 elements is more than the limit of 100000000"
        )) {
            try ShapeValidation.shape(fromDimensions: [100_000, 100_000], maxElements: 100_000_000)
        }
        #expect(throws: TensorError(
            "cannot allocate a tensor of shape [4294967296, 4294967296]: it has more elements than the limit of 100"
        )) {
            try ShapeValidation.shape(fromDimensions: [0x1p32, 0x1p32], maxElements: 100)
        }
        #expect(throws: TensorError("size 1e+300 is too large")) { try ShapeValidation.shape(fromDimensions: [1e300], maxElements: 10) }
    }

    @Test func integerConversionNeverTraps() throws {
        #expect(try ShapeValidation.integer(-7, what: "an index") == -7)
        #expect(try ShapeValidation.integer(-0x1p63, what: "an index") == Int.min)
        #expect(throws: TensorError("an index must be a whole number, got 0.5")) { try ShapeValidation.integer(0.5, what: "an index") }
        #expect(throws: TensorError("an index must be a whole number, got inf")) { try ShapeValidation.integer(.infinity, what: "an index") }
        #expect(throws: TensorError("an index must be a whole number, got nan")) { try ShapeValidation.integer(.nan, what: "an index") }
        #expect(throws: TensorError("'low' is out of range, got 9.223372e+18")) { try ShapeValidation.integer(0x1p63, what: "'low'") }
    }
}
