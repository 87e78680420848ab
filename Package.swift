// swift-tools-version: 6.2
import PackageDescription

// Layering (see docs/ARCHITECTURE.md): dependencies point one way.
// PortalCore imports nothing of ours; TerminalKit imports no Portal* target;
// front ends (PortalTUI, portal) never import PortalStore.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
  name: "partner-portal",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "portal", targets: ["portal"])
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
    .target(
      name: "TerminalKit",
      dependencies: ["CNcurses"],
      swiftSettings: strict
    ),
    .target(
      name: "PortalCore",
      swiftSettings: strict
    ),
    .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
    .target(
      name: "PortalStore",
      dependencies: [
        "PortalCore", "CSQLiteTuning",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    .target(
      name: "PortalMedia",
      dependencies: [
        "PortalCore", "CPNG", "CJPEG",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    .target(
      name: "PortalCleaning",
      dependencies: [
        "PortalCore", "PortalMedia",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Resources")],
      swiftSettings: strict
    ),
    .target(
      name: "PortalWorker",
      dependencies: [
        "PortalCore", "PortalStore", "PortalMedia", "PortalCleaning",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),
    .target(
      name: "Portal",
      dependencies: [
        "PortalCore", "PortalStore", "PortalMedia", "PortalWorker", "PortalCleaning",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Demo/Fixtures")],
      swiftSettings: strict
    ),
    .target(
      name: "PortalTUI",
      dependencies: [
        "Portal", "PortalCore", "PortalMedia", "TerminalKit",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "portal",
      dependencies: [
        "Portal", "PortalCore", "PortalMedia", "PortalTUI", "TerminalKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),
    .target(name: "TerminalKitTesting", dependencies: ["TerminalKit"], swiftSettings: strict),
    .target(
      name: "PortalTesting",
      dependencies: [
        "Portal", "PortalCore", "PortalStore", "PortalMedia",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "QueueBench",
      dependencies: ["PortalTesting", "Portal", "PortalCore", "PortalStore"],
      swiftSettings: strict
    ),
    .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore"], swiftSettings: strict),
    .testTarget(
      name: "PortalStoreTests",
      dependencies: ["PortalStore", "PortalCore", "PortalTesting", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PortalMediaTests", dependencies: ["PortalMedia", "PortalCore", "PortalTesting"],
      swiftSettings: strict),
    .testTarget(
      name: "PortalTests", dependencies: ["Portal", "PortalCore", "PortalTesting"], swiftSettings: strict),
    .testTarget(
      name: "PortalCLITests", dependencies: ["PortalTesting", "PortalCore"], swiftSettings: strict),
    .testTarget(
      name: "PortalTUITests",
      dependencies: ["PortalTUI", "Portal", "PortalCore", "PortalTesting", "TerminalKit", "TerminalKitTesting"],
      exclude: ["__snapshots__"], swiftSettings: strict),
    .testTarget(
      name: "PortalCleaningTests", dependencies: ["PortalCleaning", "PortalCore"], swiftSettings: strict),
    .testTarget(
      name: "PortalWorkerTests",
      dependencies: [
        "PortalWorker", "Portal", "PortalCore", "PortalStore", "PortalTesting",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "TerminalKitTests", dependencies: ["TerminalKit", "TerminalKitTesting"], exclude: ["__snapshots__"],
      swiftSettings: strict),
  ]
)
