import CallQA
import Foundation

extension CorpusGenerator {
    /// What ``writeTranscribeJob(bytes:language:to:)`` wrote.
    public struct TranscribeJob: Sendable {
        /// The file's size.
        public var bytes = 0
        /// Words and punctuation marks in `results.items`.
        public var items = 0
        /// The characters of every word and punctuation mark, all told.
        public var characters = 0
    }

    /// Writes one Amazon Transcribe transcription job of at least `bytes`
    /// bytes: the turns of generated calls in `language`, one after the
    /// other, as a job with speaker partitioning writes them — an item for
    /// every word (with its times, a confidence and `spk_0` for the agent,
    /// `spk_1` for the customer) and every punctuation mark, then the whole
    /// transcript. English words are split at spaces, Chinese text into
    /// words of two characters.
    ///
    /// The same seed writes the same file. It is written as it is generated,
    /// so the generator holds little more than the transcript. It is meant
    /// for measuring how the reader copes with a large job, so times simply
    /// run on (a word every few tenths of a second).
    public mutating func writeTranscribeJob(bytes target: Int, language: Language = .english, to file: URL) throws
        -> TranscribeJob
    {
        let code =
            switch language {
            case .english: "en-US"
            case .traditionalChinese: "zh-TW"
            default: "zh-CN"
            }
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var job = TranscribeJob()
        var pending =
            #"{"jobName":"generated-job","accountId":"000000000000","results":{"language_code":""#
            + code + #"","items":["# + "\n"
        func flush(atLeast size: Int) throws {
            guard pending.utf8.count >= size else { return }
            let data = Data(pending.utf8)
            try handle.write(contentsOf: data)
            job.bytes += data.count
            pending = ""
        }
        var transcript = ""
        var milliseconds = 0
        var speaker = ""
        func add(_ content: String, punctuation: Bool) {
            if job.items > 0 { pending += ",\n" }
            job.items += 1
            job.characters += content.count
            let escaped = Self.escaped(content)
            if punctuation {
                pending += #"{"type":"punctuation","alternatives":[{"confidence":"0.0","content":""#
                pending += escaped + #""}],"speaker_label":""# + speaker + #""}"#
                return
            }
            let start = milliseconds
            milliseconds += min(600, max(150, 60 * content.count))
            pending += #"{"start_time":""# + Self.seconds(start) + #"","end_time":""# + Self.seconds(milliseconds)
            pending += #"","alternatives":[{"confidence":"0.98","content":""# + escaped
            pending += #""}],"type":"pronunciation","speaker_label":""# + speaker + #""}"#
            milliseconds += 50
        }
        var number = 0
        while job.bytes + pending.utf8.count + transcript.utf8.count < target {
            for turn in call(number: number, language: language).turns {
                speaker = turn.role == .agent ? "spk_0" : "spk_1"
                if !transcript.isEmpty { transcript += " " }
                transcript += Self.escaped(turn.text)
                for (content, isPunctuation) in Self.words(of: turn.text) { add(content, punctuation: isPunctuation) }
                milliseconds += 700
            }
            number += 1
            try flush(atLeast: 1 << 20)
        }
        pending += "],\n" + #""transcripts":[{"transcript":""# + transcript + #""}]},"status":"COMPLETED"}"# + "\n"
        try flush(atLeast: 0)
        return job
    }

    /// The words and punctuation marks of a turn's text, in order.
    private static func words(of text: String) -> [(String, Bool)] {
        var words: [(String, Bool)] = []
        var word = ""
        func end() {
            if !word.isEmpty { words.append((word, false)) }
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                end()
            } else if ",.?!;:，。？！；：、".contains(character) {
                end()
                words.append((String(character), true))
            } else {
                word.append(character)
                if character.unicodeScalars.first.map({ $0.value >= 0x3400 }) == true, word.count == 2 { end() }
            }
        }
        end()
        return words
    }

    /// Milliseconds as Transcribe writes seconds: `12.345`.
    private static func seconds(_ milliseconds: Int) -> String {
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "\\" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
