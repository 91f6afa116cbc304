// swift-tools-version:6.0
import PackageDescription

// An example of another package using Epistolary as a library, by path. CI builds and runs it.
let package = Package(
    name: "LetterFigures",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Epistolary", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "LetterFigures", dependencies: [
            .product(name: "Epistolary", package: "Epistolary"),
        ]),
    ]
)
