#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The number of CPUs this process may run on: the default worker count.
///
/// On Linux this is the size of the process's CPU affinity mask
/// (`sched_getaffinity(2)`), which is what a batch scheduler or `taskset`
/// grants: a Slurm task with `--cpus-per-task=4` on a 64-core node, or GNU
/// parallel jobs pinned to cores, see 4 CPUs, not 64.
/// `ProcessInfo.activeProcessorCount` counts every online core of the machine
/// and would oversubscribe such a node. Elsewhere (macOS, or if the call
/// fails) it falls back to `activeProcessorCount`. Always at least 1.
public enum ProcessorAffinity {
    public static var availableCPUCount: Int {
        #if os(Linux)
        if let count = affinityCount(), count > 0 { return count }
        #endif
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    #if os(Linux)
    /// Counts the bits of the affinity mask. The mask is sized by the kernel's
    /// CPU count, which may exceed glibc's 1024-bit `cpu_set_t`, so the buffer
    /// grows while the kernel answers EINVAL (too small).
    static func affinityCount() -> Int? {
        var words = 16  // 1024 bits, glibc's cpu_set_t
        while words <= 1 << 16 {
            var mask = [UInt](repeating: 0, count: words)
            let status = mask.withUnsafeMutableBytes { raw in
                dmm_sched_getaffinity(0, raw.count, raw.baseAddress!)
            }
            if status == 0 { return mask.reduce(0) { $0 + $1.nonzeroBitCount } }
            guard errno == EINVAL else { return nil }
            words *= 2
        }
        return nil
    }
    #endif
}

#if os(Linux)
// glibc declares sched_getaffinity only under _GNU_SOURCE, which the Glibc
// module is not built with, so Swift cannot see it; its C signature is
// int sched_getaffinity(pid_t, size_t, cpu_set_t *), whose argument and result
// types (Int32, Int, pointer) pass the same way under Swift's and C's calling
// conventions on every Linux target Swift supports.
@_silgen_name("sched_getaffinity")
private func dmm_sched_getaffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif
