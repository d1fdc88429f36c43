// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CallDojo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "calldojo", targets: ["calldojo"]),
        .executable(name: "calldojo-bench", targets: ["calldojo-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(name: "LineEditor", dependencies: ["CReadline"]),
        .target(name: "Language"),
        .target(name: "Dialogue", dependencies: ["Language"]),
        .target(name: "Scoring", dependencies: ["Dialogue", "Language"]),
        .target(name: "Content", dependencies: ["Dialogue", "Language", "Yams"]),
        .target(name: "Progress", dependencies: ["Dialogue", "Scoring"]),
        .target(name: "Reports", dependencies: [
            "Progress", "Dialogue", "Scoring",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "XAPI", dependencies: ["Progress", "Dialogue", "Scoring"]),
        .target(name: "Games", dependencies: ["Content", "Dialogue", "Language", "Progress"]),
        .target(name: "Training", dependencies: ["Dialogue", "Language", "Scoring", "Progress"]),
        .target(name: "Playtest", dependencies: ["Content", "Dialogue", "Language", "Scoring"]),
        .executableTarget(
            name: "calldojo",
            dependencies: [
                "LineEditor", "Language", "Dialogue", "Scoring", "Content", "Progress", "Playtest", "Reports", "XAPI", "Games", "Training",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "calldojo-bench", dependencies: ["Language", "Dialogue", "Content", "Progress", "Scoring"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language"], exclude: ["Corpus", "Porter2Sample.tsv"]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Language"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Dialogue", "Language"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Dialogue", "Language"]),
        .testTarget(name: "ProgressTests", dependencies: ["Progress", "Dialogue", "Scoring"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Progress", "Dialogue", "Scoring"]),
        .testTarget(name: "XAPITests", dependencies: ["XAPI", "Progress", "Dialogue", "Scoring"]),
        .testTarget(name: "PlaytestTests", dependencies: ["Playtest", "Content", "Dialogue", "Language", "Scoring"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "GamesTests", dependencies: ["Games", "Content", "Dialogue", "Language", "Progress"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Dialogue", "Language", "Scoring", "Progress"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ]
)
