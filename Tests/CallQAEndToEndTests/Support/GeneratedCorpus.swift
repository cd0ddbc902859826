import Foundation

/// Transcripts generated at test time (never committed): many calls in XML
/// files, alternating a well-handled Chinese call and a poorly handled
/// English one, spread over a few dozen agents.
enum GeneratedCorpus {
    /// Writes `calls` calls into files of `perFile` calls each, in a new folder.
    static func make(calls: Int, perFile: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chinese = """
            <turn speaker="agent" start="0">中国人寿客户服务部，我是张丽，您需要什么帮助？</turn>\
            <turn speaker="customer" start="4">你好，我上个月交的保费好像被扣了两次。我姓王。</turn>\
            <turn speaker="agent" start="10">王先生您好，没问题，我非常愿意帮助你。要是我遇到这种情况的话，我也会很烦的。</turn>\
            <turn speaker="customer" start="18">我已经打了两次电话了，都没有回音，真的很生气。</turn>\
            <turn speaker="agent" start="24">非常抱歉让您多次来电。为了确认一下，您是说保费1280元被扣了两次，对吗？</turn>\
            <turn speaker="customer" start="34">对。</turn>\
            <turn speaker="agent" start="38">当然可以，我们马上替您办。请问还有什么可以帮您的吗？</turn>\
            <turn speaker="customer" start="45">没有了。</turn>\
            <turn speaker="agent" start="48">感谢您的来电，王先生，再见！</turn>
            """
        let english = """
            <turn speaker="agent" start="0">Billing.</turn>\
            <turn speaker="customer" start="2.5">Hi, this is Sarah Miller. My bill went up and nobody told me why. This is ridiculous.</turn>\
            <turn speaker="agent" start="9">I understand. Maybe you used more energy. You must have entered the reading wrong.</turn>\
            <turn speaker="customer" start="22">I want to speak to a supervisor.</turn>\
            <turn speaker="agent" start="28">That's not my job. Call back later.</turn>
            """
        var written = 0, file = 0
        while written < calls {
            var text = "<calls>\n"
            for _ in 0..<min(perFile, calls - written) {
                let zh = written % 2 == 0
                text += "<call id=\"g\(written)\" agent=\"agent-\(written % 37)\" language=\"\(zh ? "zh-Hans" : "en")\">"
                    + (zh ? chinese : english) + "</call>\n"
                written += 1
            }
            text += "</calls>\n"
            try text.write(to: folder.appendingPathComponent(String(format: "batch-%03d.xml", file)), atomically: true, encoding: .utf8)
            file += 1
        }
        return folder
    }
}
