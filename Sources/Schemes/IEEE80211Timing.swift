/// The IEEE 802.11 DCF timing of one unicast frame between the MN and its access
/// point, single station, no collisions (docs/MODELS.md 6.1.1). All times in ms.
///
/// One attempt (the time until the receiver has the frame; its ACK follows in
/// parallel with the forwarding, so it is not on a one-way critical path):
///
///   a = [DIFS + slot·B] + T_PLCP + 8(h + s)/R_data,  B ~ Uniform{0, …, CWmin}
///
/// with h the MAC header, FCS and LLC/SNAP bytes and s the IP packet. With
/// `immediateAccess` the first attempt finds the medium idle for longer than
/// DIFS + CWmin slots and goes at once (IEEE 802.11-2016 10.3.4.2 basic access;
/// INET's `Contention` backoff optimisation), so its bracket is 0.
/// A failed attempt (no ACK) costs the attempt plus the ACK timeout
/// SIFS + T_PLCP + 8·ACK/R_basic, and every retry pays DIFS + a fresh backoff
/// (the contention window is kept at CWmin: no doubling, a simplification).
public struct IEEE80211Timing: Sendable, Equatable {
    public var slotMs: Double
    public var sifsMs: Double
    public var difsMs: Double
    public var cwMin: Int
    /// PLCP preamble + PLCP header, ms.
    public var plcpMs: Double
    /// MAC header + FCS + LLC/SNAP, bytes.
    public var overheadBytes: Double
    public var ackBytes: Double
    public var dataRateBps: Double
    public var basicRateBps: Double
    /// The first attempt skips DIFS and backoff (an idle medium); retries never do.
    public var immediateAccess: Bool

    public init(
        slotMs: Double, sifsMs: Double, difsMs: Double, cwMin: Int, plcpMs: Double, overheadBytes: Double,
        ackBytes: Double, dataRateBps: Double, basicRateBps: Double, immediateAccess: Bool
    ) {
        self.slotMs = slotMs; self.sifsMs = sifsMs; self.difsMs = difsMs; self.cwMin = cwMin
        self.plcpMs = plcpMs; self.overheadBytes = overheadBytes; self.ackBytes = ackBytes
        self.dataRateBps = dataRateBps; self.basicRateBps = basicRateBps; self.immediateAccess = immediateAccess
    }

    /// Mean backoff of one access, slot·CWmin/2, ms.
    public var meanBackoffMs: Double { slotMs * Double(cwMin) / 2 }

    /// PLCP + the MAC frame of an IP packet of `bytes` at the data rate, ms.
    public func frameMs(_ bytes: Double) -> Double { plcpMs + 8 * (overheadBytes + bytes) / dataRateBps * 1000 }

    /// The random backoff slots of the first attempt: CWmin's uniform draw, or none (`immediateAccess`).
    public var firstAttemptBackoffs: Int { immediateAccess ? 0 : 1 }

    /// Deterministic part of the first attempt, ms: DIFS (unless immediate) + frame.
    public func firstAttemptFixedMs(_ bytes: Double) -> Double { (immediateAccess ? 0 : difsMs) + frameMs(bytes) }

    /// Mean first attempt, ms: `firstAttemptFixedMs` + its mean backoff.
    public func attemptMs(_ bytes: Double) -> Double {
        firstAttemptFixedMs(bytes) + Double(firstAttemptBackoffs) * meanBackoffMs
    }

    /// ACK timeout after a lost frame: SIFS + PLCP + the ACK at the basic rate, ms.
    public var ackTimeoutMs: Double { sifsMs + plcpMs + 8 * ackBytes / basicRateBps * 1000 }

    /// What a retry costs beyond a first attempt's mean: the ACK timeout, and DIFS + the mean
    /// backoff when the first attempt had none (ms). A retry costs τ + `retryExtraMs` on average.
    public var retryExtraMs: Double {
        ackTimeoutMs + (immediateAccess ? difsMs + meanBackoffMs : 0)
    }
}
