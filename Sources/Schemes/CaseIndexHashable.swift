/// A case-only enum with a raw String, compared and hashed by its case index
/// rather than by its raw value.
///
/// Why: a raw-valued enum's `==` and `hash(into:)` default to its raw value's, so
/// every dictionary lookup keyed by `ProcedureEvent` or `MessageSizeKey` hashed a
/// String, a twelfth of a closed-form sweep point. The case index is the enum's
/// whole stored value (one byte for fewer than 256 cases and no payloads: checked
/// for every conforming type by `CaseIndexHashableTests`), so equality and hashing
/// mean the same as before; only dictionary and set iteration order, already
/// seeded afresh in every process and so never relied on, changes.
public protocol CaseIndexHashable: Hashable, RawRepresentable, CaseIterable {}

extension CaseIndexHashable {
    /// The position of the case in its declaration (`allCases` order).
    @inline(__always) public var caseIndex: UInt8 { unsafeBitCast(self, to: UInt8.self) }

    @inline(__always) public static func == (a: Self, b: Self) -> Bool { a.caseIndex == b.caseIndex }

    @inline(__always) public func hash(into hasher: inout Hasher) { hasher.combine(caseIndex) }
}
