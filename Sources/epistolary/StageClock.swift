import Foundation

/// Wall and CPU time per stage, printed as `[timing] stage seconds s  cpu seconds s` lines
/// when enabled (the form the Python peer prints, so benchmark scripts read both). CPU time
/// is the steadier figure on a shared machine.
struct StageClock {
    let enabled: Bool
    /// The command the stages belong to ("timeline", "graph").
    let prefix: String
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()

    init(enabled: Bool, prefix: String) {
        self.enabled = enabled
        self.prefix = prefix
    }

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now(), cpu = StageClock.cpuSeconds()
        if enabled {
            let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
            let padded = stage.padding(toLength: 12, withPad: " ", startingAt: 0)
            let line = "[timing] \(prefix).\(padded) \(String(format: "%9.3f", seconds)) s  cpu \(String(format: "%9.3f", cpu - lastCPU)) s\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        last = now
        lastCPU = cpu
    }

    /// User plus system CPU time of the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
