/// What a run of digits is: a resident ID number, a phone number, a payment
/// card number, a long run, or nothing to mask.
extension NumberRuns {
    /// What a run is, if it is personal data.
    static func classify(_ run: ArraySlice<Unit>, in scalars: [Unicode.Scalar]) -> Redactor.Finding? {
        let run = run.drop { $0.isOh }
        guard let first = run.first, let last = run.last else { return nil }
        let digits = run.flatMap(\.digits)
        let start = first.start
        var end = last.end

        // A resident ID number may end in X.
        if digits.count == 17, last.form != .word, end < scalars.count, ["X", "x", "Ｘ"].contains(scalars[end]),
            end + 1 == scalars.count || !isASCIIAlphanumeric(scalars[end + 1]),
            Checksums.isResidentID(digits, check: 10)
        {
            end += 1
            return Redactor.Finding(kind: .nationalID, range: start..<end)
        }
        let kind: Redactor.Kind?
        if digits.count == 18, Checksums.isResidentID(Array(digits.prefix(17)), check: Int(digits[17])) {
            kind = .nationalID
        } else if isPhoneNumber(digits, international: isInternational(before: start, in: scalars)) {
            kind = .phoneNumber
        } else if (13...19).contains(digits.count) && Checksums.passesLuhn(digits) {
            kind = .paymentCard
        } else if digits.count >= longRun {
            kind = .digitRun
        } else if localPhone.contains(digits.count) && followsPhoneWord(start, in: scalars) {
            kind = .phoneNumber
        } else {
            kind = nil
        }
        return kind.map { Redactor.Finding(kind: $0, range: start..<end) }
    }

    /// Whether a `+` (or `＋`) comes just before `start`, a space between at most.
    private static func isInternational(before start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var position = start - 1
        if position >= 0 && scalars[position] == " " { position -= 1 }
        return position >= 0 && (scalars[position] == "+" || scalars[position] == "＋")
    }

    /// Whether digits have the shape of a phone number: international (after
    /// `+`, 8 to 15 digits; after `00`, 10 to 15), a Chinese mobile (`1[3-9]` and 9 more,
    /// after `86` or not), a Chinese landline with its area code (`0`, 10 to 12
    /// digits), or a North American number (`[2-9]xx [2-9]xx xxxx`, after `1` or not).
    static func isPhoneNumber(_ digits: [UInt8], international: Bool) -> Bool {
        let count = digits.count
        if international && (8...15).contains(count) { return true }
        if digits.starts(with: [0, 0]) && (10...15).contains(count) { return true }
        func mobile(from offset: Int) -> Bool {
            count == offset + 11 && digits[offset] == 1 && digits[offset + 1] >= 3
        }
        if mobile(from: 0) || (digits.starts(with: [8, 6]) && mobile(from: 2)) { return true }
        if (10...12).contains(count) && digits[0] == 0 && digits[1] != 0 { return true }
        func northAmerican(from offset: Int) -> Bool {
            count == offset + 10 && digits[offset] >= 2 && digits[offset + 3] >= 2
        }
        return northAmerican(from: 0) || (digits.first == 1 && northAmerican(from: 1))
    }

    /// Words for a phone or a number, one of which must end within
    /// ``cueReach`` scalars before a run of ``localPhone`` digits.
    static let phoneWords: Set<String> = [
        "phone", "telephone", "tel", "number", "cell", "mobile", "fax", "ext", "extension", "call", "dial",
        "reach", "contact",
    ]
    static let phoneCharacters: [String] = [
        "电话", "電話", "手机", "手機", "号码", "號碼", "座机", "座機", "分机", "分機", "联系", "聯繫", "拨打", "撥打",
        "致电", "致電", "号", "號",
    ]

    /// Whether a word for a phone or a number ends shortly before `start`.
    private static func followsPhoneWord(_ start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let window = scalars[max(0, start - cueReach)..<start]
        var text = ""
        text.unicodeScalars.append(contentsOf: window)
        if phoneCharacters.contains(where: text.contains) { return true }
        var word = ""
        for scalar in window + [" "] {
            if isASCIILetter(scalar) {
                word.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            } else {
                if phoneWords.contains(word) { return true }
                word = ""
            }
        }
        return false
    }
}
