import CallQATestSupport
import Foundation

/// Transcripts generated at test time (never committed) by the test-support
/// corpus generator: short calls in all three languages, many per XML file.
enum GeneratedCorpus {
    /// Writes `calls` calls into XML files of `perFile` calls each, in a new folder.
    static func make(calls: Int, perFile: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-generated-\(UUID().uuidString)")
        var generator = CorpusGenerator(seed: 2024)
        generator.callSize = 600...1_200
        _ = try generator.write(calls: calls, as: .xml, perFile: perFile, to: folder)
        return folder
    }
}
