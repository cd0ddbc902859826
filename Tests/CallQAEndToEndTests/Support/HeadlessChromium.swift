import Foundation

/// Debian's `chromium`, started headless on one page: the DOM after the
/// page's scripts ran, and every request the page made, from Chromium's own
/// network log.
///
/// Every host name fails to resolve (`--host-resolver-rules`), so nothing
/// leaves the machine whatever a page asks for; a load the page attempts
/// still appears in the log. Chromium's own background requests (updates,
/// accounts) appear there too, but not as the page's: a request is the
/// page's when its network isolation key is the page's `file://` site.
enum HeadlessChromium {
    /// The browser, when installed (`chromium`, else `chromium-browser`, on the `PATH`).
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    /// Whether the browser tests can run.
    static var available: Bool { executable != nil }

    /// What loading a page gave.
    struct Load {
        /// The page's DOM, serialised after its scripts ran.
        var dom: String
        /// The URLs of the requests the page made (its own `file://` URL aside).
        var pageRequests: [String]
    }

    /// Loads the file at `page` in a fresh profile and returns its DOM and its requests.
    static func load(_ page: URL) throws -> Load {
        guard let executable else { throw LoadFailure("chromium is not installed") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-chromium-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let netLog = scratch.appendingPathComponent("net-log.json")
        let domFile = scratch.appendingPathComponent("dom.html")
        _ = FileManager.default.createFile(atPath: domFile.path, contents: nil)

        let process = Process()
        // `timeout` ends a browser that never returns; the test then fails on its missing DOM.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments =
            ["120", executable.path] + flags(profile: scratch.appendingPathComponent("profile"))
            + ["--log-net-log=\(netLog.path)", "--net-log-capture-mode=Default", "--dump-dom", page.absoluteString]
        let output = try FileHandle(forWritingTo: domFile)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        guard process.terminationStatus == 0 else {
            throw LoadFailure("chromium exited with status \(process.terminationStatus) on \(page.path)")
        }
        let dom = String(decoding: try Data(contentsOf: domFile), as: UTF8.self)
        return Load(dom: dom, pageRequests: try pageRequests(in: netLog))
    }

    /// Headless, no sandbox (tests run as root in CI), a fresh profile, no
    /// background services, and no host name resolving.
    static func flags(profile: URL) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=\(profile.path)", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--no-pings", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=2000",
        ]
    }

    /// The URLs the page itself requested, from a network log.
    private static func pageRequests(in netLog: URL) throws -> [String] {
        let data = try Data(contentsOf: netLog)
        guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let constants = log["constants"] as? [String: Any],
            let types = constants["logEventTypes"] as? [String: Int],
            let startJob = types["URL_REQUEST_START_JOB"],
            let events = log["events"] as? [[String: Any]]
        else { throw LoadFailure("\(netLog.path) is not a Chromium network log") }
        return events.compactMap { event in
            guard event["type"] as? Int == startJob, let parameters = event["params"] as? [String: Any],
                let url = parameters["url"] as? String, !url.hasPrefix("file:"),
                let key = parameters["network_isolation_key"] as? String, key.contains("file://")
            else { return nil }
            return url
        }
    }
}

/// Why a page could not be loaded.
struct LoadFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
