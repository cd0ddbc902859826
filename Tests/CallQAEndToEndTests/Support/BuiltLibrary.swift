import Foundation

/// The `CallQA` module as the build left it, and the flags a program outside
/// the package needs to import it: no `-package-name`, so only the public API
/// is visible.
struct BuiltLibrary {
    /// The compiler that built the package.
    var compiler: URL
    /// Where the built modules are, the target and SDK, the module cache, and
    /// the C module maps and headers: what any tool importing `CallQA` needs.
    var searchFlags: [String]
    /// The language mode the package builds in.
    var swiftVersion: String?

    /// Flags for `swiftc` to import `CallQA`.
    var compilerFlags: [String] { searchFlags + (swiftVersion.map { ["-swift-version", $0] } ?? []) }

    /// The module as built for this test run, from the build's description of
    /// its own commands (`description.json` beside the products).
    static func current() throws -> BuiltLibrary {
        var folder = CLI.binary.deletingLastPathComponent()
        var description: URL?
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("description.json")
            if FileManager.default.fileExists(atPath: candidate.path) {
                description = candidate
                break
            }
            folder.deleteLastPathComponent()
        }
        guard let description else {
            throw Failure("no description.json above \(CLI.binary.path): build with 'swift build'")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: description)) as? [String: Any]
        let commands = (json?["swiftCommands"] as? [String: [String: Any]]) ?? [:]
        guard let command = commands.values.first(where: { $0["moduleName"] as? String == "CallQA" }),
            let executable = command["executable"] as? String,
            let importPath = command["importPath"] as? String,
            let arguments = command["otherArguments"] as? [String]
        else {
            throw Failure("\(description.path) has no command building CallQA")
        }
        var library = BuiltLibrary(compiler: URL(fileURLWithPath: executable), searchFlags: ["-I", importPath])
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch argument {
            case "-swift-version":
                library.swiftVersion = next
                index += 2
            case "-target", "-sdk", "-module-cache-path", "-Xcc", "-I", "-F":
                if let next { library.searchFlags += [argument, next] }
                index += 2
            default:
                // `-I/path` and `-F/path`, as `-I /path`: every tool takes that form.
                if argument.count > 2, argument.hasPrefix("-I") || argument.hasPrefix("-F") {
                    library.searchFlags += [String(argument.prefix(2)), String(argument.dropFirst(2))]
                }
                index += 1
            }
        }
        return library
    }

    /// Runs a tool of the toolchain (beside the compiler), returning its exit
    /// status and everything it printed.
    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = compiler.deletingLastPathComponent().appendingPathComponent(tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A reason the built library cannot be examined.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
