/// Reads CSV (RFC 4180): fields separated by commas, quoted with double
/// quotes when they hold commas, quotes or line breaks; LF or CRLF rows.
///
/// The reader is strict where a mistake would otherwise shift data silently:
///
/// - a quote opens a quoted field only at the field's start; a quote inside
///   an unquoted field (`ab"c`), or text after a quoted field's closing quote
///   (`"ab"c`), makes the row an error, and the row is left out;
/// - a quoted field still open at the end of the text is an error, "unterminated
///   quote starting on line N", and nothing from that line on is read as
///   data: one stray quote cannot swallow the rows after it;
/// - bytes that are not UTF-8 are an error naming their line and column,
///   never replaced (``read(bytes:)``).
package enum CSVReader {
    /// One row, with the 1-based line it starts on.
    package struct Row: Sendable, Equatable {
        /// The line the row starts on.
        package var line: Int
        /// The fields.
        package var fields: [String]
    }

    /// Something in the text that is not CSV, at its line.
    package struct Problem: Sendable, Equatable {
        /// The 1-based line.
        package var line: Int
        /// What is wrong.
        package var message: String
    }

    /// What was read: the rows that are CSV, and the problems.
    package struct Table: Sendable, Equatable {
        /// The rows read, in order; rows with a problem are left out.
        package var rows: [Row]
        /// Every problem, in order of their lines.
        package var problems: [Problem]
    }

    /// Reads a file's bytes: UTF-8 (a byte-order mark is ignored), or UTF-16
    /// with a byte-order mark. Anything else is one problem, and no rows.
    package static func read(bytes: [UInt8]) -> Table {
        do {
            let text = try TextDecoding.utf8(bytes)
            return read(String(decoding: text, as: UTF8.self))
        } catch {
            return Table(rows: [], problems: [Problem(line: error.line ?? 1, message: error.message)])
        }
    }

    /// The rows of `text`; blank lines are skipped. A byte-order mark is ignored.
    package static func read(_ text: String) -> Table {
        var table = Table(rows: [], problems: [])
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var fieldStarted = false
        /// Inside a quoted field, since the line given.
        var quotedSince: Int?
        /// Just after a quoted field's closing quote.
        var closed = false
        /// What is wrong with the row being read, if anything.
        var rowProblem: String?
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endRow() {
            fields.append(field)
            if let rowProblem {
                table.problems.append(Problem(line: rowLine, message: rowProblem + "; row skipped"))
            } else if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                table.rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            fieldStarted = false
            closed = false
            rowProblem = nil
        }
        func column() -> Int { fields.count + 1 }

        while let scalar = scalars.popFirst() {
            if quotedSince != nil {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars = scalars.dropFirst()
                    } else {
                        quotedSince = nil
                        closed = true
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && scalars.first != "\n") { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
                closed = false
            case "\r" where scalars.first == "\n":
                break
            case "\n", "\r":
                endRow()
                line += 1
                rowLine = line
            case "\"":
                if closed {
                    rowProblem = rowProblem ?? "text after the closing quote of field \(column())"
                } else if field.unicodeScalars.allSatisfy({ $0 == " " }) {
                    // A quoted field; spaces before its opening quote are not part of it.
                    field = ""
                    quotedSince = line
                    fieldStarted = true
                } else {
                    rowProblem = rowProblem ?? "a quote inside field \(column()), which does not start with one"
                    field.unicodeScalars.append(scalar)
                }
            case " " where closed:
                break
            default:
                if closed { rowProblem = rowProblem ?? "text after the closing quote of field \(column())" }
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if let start = quotedSince {
            // What follows the opening quote is not data: the row it is in and
            // every line after it are left out.
            table.problems.append(
                Problem(
                    line: start,
                    message: "unterminated quote starting on line \(start): no closing quote before the end of"
                        + " the file, so nothing from line \(rowLine) on was read"))
            return table
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRow() }
        return table
    }
}
