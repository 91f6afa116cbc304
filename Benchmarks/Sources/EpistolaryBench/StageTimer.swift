import Foundation

/// Times one stage of the pipeline: wall-clock and process CPU time per run, over several
/// runs, reporting the median and the best. CPU time is the steadier figure on a shared
/// machine; wall time is what a user waits.
struct StageTimer {
    struct Result: Encodable {
        let stage: String
        let runs: Int
        let wallMedianMS: Double
        let wallBestMS: Double
        let cpuMedianMS: Double

        enum CodingKeys: String, CodingKey {
            case stage, runs
            case wallMedianMS = "wall_median_ms"
            case wallBestMS = "wall_best_ms"
            case cpuMedianMS = "cpu_median_ms"
        }
    }

    let runs: Int

    /// Runs `body` `runs` times and returns its timings and the last result. With more than
    /// one run, an untimed warm-up run comes first; a single run is cold, as a user's is.
    func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> (Result, T) {
        if runs > 1 { _ = try body() }
        var walls: [Double] = [], cpus: [Double] = []
        func timedRun() throws -> T {
            let wall0 = DispatchTime.now().uptimeNanoseconds, cpu0 = Self.cpuNanoseconds()
            let value = try body()
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e6)
            cpus.append(Double(Self.cpuNanoseconds() - cpu0) / 1e6)
            return value
        }
        var last = try timedRun()
        for _ in 1..<max(1, runs) { last = try timedRun() }
        let result = Result(stage: stage, runs: walls.count, wallMedianMS: Self.median(walls),
                            wallBestMS: walls.min() ?? 0, cpuMedianMS: Self.median(cpus))
        let name = stage.padding(toLength: max(28, stage.count), withPad: " ", startingAt: 0)
        FileHandle.standardError.write(Data((name + String(format: " wall %9.2f ms (best %9.2f)  cpu %9.2f ms  [%d runs]\n",
                                                           result.wallMedianMS, result.wallBestMS, result.cpuMedianMS, runs)).utf8))
        return (result, last)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func cpuNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
