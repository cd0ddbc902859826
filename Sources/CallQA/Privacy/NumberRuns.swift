/// The numbers in a text that can identify a person — payment card, phone
/// and Chinese resident ID numbers, and any other long run of digits —
/// whether written in figures (`4111 1111 1111 1111`, full-width `１３８`), in
/// Chinese numerals read digit by digit (`幺三八`, `〇`/`零` for 0) or in
/// English number words ("four one one one", "double five", "oh" for 0 after
/// another digit).
///
/// A text is cut into *units* — a figure, a numeral, a number word ("double
/// five" is one unit of two digits) — and units are joined into a *run* when
/// nothing stands between them, or only a separator: up to two spaces, one
/// hyphen or dash, a dot between figures, a comma or `、` between words or
/// numerals, and the brackets of an area code (`(010) 6552`). Across a
/// separator, the groups of units on either side hold at most
/// ``longestGroup`` units each, so `13812345678 300` is two numbers. Figures
/// of a clock time (`10:30`) or a date (`2024-05-06`, `06.05.2024`) are never
/// part of a run.
enum NumberRuns {
    /// One digit of a number, or several ("double five"), as written.
    struct Unit {
        /// How the digit is written.
        enum Form {
            /// An ASCII or full-width figure.
            case figure
            /// A Chinese numeral.
            case numeral
            /// An English number word.
            case word
        }

        /// Where the unit is, in Unicode scalars.
        var start: Int
        var end: Int
        var form: Form
        /// The digits it stands for.
        var digits: [UInt8]
        /// Whether it is the word "oh", which is 0 only after another digit.
        var isOh = false
    }

    /// The fewest digits a run needs to be masked whatever it is.
    static let longRun = 9
    /// Runs of this many digits are phone numbers when a word for a phone or
    /// a number comes just before them (`电话`, `号码`, "phone", "number").
    static let localPhone = 7...8
    /// How many scalars before a run a phone word may end.
    static let cueReach = 12
    /// The most units of one group joined to another across a separator.
    static let longestGroup = 8
    /// The longest separator between two units of a run, in scalars.
    static let longestSeparator = 5

    /// Every number of `scalars` that is personal data, outside the `skipped`
    /// ranges (sorted, not overlapping), in order.
    static func findings(in scalars: [Unicode.Scalar], skipping skipped: [Range<Int>]) -> [Redactor.Finding] {
        var units = units(in: scalars, skipping: skipped)
        removeTimesAndDates(from: &units, in: scalars)
        guard !units.isEmpty else { return [] }

        // The size of the group (units with nothing between) each unit ends or starts.
        var groupBefore = [Int](repeating: 1, count: units.count)
        var groupAfter = [Int](repeating: 1, count: units.count)
        for index in units.indices.dropFirst() where adjacent(units[index - 1], units[index]) {
            groupBefore[index] = groupBefore[index - 1] + 1
        }
        for index in units.indices.dropLast().reversed() where adjacent(units[index], units[index + 1]) {
            groupAfter[index] = groupAfter[index + 1] + 1
        }

        var findings: [Redactor.Finding] = []
        var runStart = 0
        for index in units.indices.dropFirst() {
            let groups = (groupBefore[index - 1], groupAfter[index])
            guard !joinable(units[index - 1], units[index], in: scalars, groups: groups) else { continue }
            if let finding = classify(units[runStart..<index], in: scalars) { findings.append(finding) }
            runStart = index
        }
        if let finding = classify(units[runStart...], in: scalars) { findings.append(finding) }
        return findings
    }

    // MARK: Units

