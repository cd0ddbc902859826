import Foundation

/// One `## ` section of the package's README.
struct ReadmeSection {
    /// The section's lines, its heading excluded.
    var lines: [Substring]

    /// The section headed `## title`.
    init(_ title: String) throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let all = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = all.firstIndex(of: Substring("## " + title)) else {
            throw BuiltLibrary.Failure("README.md has no section '## \(title)'")
        }
        let rest = all[(heading + 1)...]
        lines = Array(rest[..<(rest.firstIndex { $0.hasPrefix("## ") } ?? rest.endIndex)])
    }

    /// The first fenced code block in `language`, without its fences.
    func codeBlock(_ language: String) throws -> String {
        guard let start = lines.firstIndex(of: Substring("```" + language)),
            let end = lines[(start + 1)...].firstIndex(of: "```")
        else {
            throw BuiltLibrary.Failure("the section has no ```\(language) block")
        }
        return lines[(start + 1)..<end].joined(separator: "\n") + "\n"
    }

    /// The names in backticks in the section's bullet lists that are Swift
    /// type names (one capitalised identifier), in order of appearance.
    var listedTypeNames: [String] {
        var names: [String] = []
        var inList = false
        var inCode = false
        for line in lines {
            if line.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode { continue }
            if line.hasPrefix("- ") { inList = true } else if !line.hasPrefix("  ") { inList = false }
            guard inList else { continue }
            for (index, part) in line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            where index % 2 == 1 {
                if let first = part.first, first.isUppercase, part.allSatisfy({ $0.isLetter || $0.isNumber }) {
                    names.append(String(part))
                }
            }
        }
        return names
    }
}
