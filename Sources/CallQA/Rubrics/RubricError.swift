/// Why a rubric could not be loaded: every problem, each with its place.
///
/// ```text
/// rubrics/zh-standard.yaml:42:7: error: item weights add up to 90, not the total 100
/// ```
public struct RubricError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem in a rubric file.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line, when known.
        public var line: Int?
        /// The 1-based column, when known.
        public var column: Int?
        /// What is wrong.
        public var message: String

        /// Creates a problem.
        public init(line: Int?, column: Int?, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }

        /// `line:column: message`.
        public var description: String {
            switch (line, column) {
            case (let line?, let column?): "\(line):\(column): \(message)"
            case (let line?, nil): "\(line): \(message)"
            default: message
            }
        }
    }

    /// The file the rubric was read from.
    public var source: String
    /// Every problem found, in file order.
    public var problems: [Problem]

    /// Creates an error.
    public init(source: String, problems: [Problem]) {
        self.source = source
        self.problems = problems
    }

    /// One `source:line:column: error: message` line per problem.
    public var description: String {
        problems.map { problem in
            let place = [problem.line, problem.column].compactMap { $0.map(String.init) }.joined(separator: ":")
            return "\(source)\(place.isEmpty ? "" : ":" + place): error: \(problem.message)"
        }.joined(separator: "\n")
    }

    /// The problems as diagnostics, for reports.
    public var diagnostics: [Diagnostic] {
        problems.map { problem in
            Diagnostic(
                .error, source: source, line: problem.line,
                message: (problem.column.map { "column \($0): " } ?? "") + problem.message)
        }
    }
}
