import Evaluation
import Testing
@testable import Schemes

/// `CaseIndexHashable` reads an enum's stored byte as its case index: that holds only
/// for a one-byte, payload-free enum whose cases are stored in declaration order.
/// Checked for every conforming type, against `allCases` and the raw values.
@Suite("Case-index hashing")
struct CaseIndexHashableTests {
    static func check<E: CaseIndexHashable>(_: E.Type) where E.RawValue == String {
        #expect(MemoryLayout<E>.size == 1)
        let all = Array(E.allCases)
        #expect(all.map { Int($0.caseIndex) } == Array(all.indices))
        // Equality means what the raw values say, and equal values hash alike.
        for a in all {
            for b in all {
                #expect((a == b) == (a.rawValue == b.rawValue))
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
        }
        // As dictionary keys: every case found under its own value and no other.
        let byValue = Dictionary(uniqueKeysWithValues: all.map { ($0, $0.rawValue) })
        #expect(byValue.count == all.count)
        for a in all { #expect(byValue[a] == a.rawValue) }
        #expect(Set(all).count == Set(all.map(\.rawValue)).count)
    }

    @Test func everyConformingEnumIsOneByteInDeclarationOrder() {
        Self.check(ProcedureEvent.self)
        Self.check(Role.self)
        Self.check(RepeatRule.self)
        Self.check(MessageSizeKey.self)
        Self.check(ElementKind.self)
        Self.check(Metric.self)
    }
}
