// swift-tools-version:6.0
import PackageDescription

// Modules follow docs/DESIGN.md: data flows one way, Correspondence -> Analysis ->
// GraphRender / TimelineRender / Export, with Styling feeding both renderers.
// TOMLReader is the one small parser shared by theme sheets (Styling) and topic files
// (Analysis): both need errors that name the file, line and key.
// Every target: a file sees only the members of the modules it imports itself, so the
// compiler enforces the layering of docs/DESIGN.md file by file.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "Epistolary",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "epistolary", targets: ["EpistolaryCLI"]),
        .library(name: "Epistolary", targets: ["Epistolary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CGraphviz", path: "Sources/CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        // libxml2's streaming reader, for CMIF: no size limit, no trap on bad bytes (issue 17).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // libpng, for the figures' PNGs (a fast filter and a low zlib level; DESIGN.md).
        .systemLibrary(name: "CLibPNG", path: "Sources/CLibPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        // OpenSSL's libcrypto, for SHA-256 (DESIGN.md: measured against our own code).
        .systemLibrary(name: "CLibCrypto", path: "Sources/CLibCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .target(name: "TOMLReader", swiftSettings: swiftSettings),
        .target(name: "Correspondence", dependencies: ["CLibXML2", "CLibCrypto"], resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .target(name: "Analysis", dependencies: ["Correspondence", "TOMLReader"], resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .target(name: "Styling", dependencies: ["Correspondence", "TOMLReader"], resources: [.process("Sheets")], swiftSettings: swiftSettings),
        // What both renderers draw with: the one time axis, text measured by Cairo, Cairo
        // documents written into memory, PNGs through libpng.
        .target(name: "Drawing", dependencies: ["Correspondence", "CCairo", "CLibPNG"], swiftSettings: swiftSettings),
        .target(name: "GraphRender", dependencies: ["Correspondence", "Analysis", "Styling", "Drawing", "CGraphviz", "CCairo"], swiftSettings: swiftSettings),
        .target(name: "TimelineRender", dependencies: ["Correspondence", "Analysis", "Styling", "Drawing", "TOMLReader", "CCairo"], resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .target(name: "Export", dependencies: ["Correspondence", "Analysis"], swiftSettings: swiftSettings),
        // The library: a small API over the modules above (read, analyse, draw, export).
        .target(name: "Epistolary", dependencies: [
            "Correspondence", "Analysis", "Styling", "GraphRender", "TimelineRender", "Export",
        ], swiftSettings: swiftSettings),
        // The command-line tool. Its module is EpistolaryCLI (the binary is still `epistolary`):
        // a module named `epistolary` beside the library's `Epistolary` would collide on
        // case-insensitive file systems.
        .executableTarget(name: "EpistolaryCLI", dependencies: [
            "Correspondence", "Analysis", "Styling", "GraphRender", "TimelineRender", "Export", "TOMLReader",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/epistolary", swiftSettings: swiftSettings,
        // jemalloc as the tool's allocator on Linux (issue 13): glibc's malloc spent ~9% of the
        // read and the analysis waiting on its arena locks when one thread frees what another
        // made. The measurements are in DESIGN.md ("jemalloc for the command-line tool").
        linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        .executableTarget(name: "EpistolaryBench", dependencies: [
            "Correspondence", "Analysis", "Styling", "GraphRender", "TimelineRender", "Export",
        ], path: "Benchmarks/Sources/EpistolaryBench", swiftSettings: swiftSettings),
        // What the test targets share: one process runner, temporary folders removed at exit,
        // the package's paths (in the manner of swift-argument-parser's ArgumentParserTestHelpers).
        .target(name: "EpistolaryTestSupport", dependencies: ["Correspondence", "Analysis"], path: "Tests/EpistolaryTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "TOMLReaderTests", dependencies: ["TOMLReader"], swiftSettings: swiftSettings),
        .testTarget(name: "CorrespondenceTests", dependencies: ["Correspondence", "EpistolaryTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "AnalysisTests", dependencies: ["Correspondence", "Analysis", "EpistolaryTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "StylingTests", dependencies: ["Styling", "Correspondence", "TOMLReader", "EpistolaryTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GraphRenderTests", dependencies: ["GraphRender", "Correspondence", "Analysis", "Styling", "CCairo", "TimelineRender", "Drawing", "EpistolaryTestSupport"], exclude: ["valgrind-render-loop.sh"], swiftSettings: swiftSettings),
        .testTarget(name: "TimelineRenderTests", dependencies: ["TimelineRender", "Drawing", "Analysis", "Styling", "Correspondence", "CCairo", "EpistolaryTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Correspondence", "Analysis", "EpistolaryTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["EpistolaryCLI", "EpistolaryTestSupport", "Correspondence", "Analysis", "GraphRender", "TimelineRender",
                                                  .product(name: "ArgumentParser", package: "swift-argument-parser")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "EpistolaryTests", dependencies: ["Epistolary"], swiftSettings: swiftSettings),
    ]
)
