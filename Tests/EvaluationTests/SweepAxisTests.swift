import Evaluation
import Testing

@Suite("Sweep SPEC parsing")
struct SweepAxisTests {
    @Test func commaListKeepsValuesVerbatim() throws {
        let axis = try SweepAxis.parse("topology.global_ha_count=1,2, 4,8")
        #expect(axis.path == "topology.global_ha_count")
        #expect(axis.values == ["1", "2", "4", "8"])
    }

    @Test func semicolonListCarriesLawSpecs() throws {
        let axis = try SweepAxis.parse("traffic.session_duration=exponential:mean=60;gamma:shape=2,mean=60")
        #expect(axis.values == ["exponential:mean=60", "gamma:shape=2,mean=60"])
        #expect(try SweepAxis.parse("a.b=gamma:shape=2,mean=60;").values == ["gamma:shape=2,mean=60"])
    }

    @Test func linearRangeIsEvenlySpacedAndEndsExactly() throws {
        // 0, 0.1, ..., 1 by hand: i/10.
        #expect(try SweepAxis.parse("x=0:1:11").values == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"])
        #expect(try SweepAxis.parse("x=10:30:3").values == ["10", "20", "30"])
        #expect(try SweepAxis.parse("x=5:5:1").values == ["5"])
        #expect(try SweepAxis.parse("x=3:-1:3").values == ["3", "1", "-1"])
    }

    @Test func logRangeIsGeometric() throws {
        #expect(try SweepAxis.parse("x=1:1000:4:log").values == ["1", "10", "100", "1000"])
        // 10^(0.5) = 3.16227766017 at 12 significant digits.
        #expect(try SweepAxis.parse("x=1:10:3:log").values == ["1", "3.16227766017", "10"])
    }

    @Test func lawSpecWithColonIsNotARange() throws {
        #expect(try SweepAxis.parse("m.residence=exponential:mean=60").values == ["exponential:mean=60"])
    }

    @Test(arguments: [
        ("x", "expected PATH=SPEC"),
        ("=1,2", "is not a dotted scenario path"),
        ("x=", "empty SPEC"),
        ("x=1,,2", "empty list item"),
        ("x=1:2:0", "COUNT 0 is out of range 1...1000000"),
        ("x=1:2:2.5", "COUNT '2.5' is not an integer"),
        ("x=1:nan:3", "STOP 'nan' is not a finite number"),
        ("x=0:10:3:log", "a log range needs START > 0 and STOP > 0"),
        ("x=1,2,1", "value '1' appears twice"),
        ("x=gamma:shape=2,mean=60", "separate law specs with ';'"),
        ("x=1:1.0000000000001:5", "appears twice at 12 significant digits"),
    ])
    func malformedSpecIsRefusedWithTheReason(argument: String, reason: String) {
        #expect {
            try SweepAxis.parse(argument)
        } throws: { error in
            (error as? SweepError)?.message.contains(reason) == true
        }
    }

    /// Issue 12: a SPEC that starts with a number and holds ':' is a range; a
    /// wrong number of fields is a range error, not a law parse error.
    @Test func aMalformedRangeIsARangeError() {
        let allowed = "allowed: a list a,b,c (or A;B;C when values hold commas), a range START:STOP:COUNT or START:STOP:COUNT:log"
        #expect(throws: SweepError(
            "--vary mobility.residence.mean=10:600: range '10:600' has 2 fields; write START:STOP:COUNT (e.g. 10:600:10); \(allowed)"
        )) { try SweepAxis.parse("mobility.residence.mean=10:600") }
        #expect(throws: SweepError(
            "--vary x=1:10:5:lin: range '1:10:5:lin': the fourth field must be 'log', not 'lin'; \(allowed)"
        )) { try SweepAxis.parse("x=1:10:5:lin") }
        #expect(throws: SweepError("--vary x=1:2:3:log:5: range '1:2:3:log:5' has 5 fields; write START:STOP:COUNT (e.g. 1:2:10); \(allowed)")) {
            try SweepAxis.parse("x=1:2:3:log:5")
        }
    }
}
