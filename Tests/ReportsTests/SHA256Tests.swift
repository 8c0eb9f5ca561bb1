import Foundation
import Testing

@testable import Reports

/// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf",
/// "SHA2_Additional.pdf") and against split updates of the same bytes.
@Suite("SHA-256 (FIPS 180-4 vectors)")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func vectors(text: String, digest: String) {
        #expect(SHA256.hex(text) == digest)
    }

    @Test func millionAs() {
        var h = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Many blocks in one update (the unrolled multi-block path) against the same
    /// bytes fed in uneven pieces (the pending-buffer path), and against the digest
    /// of `sha256sum` for these bytes (0, 1, ..., 255 repeated to 100 000 bytes).
    @Test func longInputInOneUpdateEqualsUnevenPieces() {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        var whole = SHA256()
        whole.update(bytes)
        var pieces = SHA256()
        var i = 0, step = 1
        while i < bytes.count {
            let n = min(step, bytes.count - i)
            pieces.update(Array(bytes[i..<(i + n)]))
            i += n
            step = step % 197 + 13
        }
        #expect(pieces.hexDigest() == whole.hexDigest())
        #expect(whole.hexDigest() == "db8f1d69251d95e2c88268d3c540533cc5182e0e33065a6f3f322f606a574489")
    }

    @Test func splitUpdatesEqualOneUpdate() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var whole = SHA256()
        whole.update(bytes)
        for split in [1, 55, 56, 63, 64, 65, 500] {
            var h = SHA256()
            h.update(Array(bytes[0..<split]))
            h.update(Array(bytes[split...]))
            #expect(h.hexDigest() == whole.hexDigest(), "split \(split)")
        }
    }

    /// The SHA-extension rounds against the Swift rounds: every length from 0 to 300
    /// bytes (every padding case, one to six blocks) and 1 MB of pseudo-random bytes in
    /// uneven pieces, plus the FIPS vectors on each path. On a CPU without the
    /// extensions `usesHardware` is false and only the Swift rounds are checked.
    @Test func hardwareRoundsEqualSwiftRounds() {
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        let bytes = (0..<1_000_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        func digest(_ input: ArraySlice<UInt8>, hardware: Bool, step: Int? = nil) -> String {
            var h = SHA256()
            h.usesHardware = hardware
            if let step {
                var i = input.startIndex
                while i < input.endIndex {
                    let n = min(step, input.endIndex - i)
                    h.update(Array(input[i..<(i + n)]))
                    i += n
                }
            } else {
                h.update(Array(input))
            }
            return h.hexDigest()
        }
        for n in 0...300 {
            #expect(digest(bytes[0..<n], hardware: SHA256.hardware) == digest(bytes[0..<n], hardware: false), "\(n) bytes")
        }
        #expect(digest(bytes[...], hardware: SHA256.hardware, step: 4097) == digest(bytes[...], hardware: false))
        for hardware in [false, SHA256.hardware] {
            var h = SHA256()
            h.usesHardware = hardware
            h.update("abc")
            #expect(h.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        }
    }

    /// This machine class has the extensions: the comparison above must exercise them
    /// here (on another CPU this says so rather than failing silently into one path).
    @Test func hardwarePathIsDetectedWhereTheCPUHasIt() throws {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let listed = cpuinfo.split(separator: "\n").contains { $0.hasPrefix("flags") && $0.split(separator: " ").contains("sha_ni") }
        #expect(SHA256.hardware == listed)
    }
}
