import Testing

@testable import Reports

/// `TidyNumber.appendReal` (the sweep's formatter) against `TidyNumber.real`
/// (`Double.description`, what every other table prints): the same bytes for
/// every finite double, so a sweep CSV reads the same whichever path wrote it.
@Suite("Tidy number formatting")
struct TidyNumberTests {
    /// xorshift64: reproducible bit patterns without a dependency on the library's generators.
    struct Bits {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
    }

    /// `x` appended after "a," to a String and to the sweep's byte sink; both must agree.
    static func appended(_ x: Double) throws -> String {
        var out = "a,"
        try TidyNumber.appendReal(x, to: &out, scheme: "s", metric: "m", field: "estimate")
        var sink = SweepCSV.ByteSink(bytes: Array("a,".utf8))
        try TidyNumber.appendReal(x, to: &sink, scheme: "s", metric: "m", field: "estimate")
        let bytes = String(decoding: sink.bytes, as: UTF8.self)
        return bytes == out ? out : "string \(out) bytes \(bytes)"
    }

    @Test func appendMatchesDescriptionOverRandomDoubles() throws {
        var bits = Bits()
        var mismatches: [String] = []
        for _ in 0..<40_000 {
            let b = bits.next()
            let values = [
                Double(bitPattern: b),  // any finite pattern: huge, tiny, subnormal, negative
                Double(bitPattern: b & 0x800F_FFFF_FFFF_FFFF),  // subnormals and ±0
                Double(Int64(bitPattern: bits.next()) >> Int(bits.next() % 63)),  // integers of every size
                Double(bits.next() % 1_000_000) / 1000,  // short decimals
                Double(bits.next()) / Double(UInt64.max) * 1e300,
                -Double(bits.next()) / Double(UInt64.max) * 1e-300,
            ]
            for x in values where x.isFinite {
                let text = try Self.appended(x)
                if text != "a," + TidyNumber.real(x)! { mismatches.append("\(x.bitPattern): \(text)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test(arguments: [
        0.0, -0.0, 1, -1, 120, 0.1 + 0.2, 1e-4, 1e-5, 1e15, 1e16, -1e16, 9_007_199_254_740_993, 1e300, -1e-300,
        Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, Double.greatestFiniteMagnitude,
        -Double.greatestFiniteMagnitude, 2.225_073_858_507_201e-308, 144.000_045_662_100_46,
    ])
    func edgeCases(x: Double) throws {
        #expect(try Self.appended(x) == "a," + TidyNumber.real(x)!)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteIsRefusedNamingTheField(x: Double) {
        #expect(throws: TidyNumber.NonFinite.self) { try Self.appended(x) }
        do { _ = try Self.appended(x) } catch let e as TidyNumber.NonFinite {
            #expect(e.description == "s m: estimate is not a finite number; the model produced NaN or infinity here")
        } catch { Issue.record("unexpected \(error)") }
    }
}
