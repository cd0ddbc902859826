import Foundation
import Testing

/// The README's "Library" section against the library as built: its example
/// compiles with the public API alone, and its lists name every public type.
@Suite("README library section")
struct ReadmeLibraryTests {
    @Test("The README's library example compiles against the public API (package API invisible)")
    func exampleCompiles() throws {
        let library = try BuiltLibrary.current()
        let example = try ReadmeSection("Library").codeBlock("swift")
        #expect(example.contains("import CallQA"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("main.swift")
        try example.write(to: file, atomically: true, encoding: .utf8)

        let result = try library.run(
            library.compiler.lastPathComponent, ["-typecheck"] + library.compilerFlags + [file.path])
        #expect(result.status == 0, "the README example does not compile against the public API:\n\(result.output)")

        // The same flags do hide package declarations: the check above is a real one.
        let internalUse = scratch.appendingPathComponent("internal.swift")
        try "import CallQA\nlet writer = JSONWriter()\n".write(to: internalUse, atomically: true, encoding: .utf8)
        let hidden = try library.run(
            library.compiler.lastPathComponent, ["-typecheck"] + library.compilerFlags + [internalUse.path])
        #expect(hidden.status != 0 && hidden.output.contains("JSONWriter"), "\(hidden.output)")
    }

    @Test("The README lists exactly the library's public types")
    func publicTypesListed() throws {
        let library = try BuiltLibrary.current()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-symbols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try library.run(
            "swift-symbolgraph-extract",
            ["-module-name", "CallQA", "-minimum-access-level", "public", "-output-dir", scratch.path]
                + library.searchFlags)
        #expect(result.status == 0, "\(result.output)")
        let graph = try JSONSerialization.jsonObject(
            with: Data(contentsOf: scratch.appendingPathComponent("CallQA.symbols.json")))
        let symbols = ((graph as? [String: Any])?["symbols"] as? [[String: Any]]) ?? []
        let typeKinds: Set<String> = ["swift.struct", "swift.enum", "swift.class", "swift.protocol", "swift.typealias"]
        let publicTypes = Set(
            symbols.compactMap { symbol -> String? in
                guard let path = symbol["pathComponents"] as? [String], path.count == 1,
                    let kind = (symbol["kind"] as? [String: Any])?["identifier"] as? String, typeKinds.contains(kind)
                else { return nil }
                return path[0]
            })
        #expect(publicTypes.contains("Scorer") && !publicTypes.contains("JSONWriter"))

        let listed = Set(try ReadmeSection("Library").listedTypeNames)
        #expect(
            publicTypes.subtracting(listed).sorted() == [], "public types the README's library section does not list")
        #expect(
            listed.subtracting(publicTypes).sorted() == [],
            "types the README's library section lists that are not public")
    }
}
