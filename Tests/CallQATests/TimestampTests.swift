import CallQA
import Testing

@Suite("Timestamps")
struct TimestampTests {
    @Test(
        "Single times",
        arguments: [
            ("00:00:01.250", 1.25), ("01:02:03", 3723.0), ("02:05", 125.0), ("12.5", 12.5), ("0", 0.0),
            ("75:30.5", 4530.5), ("00:00:09,5", 9.5), (" 7 ", 7.0), ("00:00:05.1234567", 5.1234567),
            ("00:00:05.123456789", 5.123456789), ("00:00:09.250000000", 9.25),
        ])
    func seconds(text: String, expected: Double) {
        #expect(Timestamp.seconds(text) == expected)
    }

    @Test(
        "Not times",
        arguments: [
            "", "abc", "1:2:3:4", "00:61", "01:00:60", "-5", "1e3", "12.", ".5", "inaudible", "99:99:99",
            "00:00:05.1234567891", "nan", "inf",
        ])
    func notTimes(text: String) {
        #expect(Timestamp.seconds(text) == nil)
    }

    @Test(
        "Ranges with every separator",
        arguments: [
            "00:01:02 - 00:01:05", "00:01:02-00:01:05", "00:01:02 --> 00:01:05", "00:01:02 – 00:01:05",
            "00:01:02 — 00:01:05", "62 ~ 65",
        ])
    func ranges(text: String) {
        #expect(Timestamp.range(text) == Timestamp.Range(start: 62, end: 65))
    }

    @Test("A range with a bad end is no range")
    func badRange() {
        #expect(Timestamp.range("00:01 - later") == nil)
    }
}
