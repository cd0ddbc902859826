/// Masks the personal data in transcript text: payment card numbers, phone
/// numbers, e-mail addresses, Chinese resident ID numbers and long runs of
/// digits — written in figures, in Chinese numerals or in English number
/// words.
///
/// What it finds:
///
/// - **payment card numbers**: 13 to 19 digits that pass the Luhn check;
/// - **phone numbers**: after `+` (8 to 15 digits) or `00` (10 to 15), Chinese
///   mobiles (`1[3-9]` and 9 more digits, `86` before them or not), Chinese
///   landlines with their area code (`0`, 10 to 12 digits in all), North
///   American numbers (`(415) 555-0132`, `1-800-555-0199`), and 7 or 8 digits
///   shortly after a word for a phone or a number (`电话`, `号码`, "phone",
///   "number", "call");
/// - **e-mail addresses** written out (`anna.lee@example.com`);
/// - **Chinese resident ID numbers**: 18 characters whose last is the ISO 7064
///   MOD 11-2 check character of the 17 digits before it (`X` for 10);
/// - **any other run of 9 digits or more**.
///
/// A number is a run of digits — figures (`4111 1111 1111 1111`, full-width
/// `１３８`), Chinese numerals read digit by digit (`幺三八`, `〇` and `零` for
/// 0) or English number words ("four one one one", "double five", "oh" for 0
/// after another digit) — with at most a separator between two of them (up
/// to two spaces, a hyphen or dash, a dot between figures, a comma or `、`
/// between words or numerals, an area code's brackets). Clock times (`10:30`)
/// and dates (`2024-05-06`) are never part of one; amounts, dates, times and
/// any number of up to 8 digits stay as written.
///
/// **The mask.** In what it finds, every letter, figure and numeral becomes
/// `*`, or `＊` (U+FF0A) where the character is wide (a full-width figure, a
/// Chinese numeral); everything else stays — spaces, hyphens, dots,
/// brackets, `+`, `@`. So `138-1234-5678` becomes `***-****-****`,
/// `anna.lee@example.com` becomes `****.***@*******.***` and `幺三八` becomes
/// `＊＊＊`. The text keeps its length in Unicode scalars, in UTF-8 bytes and
/// in terminal columns, so evidence offsets point at the same words and
/// tables keep their layout.
///
/// ```swift
/// let redactor = Redactor()
/// redactor.redact("卡号是4111 1111 1111 1111，手机13812345678")  // "卡号是**** **** **** ****，手机***********"
/// ```
///
/// A redacted ``Call`` (from `redact(_:)` given a call, or read by a
/// ``TranscriptLoader`` with a ``TranscriptLoader/redactor``) is still scored
/// on what was said: a scorer matches the original words, and its scorecard
/// quotes the masked ones.
public struct Redactor: Sendable, Equatable, Hashable {
    /// What a piece of personal data is.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// A payment card number (Luhn-checked).
        case paymentCard = "payment-card"
        /// A phone number.
        case phoneNumber = "phone-number"
        /// An e-mail address.
        case emailAddress = "email-address"
        /// A Chinese resident ID number (checksum verified).
        case nationalID = "national-id"
        /// Any other run of 9 digits or more.
        case digitRun = "digit-run"
    }

    /// A piece of personal data found in a text.
    public struct Finding: Sendable, Equatable, Hashable {
        /// What it is.
        public var kind: Kind
        /// Where it is, in Unicode scalars from the text's start.
        public var range: Range<Int>

        /// Creates a finding.
        public init(kind: Kind, range: Range<Int>) {
            self.kind = kind
            self.range = range
        }
    }

    /// The mask of a narrow character.
    public static let narrowMask: Unicode.Scalar = "*"
    /// The mask of a wide character (a full-width figure, a Chinese numeral).
    public static let wideMask: Unicode.Scalar = "\u{FF0A}"

    /// Creates a redactor.
    public init() {}

    /// Every piece of personal data in `text`, in order; none overlap.
    public func findings(in text: String) -> [Finding] {
        findings(in: Array(text.unicodeScalars))
    }

    /// `text` with every piece of personal data masked.
    public func redact(_ text: String) -> String {
        masked(text) ?? text
    }

    /// `text` masked, or `nil` when it holds no personal data.
    func masked(_ text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        let found = findings(in: scalars)
        guard !found.isEmpty else { return nil }
        for finding in found {
            for position in finding.range where Self.carriesData(scalars[position]) {
                scalars[position] = scalars[position].isASCII ? Self.narrowMask : Self.wideMask
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    private func findings(in scalars: [Unicode.Scalar]) -> [Finding] {
        let addresses = EmailAddresses.spans(in: scalars)
        var found = addresses.map { Finding(kind: .emailAddress, range: $0) }
        found += NumberRuns.findings(in: scalars, skipping: addresses)
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        return found
    }

    /// Whether a character of a finding is masked: an ASCII letter or figure,
    /// a full-width figure or letter, a Chinese numeral. Each of these is one
    /// byte of UTF-8 (masked by `*`) or three (masked by `＊`).
    static func carriesData(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: NumberRuns.numeralValue(scalar) != nil
        }
    }
}