    /// Every unit of `scalars` outside the `skipped` ranges, in order.
    static func units(in scalars: [Unicode.Scalar], skipping skipped: [Range<Int>]) -> [Unit] {
        var units: [Unit] = []
        var position = 0
        var nextSkipped = 0
        while position < scalars.count {
            let limit = nextSkipped < skipped.count ? skipped[nextSkipped].lowerBound : scalars.count
            if position >= limit {
                position = max(position, skipped[nextSkipped].upperBound)
                nextSkipped += 1
                continue
            }
            let scalar = scalars[position]
            if let digit = figureValue(scalar) {
                units.append(Unit(start: position, end: position + 1, form: .figure, digits: [digit]))
                position += 1
            } else if let digit = numeralValue(scalar) {
                units.append(Unit(start: position, end: position + 1, form: .numeral, digits: [digit]))
                position += 1
            } else if isASCIILetter(scalar) {
                let end = wordEnd(from: position, in: scalars, limit: limit)
                if let unit = wordUnit(position..<end, in: scalars, limit: limit) {
                    units.append(unit)
                    position = unit.end
                } else {
                    position = end
                }
            } else {
                position += 1
            }
        }
        return units
    }

    /// The end of the word of ASCII letters (with apostrophes between them) starting at `start`.
    private static func wordEnd(from start: Int, in scalars: [Unicode.Scalar], limit: Int) -> Int {
        var end = start
        while end < limit {
            if isASCIILetter(scalars[end]) {
                end += 1
            } else if scalars[end] == "'" && end + 1 < limit && isASCIILetter(scalars[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// The unit a word starts: a number word, or "double"/"triple" with the
    /// number word after it (one space or hyphen between).
    private static func wordUnit(_ word: Range<Int>, in scalars: [Unicode.Scalar], limit: Int) -> Unit? {
        guard let spelled = lowercased(word, in: scalars) else { return nil }
        if let digit = wordDigits[spelled] {
            return Unit(
                start: word.lowerBound, end: word.upperBound, form: .word, digits: [digit], isOh: spelled == "oh")
        }
        guard let times = repeaters[spelled], word.upperBound + 1 < limit,
            scalars[word.upperBound] == " " || scalars[word.upperBound] == "-"
        else { return nil }
        let next = word.upperBound + 1
        let end = wordEnd(from: next, in: scalars, limit: limit)
        guard end > next, let repeated = lowercased(next..<end, in: scalars), let digit = wordDigits[repeated] else {
            return nil
        }
        return Unit(
            start: word.lowerBound, end: end, form: .word, digits: [UInt8](repeating: digit, count: times))
    }

    /// The word in lower case, when it is short enough to be a number word.
    private static func lowercased(_ word: Range<Int>, in scalars: [Unicode.Scalar]) -> String? {
        guard word.count <= 6 else { return nil }
        var text = ""
        for scalar in scalars[word] {
            guard isASCIILetter(scalar) else { return nil }
            text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
        }
        return text
    }

    /// English number words, as digits.
    static let wordDigits: [String: UInt8] = [
        "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9,
    ]

    /// Words that repeat the digit after them ("double five" is 55).
    static let repeaters: [String: Int] = ["double": 2, "triple": 3]

    /// Chinese numerals read digit by digit, as digits.
    static let numeralDigits: [Unicode.Scalar: UInt8] = [
        "零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The digit of an ASCII or full-width figure.
    static func figureValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: UInt8(scalar.value - 0xFF10)
        default: nil
        }
    }

    /// The digit of a Chinese numeral.
    static func numeralValue(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value < 0x3007 ? nil : numeralDigits[scalar]
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    // MARK: Clock times and dates

    /// Takes out the figures of clock times (`10:30`) and of dates written
    /// with `-`, `.` or `/` between year, month and day.
    private static func removeTimesAndDates(from units: inout [Unit], in scalars: [Unicode.Scalar]) {
        // Groups of figures with nothing between them.
        var groups: [Range<Int>] = [] // unit indices
        var index = 0
        while index < units.count {
            guard units[index].form == .figure else {
                index += 1
                continue
            }
            var end = index + 1
            while end < units.count && units[end].form == .figure && units[end].start == units[end - 1].end {
                end += 1
            }
            groups.append(index..<end)
            index = end
        }
        var removed = Set<Int>()
        func span(_ group: Range<Int>) -> Range<Int> { units[group.lowerBound].start..<units[group.upperBound - 1].end }
        func isFigure(at position: Int) -> Bool {
            position >= 0 && position < scalars.count && figureValue(scalars[position]) != nil
        }
        func isColon(at position: Int) -> Bool {
            position >= 0 && position < scalars.count && (scalars[position] == ":" || scalars[position] == "：")
        }
        for group in groups {
            let place = span(group)
            if (isColon(at: place.upperBound) && isFigure(at: place.upperBound + 1))
                || (isColon(at: place.lowerBound - 1) && isFigure(at: place.lowerBound - 2))
            {
                removed.formUnion(group)
            }
        }
        for first in groups.indices.dropLast(2) {
            let parts = [groups[first], groups[first + 1], groups[first + 2]]
            let places = parts.map(span)
            guard places[1].lowerBound - places[0].upperBound == 1, places[2].lowerBound - places[1].upperBound == 1
            else { continue }
            let separator = scalars[places[0].upperBound]
            guard separator == scalars[places[1].upperBound], separator == "-" || separator == "." || separator == "/"
            else { continue }
            let values = parts.map { part in part.reduce(0) { $0 * 10 + Int(units[$1].digits[0]) } }
            let lengths = parts.map(\.count)
            if isDate(year: (values[0], lengths[0]), values[1], values[2], lengths: (lengths[1], lengths[2]))
                || isDate(year: (values[2], lengths[2]), values[0], values[1], lengths: (lengths[0], lengths[1]))
                || isDate(year: (values[2], lengths[2]), values[1], values[0], lengths: (lengths[1], lengths[0]))
            {
                for part in parts { removed.formUnion(part) }
            }
        }
        if !removed.isEmpty {
            units = units.indices.filter { !removed.contains($0) }.map { units[$0] }
        }
    }

    /// Whether a four-figure year from 1900 to 2099, a month and a day
    /// (one or two figures each) make a date.
    private static func isDate(year: (value: Int, length: Int), _ month: Int, _ day: Int, lengths: (Int, Int)) -> Bool {
        year.length == 4 && (1900...2099).contains(year.value) && (1...2).contains(lengths.0)
            && (1...2).contains(lengths.1) && (1...12).contains(month) && (1...31).contains(day)
    }

    // MARK: Runs

    /// Whether two units touch, with nothing between them.
    private static func adjacent(_ left: Unit, _ right: Unit) -> Bool {
        left.end == right.start && left.form != .word && right.form != .word
    }

    /// Whether `right` continues the run `left` ends: they touch, or only a
    /// separator stands between them and neither side's group is too long.
    private static func joinable(
        _ left: Unit, _ right: Unit, in scalars: [Unicode.Scalar], groups: (before: Int, after: Int)
    ) -> Bool {
        if left.end == right.start { return adjacent(left, right) }
        let gap = left.end..<right.start
        guard gap.count <= longestSeparator, groups.before <= longestGroup, groups.after <= longestGroup else {
            return false
        }
        var position = gap.lowerBound
        if scalars[position] == ")" { position += 1 }
        func skipSpaces() {
            var count = 0
            while position < gap.upperBound && count < 2 && isSpace(scalars[position]) {
                position += 1
                count += 1
            }
        }
        skipSpaces()
        if position < gap.upperBound {
            let scalar = scalars[position]
            let figures = left.form == .figure && right.form == .figure
            let spoken = left.form != .figure && right.form != .figure
            if dashes.contains(scalar) || (scalar == "." && figures) || (commas.contains(scalar) && spoken) {
                position += 1
                skipSpaces()
            }
        }
        if position < gap.upperBound && scalars[position] == "(" { position += 1 }
        return position == gap.upperBound
    }

    private static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{FF0D}"]
    private static let commas: Set<Unicode.Scalar> = [",", "，", "、"]

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\u{3000}"
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || (0x30...0x39).contains(scalar.value)
    }
}
