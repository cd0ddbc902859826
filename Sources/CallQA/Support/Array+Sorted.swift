extension Array {
    /// The index of the first element for which `isAfter` holds, in an array
    /// where it holds for a suffix (a binary search).
    func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Array where Element: Comparable {
    /// Sorts the array and removes repeated elements, in place: a set's
    /// sorted elements without hashing each one.
    mutating func sortAndRemoveRepeats() {
        sort()
        var unique = 0
        for element in self where unique == 0 || self[unique - 1] != element {
            self[unique] = element
            unique += 1
        }
        removeSubrange(unique...)
    }

    /// Whether the array, sorted, holds `element` (a binary search).
    func sortedContains(_ element: Element) -> Bool {
        let index = partitioningIndex { $0 >= element }
        return index < count && self[index] == element
    }
}
