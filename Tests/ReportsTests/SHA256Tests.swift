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
}
