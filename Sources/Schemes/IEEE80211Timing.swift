/// The IEEE 802.11 DCF timing of one unicast frame between the MN and its access
/// point, single station, no collisions (docs/MODELS.md 6.1.1). All times in ms.
///
/// One attempt (the time until the receiver has the frame; its ACK follows in
/// parallel with the forwarding, so it is not on a one-way critical path):
///
///   a = [DIFS + slot·B] + T_PLCP + 8(h + s)/R_data,  B ~ Uniform{0, …, CWmin}
///
/// (with an OFDM PHY the frame and the ACK take whole 4 µs symbols: `ppduMs`)
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
    /// OFDM PHY: the PSDU goes out in whole 4 µs symbols (`ppduMs`); DSSS: no rounding.
    public var ofdmSymbols: Bool

    public init(
        slotMs: Double, sifsMs: Double, difsMs: Double, cwMin: Int, plcpMs: Double, overheadBytes: Double,
        ackBytes: Double, dataRateBps: Double, basicRateBps: Double, immediateAccess: Bool, ofdmSymbols: Bool = false
    ) {
        self.slotMs = slotMs; self.sifsMs = sifsMs; self.difsMs = difsMs; self.cwMin = cwMin
        self.plcpMs = plcpMs; self.overheadBytes = overheadBytes; self.ackBytes = ackBytes
        self.dataRateBps = dataRateBps; self.basicRateBps = basicRateBps; self.immediateAccess = immediateAccess
        self.ofdmSymbols = ofdmSymbols
    }

    /// OFDM symbol, ms (T_SYM = 4 µs, IEEE 802.11-2016 17.3.2.4 with the 20 MHz channel).
    public static let ofdmSymbolMs = 0.004

    /// Air time of a PPDU carrying `psduBytes` at `rateBps`, ms. DSSS: T_PLCP + 8·L/R.
    /// OFDM (IEEE 802.11-2016 17.4.3, TXTIME): T_PREAMBLE + T_SIGNAL + T_SYM·N_SYM with
    /// N_SYM = ⌈(16 + 8·L + 6)/N_DBPS⌉, N_DBPS = R·T_SYM data bits per symbol (16 SERVICE
    /// bits, 6 tail bits); T_PLCP stands for T_PREAMBLE + T_SIGNAL.
    public func ppduMs(psduBytes: Double, rateBps: Double) -> Double {
        guard ofdmSymbols else { return plcpMs + 8 * psduBytes / rateBps * 1000 }
        let bitsPerSymbol = rateBps * Self.ofdmSymbolMs / 1000
        // A quotient within a relative 1e-12 of an integer is that integer: R·T_SYM is exact
        // only up to floating-point rounding (24 Mbit/s·4 µs = 96 bits comes out 96.00000000000001).
        let symbols = ((16 + 8 * psduBytes + 6) / bitsPerSymbol * (1 - 1e-12)).rounded(.up)
        return plcpMs + symbols * Self.ofdmSymbolMs
    }

    /// Mean backoff of one access, slot·CWmin/2, ms.
    public var meanBackoffMs: Double { slotMs * Double(cwMin) / 2 }

    /// PLCP + the MAC frame of an IP packet of `bytes` at the data rate, ms (`ppduMs`).
    public func frameMs(_ bytes: Double) -> Double { ppduMs(psduBytes: overheadBytes + bytes, rateBps: dataRateBps) }

    /// The random backoff slots of the first attempt: CWmin's uniform draw, or none (`immediateAccess`).
    public var firstAttemptBackoffs: Int { immediateAccess ? 0 : 1 }

    /// Deterministic part of the first attempt, ms: DIFS (unless immediate) + frame.
    public func firstAttemptFixedMs(_ bytes: Double) -> Double { (immediateAccess ? 0 : difsMs) + frameMs(bytes) }

    /// Mean first attempt, ms: `firstAttemptFixedMs` + its mean backoff.
    public func attemptMs(_ bytes: Double) -> Double {
        firstAttemptFixedMs(bytes) + Double(firstAttemptBackoffs) * meanBackoffMs
    }

    /// ACK timeout after a lost frame: SIFS + PLCP + the ACK at the basic rate, ms.
    public var ackTimeoutMs: Double { sifsMs + ppduMs(psduBytes: ackBytes, rateBps: basicRateBps) }

    /// What a retry costs beyond a first attempt's mean: the ACK timeout, and DIFS + the mean
    /// backoff when the first attempt had none (ms). A retry costs τ + `retryExtraMs` on average.
    public var retryExtraMs: Double {
        ackTimeoutMs + (immediateAccess ? difsMs + meanBackoffMs : 0)
    }
}
