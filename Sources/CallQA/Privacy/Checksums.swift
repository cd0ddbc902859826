/// The check digits that tell a real card or ID number from any run of
/// digits of the same length.
enum Checksums {
    /// Whether `digits` (0–9 each) pass the Luhn check, as every payment card
    /// number does: from the right, every second digit doubled (less 9 when
    /// over 9), and the sum a multiple of 10.
    static func passesLuhn(_ digits: [UInt8]) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if position % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// The weights of a Chinese resident ID number's first 17 digits (GB 11643,
    /// ISO 7064 MOD 11-2): 2^(17 − i) mod 11.
    private static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check character of a Chinese resident ID number whose first 17
    /// digits are `digits`: 0–9, or 10 (written `X`).
    static func residentIDCheck(_ digits: [UInt8]) -> Int? {
        guard digits.count == 17 else { return nil }
        let sum = zip(digits, residentIDWeights).reduce(0) { $0 + Int($1.0) * $1.1 }
        return (12 - sum % 11) % 11
    }

    /// Whether 17 digits followed by `check` (0–9, or 10 for `X`) make a Chinese
    /// resident ID number with a valid check character.
    static func isResidentID(_ digits: [UInt8], check: Int) -> Bool {
        residentIDCheck(digits) == check
    }
}
