// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Glean",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "glean", targets: ["glean"]),
        .library(name: "GleanCore", targets: ["GleanCore"]),
        .library(name: "GleanText", targets: ["GleanText"]),
        .library(name: "GleanStages", targets: ["GleanStages"]),
        .library(name: "GleanPipelineFile", targets: ["GleanPipelineFile"]),
        .library(name: "GleanEvaluation", targets: ["GleanEvaluation"]),
        .library(name: "GleanCLI", targets: ["GleanCLI"]),
        .library(name: "GleanPlugins", targets: ["GleanPlugins"]),
        .library(name: "GleanPluginKit", targets: ["GleanPluginKit"]),
        .library(name: "GleanReport", targets: ["GleanReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // zlib from the system, for gzip-compressed input.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The engine: documents, JSON values, the stage contract, pipeline model and validation,
        // scheduler, sources and sinks. No YAML, no processes, no NLP.
        .target(
            name: "GleanCore",
            dependencies: [
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // Text primitives shared by stages: writing systems, tokenizer, sentence splitter.
        .target(name: "GleanText", swiftSettings: swiftSettings),
        // Pipeline files: YAML to the core's pipeline model, with source locations.
        .target(
            name: "GleanPipelineFile",
            dependencies: [
                "GleanCore",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Spawning plugin processes: own process group, killed when Glean dies.
        .target(name: "CGleanSpawn"),
        // The host side of out-of-process plugins: manifests, supervision, JSON-RPC over stdio.
        .target(
            name: "GleanPlugins",
            dependencies: [
                "GleanCore",
                "GleanPipelineFile",
                "CGleanSpawn",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // A small library for writing a plugin in Swift; depends on nothing.
        .target(name: "GleanPluginKit", swiftSettings: swiftSettings),
        // The example `keywords` plugin, written with GleanPluginKit.
        .executableTarget(
            name: "glean-keywords",
            dependencies: ["GleanPluginKit"],
            path: "Plugins/keywords/Sources",
            swiftSettings: swiftSettings
        ),
        // A plugin that does nothing, for measuring the protocol's cost.
        .executableTarget(
            name: "glean-noop-plugin",
            dependencies: ["GleanPluginKit"],
            path: "Plugins/noop/Sources",
            swiftSettings: swiftSettings
        ),
        // The built-in stages.
        .target(
            name: "GleanStages",
            dependencies: [
                "GleanCore", "GleanText", .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .copy("Language/Resources/language-model.bin"), .copy("Entities/Resources/gazetteer.tsv"),
                .copy("Entities/Resources/entity-tagger.bin"), .copy("Entities/Resources/entity-tagger.json"),
                .copy("Entities/Resources/name-lists.tsv"),
                .copy("Entities/Resources/word-clusters.tsv"),
                .copy("Entities/Resources/country-names.tsv"), .copy("Entities/Resources/names-i18n.tsv"),
                .copy("Stance/Resources/stance-cues"), .copy("Stance/Resources/stance-model.json"),
                .copy("Stance/Resources/bloc-members.tsv"), .copy("Stance/Resources/country-codes.tsv"),
                .copy("Sentiment/Resources/vader-lexicon.tsv"), .copy("Sentiment/Resources/vader-emoji.tsv"),
                .copy("Sentiment/Resources/tone"),
            ],
            swiftSettings: swiftSettings
        ),
        // Scoring the stages on labelled data and training their models: corpus readers (IOB2,
        // annotated news, labelled stance passages) and metrics shared by every stage's evaluation.
        .target(
            name: "GleanEvaluation",
            dependencies: ["GleanCore", "GleanStages"],
            swiftSettings: swiftSettings
        ),
        // The analyst's end: results files to flat tables (CSV, JSON Lines, Parquet through
        // pyarrow) and to a self-contained HTML report.
        .target(
            name: "GleanReport",
            dependencies: ["GleanCore"],
            swiftSettings: swiftSettings
        ),
        // The commands, as a library, so users can build their own `glean` with extra stages.
        .target(
            name: "GleanCLI",
            dependencies: [
                "GleanCore",
                "GleanPipelineFile",
                "GleanStages",
                "GleanEvaluation",
                "GleanPlugins",
                "GleanReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "glean",
            dependencies: ["GleanCLI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanCoreTests",
            dependencies: [
                "GleanCore", .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanTextTests",
            dependencies: ["GleanText"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanPipelineFileTests",
            dependencies: ["GleanPipelineFile", "GleanCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanPluginsTests",
            dependencies: ["GleanPlugins", "GleanCore", "glean-keywords"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanPluginKitTests",
            dependencies: ["GleanPluginKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanStagesTests",
            dependencies: [
                "GleanStages", "GleanCore", "GleanText", .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanEvaluationTests",
            dependencies: ["GleanEvaluation", "GleanStages", "GleanCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanReportTests",
            dependencies: ["GleanReport", "GleanCore", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GleanCLITests",
            dependencies: ["GleanCLI", "GleanCore", "GleanStages", "glean"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
