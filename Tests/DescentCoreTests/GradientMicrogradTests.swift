import DescentCore
import DescentTensor
import Testing

/// micrograd's two engine tests (test/test_engine.py), whose values come from PyTorch.
@Suite struct GradientMicrogradTests {
    @Test func sanityCheck() throws {
        let t = Tape()
        t.isRecording = true
        let x = t.leaf(Tensor(-4))
        let z = try t.add(try t.add(try t.mul(constantVar(2), x), constantVar(2)), x)
        let q = try t.add(t.unary(.relu, z), try t.mul(z, x))
        let h = t.unary(.relu, try t.mul(z, z))
        let y = try t.add(try t.add(h, q), try t.mul(q, x))
        #expect(abs(y.value.scalars[0] - -20) < 1e-9)
        let gradient = t.gradients(of: y, at: [x])[0].scalars[0]
        #expect(abs(gradient - 46) < 1e-9)
    }

    @Test func moreOperations() throws {
        let t = Tape()
        t.isRecording = true
        let a = t.leaf(Tensor(-4))
        let b = t.leaf(Tensor(2))
        var c = try t.add(a, b)
        var d = try t.add(try t.mul(a, b), try t.pow(b, constantVar(3)))
        c = try t.add(c, try t.add(c, constantVar(1)))
        c = try t.add(c, try t.add(try t.add(constantVar(1), c), t.unary(.negate, a)))
        d = try t.add(d, try t.add(try t.mul(d, constantVar(2)), t.unary(.relu, try t.add(b, a))))
        d = try t.add(d, try t.add(try t.mul(constantVar(3), d), t.unary(.relu, try t.sub(b, a))))
        let e = try t.sub(c, d)
        let f = try t.pow(e, constantVar(2))
        var g = try t.div(f, constantVar(2))
        g = try t.add(g, try t.div(constantVar(10), f))
        #expect(abs(g.value.scalars[0] - 24.70408163265306) < 1e-9)
        let gradients = t.gradients(of: g, at: [a, b])
        #expect(abs(gradients[0].scalars[0] - 138.83381924198252) < 1e-9)
        #expect(abs(gradients[1].scalars[0] - 645.5772594752186) < 1e-9)
    }
}
