/// Agreement statistics for calibrating machine verdicts against people.
package enum Agreement {
    /// The share of pairs that agree, or `nil` when there are no pairs.
    package static func rate<T: Equatable>(_ pairs: [(T, T)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        return Double(pairs.filter { $0.0 == $0.1 }.count) / Double(pairs.count)
    }

    /// Cohen's kappa for two raters' labels of the same things:
    /// (observed agreement − chance agreement) / (1 − chance agreement).
    ///
    /// - Returns: `nil` when there are no pairs, or when chance agreement is
    ///   1 (both raters gave one and the same label throughout: kappa is 0/0).
    package static func kappa<T: Hashable>(_ pairs: [(T, T)]) -> Double? {
        guard let observed = rate(pairs) else { return nil }
        let count = Double(pairs.count)
        var first: [T: Double] = [:]
        var second: [T: Double] = [:]
        for (a, b) in pairs {
            first[a, default: 0] += 1
            second[b, default: 0] += 1
        }
        let chance = first.reduce(0.0) { $0 + ($1.value / count) * ((second[$1.key] ?? 0) / count) }
        guard chance < 1 - 1e-12 else { return nil }
        return (observed - chance) / (1 - chance)
    }

    /// Pearson's correlation coefficient, or `nil` with fewer than two pairs
    /// or when either side does not vary.
    package static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        guard pairs.count >= 2 else { return nil }
        let n = Double(pairs.count)
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for (x, y) in pairs {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Spearman's rank correlation: Pearson's on ranks, ties sharing their mean rank.
    package static func spearman(_ pairs: [(Double, Double)]) -> Double? {
        let xs = ranks(pairs.map(\.0))
        let ys = ranks(pairs.map(\.1))
        return pearson(Array(zip(xs, ys)))
    }

    /// 1-based ranks, equal values sharing the mean of the ranks they span.
    package static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { result[order[position]] = rank }
            start = end + 1
        }
        return result
    }

    /// The mean absolute difference, or `nil` with no pairs.
    package static func meanAbsoluteDifference(_ pairs: [(Double, Double)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        return pairs.reduce(0) { $0 + abs($1.0 - $1.1) } / Double(pairs.count)
    }

    /// The share of pairs within `tolerance` of each other, or `nil` with no pairs.
    package static func shareWithin(_ tolerance: Double, _ pairs: [(Double, Double)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        return Double(pairs.filter { abs($0.0 - $0.1) <= tolerance }.count) / Double(pairs.count)
    }
}
