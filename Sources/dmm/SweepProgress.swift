import Dispatch
import Foundation

/// "points done/total, rate, time left" on one stderr line, redrawn at most
/// four times a second (docs/ARCHITECTURE.md: only on a terminal or with --progress).
final class SweepProgress {
    let start = DispatchTime.now().uptimeNanoseconds
    var last: UInt64 = 0
    var firstDone: Int?
    var drawn = false

    func update(done: Int, total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        if firstDone == nil { firstDone = done - 1 }
        guard done == total || now - last > 250_000_000 else { return }
        last = now
        let seconds = Double(now - start) / 1e9
        let computed = done - (firstDone ?? 0)
        let rate = seconds > 0 ? Double(computed) / seconds : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let percent = total > 0 ? 100 * Double(done) / Double(total) : 100
        let tail = done == total ? "done in \(Self.clock(seconds))  " : "\(Self.clock(left)) left "
        let line = String(
            format: "\rsweep: %d/%d points (%.1f%%), %.1f points/s, ", done, total, percent, rate) + tail
        Diagnostics.write(line)
        drawn = true
    }

    func finish() { if drawn { Diagnostics.write("\n") } }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
