// swift-tools-version:6.0
// dmmkit: closed-form and Monte Carlo models of IP mobility-management schemes.
// Dependencies point one way: dmm -> Reports, Evaluation -> Schemes, Mobility -> Stochastics -> CGSL.
import PackageDescription

let package = Package(
    name: "dmmkit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dmm", targets: ["dmm"]),
        .library(name: "Stochastics", targets: ["Stochastics"]),
        .library(name: "Mobility", targets: ["Mobility"]),
        .library(name: "Schemes", targets: ["Schemes"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    dependencies: [
        // Command-line parsing (DESIGN.md 1).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML scheme cards and scenarios (DESIGN.md 1).
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        .target(name: "Stochastics", dependencies: ["CGSL"]),
        // SHA-256 rounds with the x86 SHA extensions, chosen at run time (Reports.SHA256).
        .target(name: "CSHA256"),
        .target(name: "Mobility", dependencies: ["Stochastics"]),
        // Schemes needs no Mobility: its models read plain values (SchemeContext) that Evaluation fills.
        .target(name: "Schemes", dependencies: ["Stochastics", "Yams"]),
        .target(name: "Evaluation", dependencies: ["Schemes", "Mobility", "Stochastics", "Yams"]),
        .target(name: "Reports", dependencies: ["Evaluation", "Schemes", "Stochastics", "CSHA256"]),
        .executableTarget(
            name: "dmm",
            dependencies: [
                "Reports", "Evaluation", "Schemes", "Mobility", "Stochastics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"]),
        .testTarget(name: "MobilityTests", dependencies: ["Mobility", "Stochastics"]),
        // Evaluation: the card loader (SchemeCatalog.load, ModelsLocator) lives there.
        .testTarget(name: "SchemesTests", dependencies: ["Schemes", "Evaluation"]),
        .testTarget(
            name: "EvaluationTests", dependencies: ["Evaluation", "Schemes", "Mobility", "Stochastics"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Evaluation", "Schemes"], resources: [.copy("Golden")]),
        .testTarget(name: "DMMTests", dependencies: ["dmm"], exclude: ["Fixtures"]),
    ]
)
