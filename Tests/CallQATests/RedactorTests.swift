import Testing

@testable import CallQA

/// What ``Redactor`` masks and what it leaves, in Chinese and English, and
/// that a mask keeps the text's length.
@Suite("Redactor")
struct RedactorTests {
    /// A text, what it becomes, and the kind of each piece of personal data found in it.
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var redacted: String
        var kinds: [Redactor.Kind]
        var description: String { text }

        init(_ text: String, _ redacted: String, _ kinds: Redactor.Kind...) {
            self.text = text
            self.redacted = redacted
            self.kinds = kinds
        }
    }

    static let cards: [Case] = [
        Case("卡号是4111 1111 1111 1111，麻烦您核对一下", "卡号是**** **** **** ****，麻烦您核对一下", .paymentCard),
        Case("The card is 5500-0055-5555-5559.", "The card is ****-****-****-****.", .paymentCard),
        Case("amex 3782 822463 10005 please", "amex **** ****** ***** please", .paymentCard),
        Case("银联卡6222020200112233446还款", "银联卡*******************还款", .paymentCard),
        Case(
            "it's four one one one, one one one one, one one one one, one one one one",
            "it's **** *** *** ***, *** *** *** ***, *** *** *** ***, *** *** *** ***", .paymentCard),
    ]

    static let phones: [Case] = [
        Case("我的手机是13812345678。", "我的手机是***********。", .phoneNumber),
        Case("您拨打+86 138 1234 5678就行", "您拨打+** *** **** ****就行", .phoneNumber),
        Case("座机 (010) 6552-9988 找王经理", "座机 (***) ****-**** 找王经理", .phoneNumber),
        Case("深圳那边是0755-8888 6666", "深圳那边是****-**** ****", .phoneNumber),
        Case("call me back at (415) 555-0132 tonight", "call me back at (***) ***-**** tonight", .phoneNumber),
        Case("Dial 1-800-555-0199 for billing", "Dial *-***-***-**** for billing", .phoneNumber),
        Case("our London office is +44 20 7946 0958", "our London office is +** ** **** ****", .phoneNumber),
        Case("号码是幺三八幺二三四五六七八，对吧", "号码是＊＊＊＊＊＊＊＊＊＊＊，对吧", .phoneNumber),
        Case("幺三八，幺二三四，五六七八", "＊＊＊，＊＊＊＊，＊＊＊＊", .phoneNumber),
        Case("手机１３８１２３４５６７８", "手机＊＊＊＊＊＊＊＊＊＊＊", .phoneNumber),
        Case("138一二三四5678是我的", "***＊＊＊＊****是我的", .phoneNumber),
        Case(
            "my number is five five five, oh one three two",
            "my number is **** **** ****, ** *** ***** ***", .phoneNumber),
        Case(
            "it's four one five double five five oh one three two",
            "it's **** *** **** ****** **** **** ** *** ***** ***", .phoneNumber),
        Case("家里电话是6552998", "家里电话是*******", .phoneNumber),
        Case("电话 6552 9988，白天都在", "电话 **** ****，白天都在", .phoneNumber),
        Case("13812345678 300元", "*********** 300元", .phoneNumber),
    ]

    static let addresses: [Case] = [
        Case("邮箱是zhang.san@qq.com谢谢", "邮箱是*****.***@**.***谢谢", .emailAddress),
        Case(
            "Write to anna.lee+bills@mail.example.co.uk.", "Write to ****.***+*****@****.*******.**.**.", .emailAddress),
        Case("发到 li_wei-88@163.com 就行", "发到 **_***-**@***.*** 就行", .emailAddress),
    ]

    static let identities: [Case] = [
        Case("身份证号440304199003072531。", "身份证号******************。", .nationalID),
        Case("证件号码32058219880611027X", "证件号码******************", .nationalID),
        Case("ID 320582 19880611 027x ok", "ID ****** ******** **** ok", .nationalID),
        Case("身份证三二零五八二一九八八零六一一零二七X", "身份证＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊*", .nationalID),
    ]

    static let runs: [Case] = [
        Case("订单号 202405061234567 查到了", "订单号 *************** 查到了", .digitRun),
        Case("card 4111 1111 1111 1112 was declined", "card **** **** **** **** was declined", .digitRun),
        Case("SSN 123-45-6789", "SSN ***-**-****", .digitRun),
        Case("快递单号SF1234567890123", "快递单号SF*************", .digitRun),
        Case("账号是六二二二零二零二零零一一", "账号是＊＊＊＊＊＊＊＊＊＊＊＊", .digitRun),
    ]

    @Test("Payment card numbers (Luhn-checked)", arguments: cards)
    func card(_ example: Case) { check(example) }

    @Test("Phone numbers: Chinese mobiles and landlines, international, North American, in words", arguments: phones)
    func phone(_ example: Case) { check(example) }

    @Test("E-mail addresses", arguments: addresses)
    func address(_ example: Case) { check(example) }

    @Test("Chinese resident ID numbers (MOD 11-2 check character)", arguments: identities)
    func identity(_ example: Case) { check(example) }

    @Test("Other runs of 9 digits or more, a 16-digit number failing Luhn among them", arguments: runs)
    func run(_ example: Case) { check(example) }

    static let kept: [String] = [
        "退款1280元，三个工作日内到账",
        "一共是三千二百元",
        "That's $1,299.99 in total",
        "the refund of 1,280,000,000 won",
        "2024-05-06 10:30 的订单",
        "on 06.05.2024 at 14:30:15",
        "2024年5月6日下午3点前给您回电",
        "我是工号1027，很高兴为您服务",
        "the total was 1280000 dollars",
        "2023-2024年度的保费",
        "one or two things, maybe three",
        "I'm forty two and I have two thousand and twenty four points",
        "version 2.1.0, room 1203, 9:00-17:00",
        "2024-05-06 12345",
        "write to me at anna@localhost or a@b",
        "第一二三条都看过了",
        "卡号尾号是1111",
    ]

    @Test("Amounts, dates, times, short numbers and number words that are not digits stay", arguments: kept)
    func keeps(_ text: String) {
        let redactor = Redactor()
        #expect(redactor.findings(in: text) == [])
        #expect(redactor.redact(text) == text)
    }

    @Test("A mask keeps the length in scalars, UTF-8 bytes and columns; redacting twice changes nothing")
    func lengthClass() {
        let redactor = Redactor()
        for example in Self.cards + Self.phones + Self.addresses + Self.identities + Self.runs {
            let masked = redactor.redact(example.text)
            #expect(masked.unicodeScalars.count == example.text.unicodeScalars.count, "\(example.text)")
            #expect(masked.utf8.count == example.text.utf8.count, "\(example.text)")
            #expect(DisplayWidth.of(masked) == DisplayWidth.of(example.text), "\(example.text)")
            #expect(redactor.redact(masked) == masked)
        }
    }

    @Test("Findings are ranges of Unicode scalars")
    func ranges() {
        let text = "客户：卡号4111111111111111，邮箱a.b@c.cn"
        let findings = Redactor().findings(in: text)
        #expect(findings.map(\.kind) == [.paymentCard, .emailAddress])
        let scalars = Array(text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[range])
            return text
        }
        #expect(findings.map { slice($0.range) } == ["4111111111111111", "a.b@c.cn"])
    }

    @Test("Check digits: Luhn and ISO 7064 MOD 11-2")
    func checksums() {
        func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 - 48 } }
        #expect(Checksums.passesLuhn(digits("4111111111111111")))
        #expect(!Checksums.passesLuhn(digits("4111111111111112")))
        #expect(Checksums.residentIDCheck(digits("44030419900307253")) == 1)
        #expect(Checksums.residentIDCheck(digits("32058219880611027")) == 10)
    }

    private func check(_ example: Case) {
        let redactor = Redactor()
        #expect(redactor.redact(example.text) == example.redacted)
        #expect(redactor.findings(in: example.text).map(\.kind) == example.kinds)
    }
}
