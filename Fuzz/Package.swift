// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the readers and the DOT writer, kept out of the main package so its
// normal build is untouched. Build and run with `make fuzz` (or see Fuzz/README.md):
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Each target is an executable whose `LLVMFuzzerTestOneInput` checks the reader's or the
// writer's invariants and traps (a crash libFuzzer reports) when one does not hold.
// The targets import the main package's modules, which the `Epistolary` product builds.
let package = Package(
    name: "EpistolaryFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Epistolary", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Epistolary", package: "Epistolary")]),
        .executableTarget(name: "FuzzTelegram", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCMIF", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzTOML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzDOT", dependencies: ["FuzzSupport"]),
    ]
)
