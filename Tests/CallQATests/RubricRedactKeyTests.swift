import Foundation
import Testing

@testable import CallQA

/// A rubric's `redact:` key: read, checked, and part of its fingerprint only when set.
@Suite("Rubric redact key")
struct RubricRedactKeyTests {
    private static let base = """
        id: redacting
        version: 1.0.0
        title: Redacting
        languages: [en]
        pass: 50
        lists:
          hello: [hello]
        items:
          - {id: a, title: A, weight: 1, description: a, check: {kind: phrase, groups: [{list: hello}]}}

        """

    @Test("redact: true is read and fingerprinted; false or absent leaves the fingerprint as it was")
    func fingerprint() throws {
        let absent = try Rubric(yaml: Self.base, source: "absent")
        let off = try Rubric(yaml: Self.base + "redact: false\n", source: "off")
        let on = try Rubric(yaml: Self.base + "redact: true\n", source: "on")
        #expect(!absent.redacts && !off.redacts && on.redacts)
        #expect(off.sha256 == absent.sha256)
        #expect(on.sha256 != absent.sha256)
        #expect(on.canonicalJSON.hasSuffix(",\"redact\":true}"))
        #expect(!absent.canonicalJSON.contains("\"redact\""))
        let shipped = try Fixtures.rubric("checks")
        #expect(!shipped.redacts)
    }

    @Test("A redact key that is not true or false is an error at its line and column")
    func notBoolean() throws {
        let error = try #require(throws: RubricError.self) { try Fixtures.rubric("invalid/redact-not-boolean") }
        #expect(error.problems.map(\.description) == ["6:9: 'redact' must be true or false"])
    }

    @Test("The read-back fixture rubrics: 1.2.0 asks for redaction, the others do not")
    func fixtures() throws {
        let asks = try ["1.0.0", "1.1.0", "1.2.0"].map { version in
            try Rubric(contentsOf: URL(fileURLWithPath: Fixtures.path("privacy/readback-\(version).yaml"))).redacts
        }
        #expect(asks == [false, false, true])
    }
}
