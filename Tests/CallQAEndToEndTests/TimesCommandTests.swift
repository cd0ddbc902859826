import Foundation
import Testing

@Suite("Times that are none, end to end")
struct TimesCommandTests {
    static let files = [
        "Tests/Fixtures/times/nan-start.transcribe.json", "Tests/Fixtures/times/huge-offset.contact-lens.json",
        "Tests/Fixtures/times/infinite-slot.eaf", "Tests/Fixtures/times/huge-sync.trs",
    ]

    static let commands: [[String]] = [
        ["explain"], ["explain", "--format", "markdown"], ["inspect", "--format", "table"],
        ["convert", "--to", "text"], ["convert", "--to", "xml"], ["score", "--format", "json"],
        ["score", "--format", "csv"],
    ]

    @Test(
        "NaN, infinite and huge times are an error naming the file, exit 1, on every command that used to crash",
        arguments: commands)
    func rejected(command: [String]) throws {
        // A value that is no time: JSON's null or NaN, or a clock of one.
        let noTime = try Regex(#"(?i)[:,=]\s*"?(null|nan|-?inf)\b|--:--"#)
        for file in Self.files {
            let result = try CLI.run([command[0], file] + command.dropFirst())
            #expect(result.status == 1, "\(command) \(file): \(result.stderr)")
            #expect(result.stderr.contains("\(file)"), "\(command) \(file): \(result.stderr)")
            #expect(result.stderr.contains("error: invalid time: "), "\(command) \(file): \(result.stderr)")
            #expect(result.stdout.firstMatch(of: noTime) == nil, "\(command) \(file): \(result.stdout)")
        }
    }
}
