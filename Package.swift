// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CallQA",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CallQA", targets: ["CallQA"]),
        .executable(name: "callqa", targets: ["callqa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]
        ),
        .target(
            name: "CallQA",
            dependencies: [
                "CLibXML2", "CStemmer", .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "callqa",
            dependencies: [
                "CallQA",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CallQATestSupport",
            dependencies: ["CallQA"]
        ),
        .executableTarget(
            name: "callqa-bench",
            dependencies: [
                "CallQA", "CallQATestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/callqa-bench"
        ),
        // Fuzz targets (Scripts/fuzz.sh builds them for libFuzzer); in an
        // ordinary build, the tool that replays their saved inputs.
        .executableTarget(
            name: "callqa-fuzz",
            dependencies: ["CallQA"],
            path: "Fuzz/callqa-fuzz"
        ),
        .testTarget(
            name: "CallQATests",
            dependencies: ["CallQA", "CallQATestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "CallQAEndToEndTests",
            dependencies: [
                "callqa", "callqa-fuzz", "CallQATestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
