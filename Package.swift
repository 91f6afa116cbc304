// swift-tools-version:6.0
import PackageDescription

// Modules follow docs/DESIGN.md: data flows one way, Correspondence -> Analysis ->
// GraphRender / TimelineRender / Export, with Styling feeding both renderers.
// TOMLReader is the one small parser shared by theme sheets (Styling) and topic files
// (Analysis): both need errors that name the file, line and key.
let package = Package(
    name: "Epistolary",
    platforms: [.macOS(.v13)],
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
        .target(name: "TOMLReader"),
        .target(name: "Correspondence", resources: [.copy("Resources")]),
        .target(name: "Analysis", dependencies: ["Correspondence", "TOMLReader"], resources: [.copy("Resources")]),
        .target(name: "Styling", dependencies: ["TOMLReader"], resources: [.process("Sheets")]),
        .target(name: "GraphRender", dependencies: ["Analysis", "Styling", "CGraphviz", "CCairo"]),
        .target(name: "TimelineRender", dependencies: ["Analysis", "Styling", "TOMLReader", "CCairo"], resources: [.copy("Resources")]),
        .target(name: "Export", dependencies: ["Analysis"]),
        // The library: a small API over the modules above (read, analyse, draw, export).
        .target(name: "Epistolary", dependencies: [
            "Correspondence", "Analysis", "Styling", "GraphRender", "TimelineRender", "Export",
        ]),
        // The command-line tool. Its module is EpistolaryCLI (the binary is still `epistolary`):
        // a module named `epistolary` beside the library's `Epistolary` would collide on
        // case-insensitive file systems.
        .executableTarget(name: "EpistolaryCLI", dependencies: [
            "Correspondence", "Analysis", "Styling", "GraphRender", "TimelineRender", "Export", "TOMLReader",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/epistolary"),
        .executableTarget(name: "EpistolaryBench", dependencies: [
            "Correspondence", "Analysis", "Styling", "GraphRender", "TimelineRender", "Export",
        ], path: "Benchmarks/Sources/EpistolaryBench"),
        .testTarget(name: "TOMLReaderTests", dependencies: ["TOMLReader"]),
        .testTarget(name: "CorrespondenceTests", dependencies: ["Correspondence"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "StylingTests", dependencies: ["Styling"]),
        .testTarget(name: "GraphRenderTests", dependencies: ["GraphRender"], exclude: ["valgrind-render-loop.sh"]),
        .testTarget(name: "TimelineRenderTests", dependencies: ["TimelineRender", "Analysis", "Styling", "Correspondence"]),
        .testTarget(name: "ExportTests", dependencies: ["Export"]),
        .testTarget(name: "CLITests", dependencies: ["EpistolaryCLI"]),
        .testTarget(name: "EpistolaryTests", dependencies: ["Epistolary"]),
    ]
)
