// swift-tools-version: 6.0
import PackageDescription

// Strict settings applied to every Swift target in one place.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "clerk",
    products: [
        .executable(name: "clerk", targets: ["clerk"]),
        .executable(name: "clerk-bench", targets: ["clerk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TextCells", swiftSettings: strict),
        .target(name: "CFatalSignals"),
        .target(name: "Terminal", dependencies: ["CNcursesw", "CFatalSignals", "TextCells"], swiftSettings: strict),
        .target(name: "ClerkCore", swiftSettings: strict),
        .target(name: "ClerkStore", dependencies: ["ClerkCore"], swiftSettings: strict),
        .target(name: "ClerkPublish", dependencies: ["ClerkCore", "TextCells", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: strict),
        .target(name: "ClerkTUI", dependencies: ["ClerkCore", "ClerkStore", "ClerkPublish", "Terminal"], swiftSettings: strict),
        .target(
            name: "ClerkApp",
            dependencies: [
                "ClerkCore", "ClerkStore", "ClerkTUI", "ClerkPublish", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "clerk", dependencies: ["ClerkApp", "Terminal"], swiftSettings: strict),
        .executableTarget(name: "clerk-journal-torture", dependencies: ["ClerkStore"], swiftSettings: strict),
        .executableTarget(name: "clerk-bench", dependencies: ["ClerkApp", "ClerkCore", "ClerkStore"], swiftSettings: strict),
        .target(name: "ClerkTestSupport", path: "Tests/Support", swiftSettings: strict),
        .testTarget(name: "ClerkCoreTests", dependencies: ["ClerkCore"], swiftSettings: strict),
        .testTarget(name: "ClerkStoreTests", dependencies: ["ClerkStore", "ClerkCore", "clerk-journal-torture"], swiftSettings: strict),
        .testTarget(name: "ClerkPublishTests", dependencies: ["ClerkPublish", "ClerkCore", "ClerkStore", "ClerkApp", "ClerkTestSupport", "clerk"],
                    swiftSettings: strict),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TextCells"], swiftSettings: strict),
        .testTarget(
            name: "ClerkTUITests",
            dependencies: ["ClerkTUI", "Terminal", "ClerkCore", "ClerkStore", "ClerkApp", "ClerkTestSupport", "clerk"],
            exclude: ["Screens"],
            swiftSettings: strict
        ),
        .testTarget(name: "ClerkAppTests", dependencies: ["ClerkApp", "ClerkCore", "ClerkStore", "ClerkTestSupport", "clerk", "clerk-bench"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
