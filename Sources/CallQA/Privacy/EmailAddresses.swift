/// E-mail addresses written out in a text: `local@domain.tld` in ASCII, the
/// local part of letters, digits and `._%+-`, the domain of two labels or
/// more (letters, digits, inner hyphens) ending in a top-level domain of two
/// letters or more. A dot or hyphen after the address (the end of a
/// sentence) is not part of it. Addresses spelt out in words ("anna at
/// example dot com") are not found.
enum EmailAddresses {
    /// Where the addresses of `scalars` are, in order, not overlapping.
    static func spans(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var floor = 0
        var at = 0
        while at < scalars.count {
            guard scalars[at] == "@" else {
                at += 1
                continue
            }
            var start = at
            while start > floor && isLocal(scalars[start - 1]) { start -= 1 }
            while start < at && scalars[start] == "." { start += 1 }
            var end = at + 1
            while end < scalars.count && isDomain(scalars[end]) { end += 1 }
            while end > at + 1 && (scalars[end - 1] == "." || scalars[end - 1] == "-") { end -= 1 }
            if start < at && scalars[at - 1] != "." && isDomainName(scalars[(at + 1)..<end]) {
                spans.append(start..<end)
                floor = end
                at = end
            } else {
                at += 1
            }
        }
        return spans
    }

    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        NumberRuns.isASCIIAlphanumeric(scalar) || "._%+-".unicodeScalars.contains(scalar)
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        NumberRuns.isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "-"
    }

    /// Whether labels separated by dots make a domain name with a top-level domain.
    private static func isDomainName(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(NumberRuns.isASCIILetter)
        else { return false }
        return labels.allSatisfy { label in !label.isEmpty && label.first != "-" && label.last != "-" }
    }
}
