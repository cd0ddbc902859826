import CallQA
import Testing

@Suite("Speaker labels")
struct SpeakerLabelsTests {
    @Test(
        "Agent labels",
        arguments: [
            "Agent", "agent", "A", "T", "t", "Rep", "坐席", "客服", "话务员", "話務員", "员工",
            "Agent Maria", "Agent 2", "客服1", "客服-小王", "坐席（工号1027）",
        ])
    func agent(label: String) {
        #expect(SpeakerLabels().role(for: label) == .agent)
    }

    @Test(
        "Customer labels",
        arguments: [
            "Customer", "C", "c", "Caller", "Client", "客户", "客戶", "顾客", "顧客",
            "用户", "用戶", "来电人", "Customer (Mr. Liu)", "Caller 1",
        ])
    func customer(label: String) {
        #expect(SpeakerLabels().role(for: label) == .customer)
    }

    @Test("Labels of no role", arguments: ["Supervisor", "客户经理", "Agentur", "Customers", "B", ""])
    func unknown(label: String) {
        #expect(SpeakerLabels().role(for: label) == nil)
    }

    @Test("Declared names map to their roles, case-insensitively")
    func declaredNames() {
        let labels = SpeakerLabels(agent: "Maria Lopez", customer: "刘先生")
        #expect(labels.role(for: "maria lopez") == .agent)
        #expect(labels.role(for: "刘先生") == .customer)
        #expect(labels.role(for: "Daniel") == nil)
    }

    @Test(
        "What looks like a speaker",
        arguments: [
            ("Supervisor", true), ("Mr. Chen", true), ("Dr O'Brien", true), ("班长", true), ("spk_0", true),
            ("SPEAKER_01", true), ("Speaker 2", true), ("and continues here", false), ("Note that", false),
            ("具体的情况是这样的我们", false), ("one two three four five", false),
        ])
    func looksLikeSpeaker(label: String, expected: Bool) {
        #expect(SpeakerLabels.looksLikeSpeaker(label) == expected)
    }
}
