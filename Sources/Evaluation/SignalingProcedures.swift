import Schemes

/// A scheme's signaling procedures by event: a card's `procedures`, used as is
/// so that evaluating many scenarios converts nothing.
public typealias SignalingProcedures = [ProcedureEvent: [SignalingMessage]]
