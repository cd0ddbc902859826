extension CallAnalysis {
    /// How many of `role`'s last turns say nothing but `group`'s phrases
    /// (再见, "bye", "you're welcome"), with punctuation, redaction tokens and
    /// sentence particles: the turns a closing window looks past. At least
    /// one of the speaker's turns is always kept.
    func trailingTurns(by role: SpeakerRole, saying group: PhraseGroup) -> Int {
        let turns = turns(by: role)
        var count = 0
        for turn in turns.reversed().dropLast() {
            let found = matches(of: group, inTurns: [turn]).map(\.match.range)
            guard !found.isEmpty, Self.saysNothingElse(normalized[turn].bytes, besides: found) else { break }
            count += 1
        }
        return count
    }

    /// Whether `bytes` hold no word or Han character outside `ranges`, other
    /// than sentence particles and bare acknowledgements (嗯, 好, 哦) and
    /// redaction tokens such as `#NAME#` or `[姓名x]`.
    static func saysNothingElse(_ bytes: [UInt8], besides ranges: [Range<Int>]) -> Bool {
        var index = 0
        var bracket = false
        while index < bytes.count, let scalar = UTF8Scalars.scalar(at: index, in: bytes) {
            let width = UTF8.width(scalar)
            defer { index += width }
            if let range = ranges.first(where: { $0.contains(index) }) {
                index = range.upperBound - width
                continue
            }
            if scalar == "[" || scalar == "#" || scalar == "\u{3010}" {
                bracket.toggle()
                continue
            }
            if scalar == "]" || scalar == "\u{3011}" {
                bracket = false
                continue
            }
            if bracket { continue }
            if ScalarClass.isUnspacedScript(scalar) {
                if !particles.contains(scalar) { return false }
            } else if ScalarClass.isWordCharacter(scalar) {
                return false
            }
        }
        return true
    }

    private static let particles: Set<Unicode.Scalar> = Set("哦噢啊呀呢哈啦嘛吧哟呦喔嗯亲的了好滴哒".unicodeScalars)
}
