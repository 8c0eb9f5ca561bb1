/// A closed-form number with its exactness declared by the formula that computed it.
public struct ClosedFormValue: Sendable, Equatable {
    public var value: Double
    public var exactness: Exactness
    public init(_ value: Double, _ exactness: Exactness = .exact) {
        self.value = value
        self.exactness = exactness
    }
}
