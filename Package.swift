// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "HotGrid",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hotgrid", targets: ["hotgrid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 for frozen publications and the ledger's hash-chained audit log.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The HTTP server, its test client, and bcrypt for passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The server's own channel handlers (connections per client), locks, and a thread pool for bcrypt.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        // The server's access log and log levels.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // multipart/form-data: evidence photos uploaded from the staff workspace's forms.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // GDAL's C API (raster, vector, CRS; GEOS and PROJ come with it). Only HotGridGeo imports it.
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),
        // The vocabulary: cells, grid, administrative units. Pure values.
        .target(name: "HotGridCore"),
        // Swift types over GDAL, the national grid in geographic terms, boundary → cell overlay.
        .target(name: "HotGridGeo", dependencies: ["HotGridCore", "CGDAL"]),
        // Numbers on dense arrays: validity-aware aggregation, resampling. No GDAL, no database.
        .target(name: "HotGridAnalysis", dependencies: ["HotGridCore"]),
        // The pages, maps and charts people read, as HTML that escapes text by default. Core's values only.
        .target(name: "HotGridPages", dependencies: ["HotGridCore"]),
        // A synthetic region with known emissions and weather, written in the public input formats.
        .target(name: "HotGridSimulation", dependencies: ["HotGridCore", "HotGridGeo"]),
        // What HotGrid stores, as capability protocols (region, fields, stations, hotspots, warnings,
        // publications, ledger, data reports, accounts, audit, attachments) over Core's values.
        .target(name: "HotGridStore", dependencies: ["HotGridCore", .product(name: "Crypto", package: "swift-crypto")]),
        // The embedded store: every capability on one SQLite file through GRDB, with frozen migrations.
        .target(
            name: "HotGridSQLite",
            dependencies: ["HotGridStore", "HotGridCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Use cases shared by the command line and the server.
        .target(
            name: "HotGridService",
            dependencies: ["HotGridCore", "HotGridGeo", "HotGridAnalysis", "HotGridStore", "HotGridPages",
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
            resources: [.copy("Resources/boundaries")]
        ),
        // HotGrid tried on known truth, for the command line only (the server never links it):
        // simulated worlds, the method's skill on them, the demo's sample ledger, benchmarks.
        .target(
            name: "HotGridLab",
            dependencies: ["HotGridService", "HotGridSimulation", "HotGridStore", "HotGridPages", "HotGridCore", "HotGridGeo", "HotGridAnalysis"]
        ),
        // Hummingbird 2: the JSON/GeoJSON/CSV API, server-rendered pages, authentication.
        .target(
            name: "HotGridServer",
            dependencies: ["HotGridService", "HotGridStore", "HotGridPages", "HotGridCore", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
                           .product(name: "MultipartKit", package: "multipart-kit"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .executableTarget(
            name: "hotgrid",
            dependencies: [
                "HotGridService", "HotGridServer", "HotGridLab", "HotGridStore", "HotGridSQLite", "HotGridCore", "HotGridAnalysis", "HotGridSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "HotGridCoreTests", dependencies: ["HotGridCore"]),
        .testTarget(name: "HotGridGeoTests", dependencies: ["HotGridGeo", "HotGridCore"]),
        .testTarget(name: "HotGridAnalysisTests", dependencies: ["HotGridAnalysis", "HotGridCore"]),
        .testTarget(name: "HotGridSimulationTests", dependencies: ["HotGridSimulation", "HotGridCore", "HotGridGeo"]),
        .testTarget(
            name: "HotGridSQLiteTests",
            dependencies: ["HotGridSQLite", "HotGridStore", "HotGridCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "HotGridServerTests",
            dependencies: [
                "HotGridServer", "HotGridService", "HotGridStore", "HotGridSQLite", "HotGridCore",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            // Drives Chromium over the DevTools protocol for the browser tests (sign in, fill forms, phone size).
            exclude: ["chromium-drive.py"]
        ),
        .testTarget(
            name: "HotGridServiceTests",
            dependencies: [
                "HotGridService", "HotGridLab", "HotGridSimulation", "HotGridStore", "HotGridSQLite", "HotGridGeo", "HotGridAnalysis", "HotGridCore", "hotgrid",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
