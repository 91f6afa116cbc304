import Correspondence
import Foundation

/// Wall and CPU time per stage, printed as `[timing] stage seconds s  cpu seconds s` lines
/// when enabled (the form the Python peer prints, so benchmark scripts read both), then the
/// stage's page faults (on a virtual machine the first touch of fresh memory is what a large
/// layout spends most on) and the resident memory when the stage ends. CPU time is the
/// steadier figure on a shared machine.
struct StageClock {
    let enabled: Bool
    /// The command the stages belong to ("timeline", "graph").
    let prefix: String
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()
    private var lastFaults = StageClock.pageFaults()

    init(enabled: Bool, prefix: String) {
        self.enabled = enabled
        self.prefix = prefix
    }

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now(), cpu = StageClock.cpuSeconds(), faults = StageClock.pageFaults()
        if enabled {
            let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
            let padded = stage.padding(toLength: 12, withPad: " ", startingAt: 0)
            let line = "[timing] \(prefix).\(padded) \(String(format: "%9.3f", seconds)) s  cpu \(String(format: "%9.3f", cpu - lastCPU)) s"
                + "  page faults \(faults - lastFaults)" + (StageClock.residentMegabytes().map { "  resident \($0) MB" } ?? "") + "\n"
            StandardError.write(line)
        }
        last = now
        lastCPU = cpu
        lastFaults = faults
    }

    /// The process's resident memory now, in MB (from `/proc/self/statm`; nil where there is
    /// none): what is held when a stage ends, where `/usr/bin/time` gives only the peak.
    static func residentMegabytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// The process's peak resident memory so far, in MB (`VmHWM` of `/proc/self/status`; nil
    /// where there is none): what `/usr/bin/time` reports at the end, read as work goes on.
    static func peakMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kB / 1024
    }

    /// Page faults of the process so far (minor ones: memory touched for the first time).
    static func pageFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }

    /// User plus system CPU time of the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
