import CallQA
import Foundation

extension CorpusGenerator {
    /// The forms a generated corpus is written in.
    public enum Format: String, Sendable, CaseIterable {
        /// One plain-text transcript per file, `[start - end] Label: text`.
        case text
        /// The native XML schema, several `<call>`s per `<calls>` file.
        case xml
    }

    /// What was written: files, calls and bytes.
    public struct Written: Sendable {
        public var files = 0
        public var calls = 0
        public var bytes = 0
    }

    /// A call in the plain-text form, with its header.
    public static func plainText(_ call: Call) -> String { TranscriptWriter.plainText(call) }

    /// One `<call>` element in the native XML schema.
    public static func xmlElement(_ call: Call) -> String { TranscriptWriter.xmlElement(call) }

    /// A file of calls in the native XML schema.
    public static func xmlDocument(_ calls: [Call]) -> String { TranscriptWriter.xmlDocument(calls) }

    /// Writes `count` calls into `folder`: one call per file for text, and
    /// `perFile` calls per file for XML; with `dates`, the calls are dated
    /// (`date` metadata) evenly over `days` days from `first`, in order.
    public mutating func write(
        calls count: Int, as format: Format, perFile: Int = 1, dates: (first: CallDay, days: Int)? = nil,
        to folder: URL
    ) throws -> Written {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = Written()
        var batch: [Call] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            let name = String(format: "calls-%06d.xml", written.files)
            let data = Data(Self.xmlDocument(batch).utf8)
            try data.write(to: folder.appendingPathComponent(name))
            written.files += 1
            written.bytes += data.count
            batch.removeAll(keepingCapacity: true)
        }
        for number in 0..<count {
            var call = call(number: number)
            if let dates {
                call.metadata[CallDay.metadataKey] =
                    CallDay(number: dates.first.number + number * max(1, dates.days) / max(1, count)).text
            }
            written.calls += 1
            switch format {
            case .text:
                let data = Data(Self.plainText(call).utf8)
                try data.write(to: folder.appendingPathComponent("\(call.id).txt"))
                written.files += 1
                written.bytes += data.count
            case .xml:
                batch.append(call)
                if batch.count >= max(perFile, 1) { try flush() }
            }
        }
        try flush()
        return written
    }
}
