import CallQA
import Testing

@Suite("Inspect table")
struct InspectTableTests {
    @Test("Every turn appears with its number, time, role and words, within the width")
    func render() throws {
        let call = try #require(Fixtures.read("text/timestamps.txt").call)
        let table = InspectTable(width: 80).render(call)
        #expect(table.hasPrefix(Fixtures.path("text/timestamps.txt") + ":1\ncall ts-001 · en · 7 turns\n"))
        #expect(!table.contains("00:00:01")) // times under an hour are shown as mm:ss
        #expect(table.contains("  0  00:01.3")) // 1.25 s, shown to the tenth
        #expect(table.contains("1:02:03"))
        #expect(table.contains("01:02-01:05"))
        #expect(table.contains("customer"))
        for line in table.split(separator: "\n") where !line.hasPrefix("/") {
            #expect(line.count <= 80)
        }
    }

    @Test("Chinese text wraps by display width, not by character count")
    func wide() throws {
        let call = try #require(Fixtures.read("xml/multi-call.xml").calls.first)
        let lines = InspectTable(width: 60).render(call).split(separator: "\n")
        let turnLines = lines.dropFirst(4)
        #expect(!turnLines.isEmpty)
        for line in turnLines {
            let columns = line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x3000) ? 2 : 1) }
            #expect(columns <= 60)
        }
    }
}
