import Foundation
import Testing

/// The HTML pages as files: self-contained, their policy matching their
/// own style and script, the same whatever the number of threads.
@Suite("HTML output, end to end")
struct HTMLOutputTests {
    @Test(
        "Each page is one file that names nothing outside it, under a policy allowing only its own style and script",
        arguments: [
            ["score", "corpora/", "--format", "html"], ["explain", "corpora/en/billing-poor.txt", "--format", "html"],
            ["score", HTMLBrowserTests.hostile, "--format", "html"],
        ])
    func selfContained(arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let page = run.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>\n"))
        let policy = try #require(
            HTMLBrowserTests.matches(#"<meta http-equiv="Content-Security-Policy" content="([^"]*)">"#, in: page)
                .first?.first
        ).replacingOccurrences(of: "&#39;", with: "'")
        #expect(policy.hasPrefix("default-src 'none'; "))
        #expect(!policy.contains("unsafe"))
        let style = try #require(HTMLBrowserTests.matches("<style>(.*?)</style>", in: page).first?.first)
        #expect(policy.contains("style-src " + (try Self.hashSource(style)) + ";"))
        let scripts = HTMLBrowserTests.matches("<script>(.*?)</script>", in: page).map { $0[0] }
        if arguments[0] == "score" {
            #expect(scripts.count == 1)
            #expect(policy.contains("script-src " + (try Self.hashSource(scripts[0])) + ";"))
        } else {
            #expect(scripts.isEmpty)
            #expect(policy.contains("script-src 'none'"))
        }
        // Nothing to fetch: no URL but the page's own anchors, no style attribute, no handler.
        for tag in HTMLBrowserTests.tags(in: page) {
            for (name, value) in tag.attributes {
                #expect(
                    !["src", "srcset", "action", "data", "style", "background"].contains(name), "<\(tag.name) \(name)>")
                #expect(!name.hasPrefix("on"), "<\(tag.name) \(name)>")
                if name == "href" { #expect(value.hasPrefix("#"), "<\(tag.name) href=\(value)>") }
            }
        }
    }

    @Test("The batch page is the same, byte for byte, on one thread or four")
    func deterministic() throws {
        let one = try CLI.run(["score", "corpora/", "--format", "html", "--jobs", "1"])
        let four = try CLI.run(["score", "corpora/", "--format", "html", "--jobs", "4"])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.stdout == four.stdout)
    }

    @Test("An unreadable input is counted in the page's errors, and listed")
    func errors() throws {
        let run = try CLI.run(["score", "corpora/en/billing-good.txt", "Tests/Fixtures/binary", "--format", "html"])
        #expect(run.status == 1)
        let errors = try #require(
            HTMLBrowserTests.matches(#"<div data-fact="errors"><dt>[^<]*</dt><dd data-value="(\d+)""#, in: run.stdout)
                .first?.first)
        #expect(Int(errors) ?? 0 > 0)
        #expect(run.stdout.contains("<details><summary>\(errors) error"))
    }

    @Test("report embeds a call's transcript read again from its file, and the scorecard alone when the file is gone")
    func reportTranscripts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-html-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scored = try CLI.run(["score", "corpora/en/billing-poor.txt", "--format", "jsonl"])
        let results = folder.appendingPathComponent("found.jsonl")
        try scored.stdoutData.write(to: results)
        let found = try CLI.run(["report", results.path, "--format", "html"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("<table class=\"transcript\">"))
        #expect(found.stdout.contains("<mark class=\"forbidden\" title=\"forbidden\">not my job</mark>"))
        #expect(found.stdout.contains("What good looks like:"))

        let moved = folder.appendingPathComponent("moved.jsonl")
        try Data(
            scored.stdout.replacingOccurrences(of: "corpora/en/billing-poor.txt", with: "gone/billing-poor.txt").utf8
        )
        .write(to: moved)
        let gone = try CLI.run(["report", moved.path, "--format", "html"])
        #expect(gone.status == 0, "\(gone.stderr)")
        #expect(!gone.stdout.contains("<table class=\"transcript\">"))
        #expect(
            gone.stdout.contains(
                "The transcript is not part of the results, and gone/billing-poor.txt:1 could not be read"))
        #expect(gone.stdout.contains("<p class=\"detail\">turn 6 (00:28) agent: &quot;not my job&quot;"))
    }

    /// `'sha256-…'` of `text`, by the system's `sha256sum`.
    static func hashSource(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let hex = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        process.waitUntilExit()
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return "'sha256-" + Data(bytes).base64EncodedString() + "'"
    }
}
