import CSHA256

/// SHA-256 (FIPS 180-4, section 6.2), incremental: the body checksum of a
/// sweep CSV and the hashes of scheme cards and scenarios in its sidecar.
/// Written here because the package has no crypto dependency and needs only
/// this one digest; tested against the FIPS 180-4 example vectors. On an x86
/// CPU with the SHA extensions the blocks are compressed by them (`CSHA256`,
/// about 5x the Swift rounds), chosen once at run time, so a copied binary still
/// runs on a CPU without them; tests check both give the same digests.
public struct SHA256: Sendable {
    // The state H0...H7 as stored words, not an array: no uniqueness check or
    // bounds check per block.
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c, h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// Whether this value compresses with the SHA extensions (tests turn it off to
    /// compare the two).
    var usesHardware = SHA256.hardware

    /// Whether the CPU has the SHA extensions (CPUID, read once).
    static let hardware = dmm_sha256_x86_available() != 0

    public init() { pending.reserveCapacity(64) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        length &+= UInt64(bytes.count)
        var i = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            i = take
            if pending.count == 64 {
                let block = pending
                block.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = (bytes.count - i) / 64
        if whole > 0 {
            compress(base + i, blocks: whole)
            i += 64 * whole
        }
        if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The digest as 64 lower-case hex digits.
    public func hexDigest() -> String {
        var copy = self
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (Int(length) + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let saved = copy.length
        copy.update(tail)
        copy.length = saved
        let hex: [Character] = Array("0123456789abcdef")
        var out = ""
        for word in [copy.h0, copy.h1, copy.h2, copy.h3, copy.h4, copy.h5, copy.h6, copy.h7] {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(hex[Int((word >> UInt32(shift)) & 0xf)]) }
        }
        return out
    }

    public static func hex(_ text: String) -> String {
        var h = SHA256()
        h.update(text)
        return h.hexDigest()
    }

    /// Compresses `blocks` consecutive 64-byte blocks from `start`. This runs once per
    /// 64 bytes of every sweep body, merged and checked CSV (a 100 x 100 sweep writes
    /// 360 MB), so: the state in locals across the blocks, the 64 rounds unrolled
    /// with the constants inline and the message schedule in 16 rolling locals,
    /// no allocation, no bounds check (about 1.2x the looped version).
    private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
        if usesHardware {
            var state = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &state) { words in
                dmm_sha256_x86_compress(
                    words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                    start.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = state
            return
        }
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        for block in 0..<blocks {
            let base = start + 64 * block
            let (a0, b0, c0, d0, e0, f0, g0, h0) = (a, b, c, d, e, f, g, h)  // shadows the state: the block's input
            var w0 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            var w1 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            var w2 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            var w3 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            var w4 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            var w5 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
            var w6 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
            var w7 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
            var w8 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
            var w9 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
            var w10 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
            var w11 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 44, as: UInt32.self))
            var w12 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 48, as: UInt32.self))
            var w13 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 52, as: UInt32.self))
            var w14 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 56, as: UInt32.self))
            var w15 = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 60, as: UInt32.self))
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0x428a2f98 &+ w0
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0x71374491 &+ w1
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0xb5c0fbcf &+ w2
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0xe9b5dba5 &+ w3
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0x3956c25b &+ w4
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0x59f111f1 &+ w5
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0x923f82a4 &+ w6
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0xab1c5ed5 &+ w7
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0xd807aa98 &+ w8
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0x12835b01 &+ w9
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0x243185be &+ w10
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0x550c7dc3 &+ w11
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0x72be5d74 &+ w12
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0x80deb1fe &+ w13
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0x9bdc06a7 &+ w14
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0xc19bf174 &+ w15
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let x = w1, y = w14; w0 = w0 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w9 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0xe49b69c1 &+ w0
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let x = w2, y = w15; w1 = w1 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w10 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0xefbe4786 &+ w1
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let x = w3, y = w0; w2 = w2 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w11 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0x0fc19dc6 &+ w2
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let x = w4, y = w1; w3 = w3 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w12 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0x240ca1cc &+ w3
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let x = w5, y = w2; w4 = w4 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w13 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0x2de92c6f &+ w4
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let x = w6, y = w3; w5 = w5 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w14 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0x4a7484aa &+ w5
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let x = w7, y = w4; w6 = w6 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w15 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0x5cb0a9dc &+ w6
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let x = w8, y = w5; w7 = w7 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w0 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0x76f988da &+ w7
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let x = w9, y = w6; w8 = w8 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w1 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0x983e5152 &+ w8
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let x = w10, y = w7; w9 = w9 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w2 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0xa831c66d &+ w9
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let x = w11, y = w8; w10 = w10 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w3 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0xb00327c8 &+ w10
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let x = w12, y = w9; w11 = w11 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w4 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0xbf597fc7 &+ w11
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let x = w13, y = w10; w12 = w12 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w5 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0xc6e00bf3 &+ w12
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let x = w14, y = w11; w13 = w13 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w6 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0xd5a79147 &+ w13
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let x = w15, y = w12; w14 = w14 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w7 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0x06ca6351 &+ w14
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let x = w0, y = w13; w15 = w15 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w8 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0x14292967 &+ w15
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let x = w1, y = w14; w0 = w0 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w9 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0x27b70a85 &+ w0
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let x = w2, y = w15; w1 = w1 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w10 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0x2e1b2138 &+ w1
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let x = w3, y = w0; w2 = w2 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w11 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0x4d2c6dfc &+ w2
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let x = w4, y = w1; w3 = w3 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w12 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0x53380d13 &+ w3
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let x = w5, y = w2; w4 = w4 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w13 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0x650a7354 &+ w4
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let x = w6, y = w3; w5 = w5 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w14 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
                do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0x766a0abb &+ w5
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let x = w7, y = w4; w6 = w6 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w15 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0x81c2c92e &+ w6
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let x = w8, y = w5; w7 = w7 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w0 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0x92722c85 &+ w7
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let x = w9, y = w6; w8 = w8 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w1 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0xa2bfe8a1 &+ w8
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let x = w10, y = w7; w9 = w9 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w2 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0xa81a664b &+ w9
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let x = w11, y = w8; w10 = w10 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w3 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0xc24b8b70 &+ w10
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let x = w12, y = w9; w11 = w11 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w4 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0xc76c51a3 &+ w11
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let x = w13, y = w10; w12 = w12 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w5 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0xd192e819 &+ w12
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let x = w14, y = w11; w13 = w13 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w6 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0xd6990624 &+ w13
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let x = w15, y = w12; w14 = w14 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w7 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0xf40e3585 &+ w14
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let x = w0, y = w13; w15 = w15 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w8 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
                do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0x106aa070 &+ w15
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let x = w1, y = w14; w0 = w0 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w9 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0x19a4c116 &+ w0
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let x = w2, y = w15; w1 = w1 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w10 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0x1e376c08 &+ w1
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let x = w3, y = w0; w2 = w2 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w11 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0x2748774c &+ w2
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let x = w4, y = w1; w3 = w3 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w12 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0x34b0bcb5 &+ w3
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let x = w5, y = w2; w4 = w4 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w13 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0x391c0cb3 &+ w4
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let x = w6, y = w3; w5 = w5 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w14 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0x4ed8aa4a &+ w5
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let x = w7, y = w4; w6 = w6 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w15 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0x5b9cca4f &+ w6
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let x = w8, y = w5; w7 = w7 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w0 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0x682e6ff3 &+ w7
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            do { let x = w9, y = w6; w8 = w8 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w1 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ 0x748f82ee &+ w8
                 d &+= t1; h = t1 &+ (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (c & (a ^ b))) }
            do { let x = w10, y = w7; w9 = w9 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w2 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = g &+ (d.rotatedRight(6) ^ d.rotatedRight(11) ^ d.rotatedRight(25)) &+ ((d & e) ^ (~d & f)) &+ 0x78a5636f &+ w9
                 c &+= t1; g = t1 &+ (h.rotatedRight(2) ^ h.rotatedRight(13) ^ h.rotatedRight(22)) &+ ((h & a) ^ (b & (h ^ a))) }
            do { let x = w11, y = w8; w10 = w10 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w3 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = f &+ (c.rotatedRight(6) ^ c.rotatedRight(11) ^ c.rotatedRight(25)) &+ ((c & d) ^ (~c & e)) &+ 0x84c87814 &+ w10
                 b &+= t1; f = t1 &+ (g.rotatedRight(2) ^ g.rotatedRight(13) ^ g.rotatedRight(22)) &+ ((g & h) ^ (a & (g ^ h))) }
            do { let x = w12, y = w9; w11 = w11 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w4 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = e &+ (b.rotatedRight(6) ^ b.rotatedRight(11) ^ b.rotatedRight(25)) &+ ((b & c) ^ (~b & d)) &+ 0x8cc70208 &+ w11
                 a &+= t1; e = t1 &+ (f.rotatedRight(2) ^ f.rotatedRight(13) ^ f.rotatedRight(22)) &+ ((f & g) ^ (h & (f ^ g))) }
            do { let x = w13, y = w10; w12 = w12 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w5 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = d &+ (a.rotatedRight(6) ^ a.rotatedRight(11) ^ a.rotatedRight(25)) &+ ((a & b) ^ (~a & c)) &+ 0x90befffa &+ w12
                 h &+= t1; d = t1 &+ (e.rotatedRight(2) ^ e.rotatedRight(13) ^ e.rotatedRight(22)) &+ ((e & f) ^ (g & (e ^ f))) }
            do { let x = w14, y = w11; w13 = w13 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w6 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = c &+ (h.rotatedRight(6) ^ h.rotatedRight(11) ^ h.rotatedRight(25)) &+ ((h & a) ^ (~h & b)) &+ 0xa4506ceb &+ w13
                 g &+= t1; c = t1 &+ (d.rotatedRight(2) ^ d.rotatedRight(13) ^ d.rotatedRight(22)) &+ ((d & e) ^ (f & (d ^ e))) }
            do { let x = w15, y = w12; w14 = w14 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w7 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = b &+ (g.rotatedRight(6) ^ g.rotatedRight(11) ^ g.rotatedRight(25)) &+ ((g & h) ^ (~g & a)) &+ 0xbef9a3f7 &+ w14
                 f &+= t1; b = t1 &+ (c.rotatedRight(2) ^ c.rotatedRight(13) ^ c.rotatedRight(22)) &+ ((c & d) ^ (e & (c ^ d))) }
            do { let x = w0, y = w13; w15 = w15 &+ (x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)) &+ w8 &+ (y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)) }
            do { let t1 = a &+ (f.rotatedRight(6) ^ f.rotatedRight(11) ^ f.rotatedRight(25)) &+ ((f & g) ^ (~f & h)) &+ 0xc67178f2 &+ w15
                 e &+= t1; a = t1 &+ (b.rotatedRight(2) ^ b.rotatedRight(13) ^ b.rotatedRight(22)) &+ ((b & c) ^ (d & (b ^ c))) }
            a &+= a0; b &+= b0; c &+= c0; d &+= d0; e &+= e0; f &+= f0; g &+= g0; h &+= h0
        }
        h0 = a; h1 = b; h2 = c; h3 = d; h4 = e; h5 = f; h6 = g; h7 = h
    }
}

extension UInt32 {
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self &>> n) | (self &<< (32 &- n)) }
}
