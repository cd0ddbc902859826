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
}
