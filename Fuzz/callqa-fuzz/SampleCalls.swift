import CallQA

/// Two short timed calls, one in English and one in simplified Chinese, that
/// meet some rubric items and miss others: what a fuzzed rubric is scored on.
enum SampleCalls {
    /// Both calls, English first.
    static let all: [Call] = [english, chinese].map(read)

    private static let english = """
        # call: sample-en
        # agent: Robin Hale
        # language: en
        [00:00:00 - 00:00:06] Agent: Good afternoon, you have reached Lakeside Water, my name is Robin. How can I help?
        [00:00:06 - 00:00:15] Customer: Hello, this is Priya Nair. My meter reading looks far too high this quarter.
        [00:00:15 - 00:00:22] Agent: I'm sorry to hear that, Ms. Nair. Let me look at the readings on your account.
        [00:00:22 - 00:00:40] Agent: Please hold for a moment while I check.
        [00:00:40 - 00:00:47] Customer: Okay.
        [00:00:47 - 00:00:58] Agent: Thank you for waiting. The last reading was estimated, so I've booked a real one for Monday.
        [00:00:58 - 00:01:02] Customer: That's not what I was told last time, honestly.
        [00:01:02 - 00:01:09] Agent: Calm down, that's our policy. Is there anything else?
        [00:01:09 - 00:01:12] Customer: No. Bye.
        """

    private static let chinese = """
        # call: sample-zh
        # agent: 工号2046
        # language: zh-Hans
        [00:00:00 - 00:00:05] 坐席：您好，这里是晨光燃气客服中心，我是工号2046，请问有什么可以帮您？
        [00:00:05 - 00:00:13] 客户：你好，我姓陈，我家的燃气表上个月突然走得特别快。
        [00:00:13 - 00:00:20] 坐席：陈女士您好，给您添麻烦了，我先帮您查一下抄表记录，请您稍等。
        [00:00:20 - 00:00:38] 客户：好的。
        [00:00:38 - 00:00:47] 坐席：感谢您的耐心等待，上个月是估算读数，我们周一安排师傅上门核对。
        [00:00:47 - 00:00:52] 客户：上次也是这么说的。
        [00:00:52 - 00:00:58] 坐席：这不归我管，您自己再打电话问吧。
        [00:00:58 - 00:01:01] 客户：算了，再见。
        """

    private static func read(_ text: String) -> Call {
        let events = PlainTextReader().read(Array(text.utf8), source: "sample", defaultID: "sample")
        for event in events {
            if case .call(let call) = event { return call }
        }
        fatalError("a built-in sample call does not read: \(events)")
    }
}
