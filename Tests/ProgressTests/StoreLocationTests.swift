import Foundation
import Progress
import Testing

/// Where the store goes for an explicit `--store` value and an environment.
struct LocationCase: CustomTestStringConvertible, Sendable {
    var name: String
    var explicit: String?
    var environment: [String: String]
    var expected: String

    var testDescription: String { name }
}

@Test(arguments: [
    LocationCase(name: "--store wins over everything",
                 explicit: "/data/dojo",
                 environment: ["CALLDOJO_STORE": "/srv/store", "XDG_DATA_HOME": "/xdg", "HOME": "/home/sam"],
                 expected: "/data/dojo"),
    LocationCase(name: "--store with ~/ is under HOME",
                 explicit: "~/records", environment: ["HOME": "/home/sam", "CALLDOJO_STORE": "/srv/store"],
                 expected: "/home/sam/records"),
    LocationCase(name: "--store ~ is HOME itself",
                 explicit: "~", environment: ["HOME": "/home/sam"], expected: "/home/sam"),
    LocationCase(name: "--store is tidied",
                 explicit: "/data/./old/../dojo/", environment: [:], expected: "/data/dojo"),
    LocationCase(name: "an empty --store is ignored",
                 explicit: "", environment: ["CALLDOJO_STORE": "/srv/store", "HOME": "/home/sam"],
                 expected: "/srv/store"),
    LocationCase(name: "CALLDOJO_STORE wins over XDG_DATA_HOME",
                 explicit: nil, environment: ["CALLDOJO_STORE": "/srv/store", "XDG_DATA_HOME": "/xdg", "HOME": "/home/sam"],
                 expected: "/srv/store"),
    LocationCase(name: "CALLDOJO_STORE with ~/ is under HOME",
                 explicit: nil, environment: ["CALLDOJO_STORE": "~/dojo", "HOME": "/home/sam"],
                 expected: "/home/sam/dojo"),
    LocationCase(name: "an empty CALLDOJO_STORE is ignored",
                 explicit: nil, environment: ["CALLDOJO_STORE": "", "XDG_DATA_HOME": "/xdg", "HOME": "/home/sam"],
                 expected: "/xdg/calldojo"),
    LocationCase(name: "XDG_DATA_HOME gets a calldojo folder",
                 explicit: nil, environment: ["XDG_DATA_HOME": "/xdg/data", "HOME": "/home/sam"],
                 expected: "/xdg/data/calldojo"),
    LocationCase(name: "a relative XDG_DATA_HOME is ignored",
                 explicit: nil, environment: ["XDG_DATA_HOME": "relative/data", "HOME": "/home/sam"],
                 expected: "/home/sam/.local/share/calldojo"),
    LocationCase(name: "an XDG_DATA_HOME starting with ~ is ignored",
                 explicit: nil, environment: ["XDG_DATA_HOME": "~/data", "HOME": "/home/sam"],
                 expected: "/home/sam/.local/share/calldojo"),
    LocationCase(name: "an empty XDG_DATA_HOME is ignored",
                 explicit: nil, environment: ["XDG_DATA_HOME": "", "HOME": "/home/sam"],
                 expected: "/home/sam/.local/share/calldojo"),
    LocationCase(name: "HOME is the fallback",
                 explicit: nil, environment: ["HOME": "/home/sam"], expected: "/home/sam/.local/share/calldojo"),
])
func storeLocationFollowsPrecedence(_ test: LocationCase) {
    let url = StoreLocation.resolve(explicit: test.explicit, environment: test.environment)
    #expect(url.isFileURL)
    #expect(url.path == test.expected)
}

@Test func aRelativeStoreIsUnderTheCurrentFolder() {
    let url = StoreLocation.resolve(explicit: "records", environment: ["HOME": "/home/sam"])
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    #expect(url.path == cwd.appendingPathComponent("records").standardizedFileURL.path)
}

@Test func withoutHomeTheUsersHomeFolderIsUsed() {
    let url = StoreLocation.resolve(explicit: nil, environment: [:])
    #expect(url.path.hasSuffix("/.local/share/calldojo"))
    #expect(url.path.hasPrefix("/"))
    #expect(url.path == URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share/calldojo").path)
}
