import Foundation

/// The words a generated call is made of, for one language: everyday
/// sentences that no rubric rewards or penalises, the phrases the shipped
/// rubrics tag, and decoys that look like tagged phrases but must not match.
struct Vocabulary: Sendable {
    /// Sentence pieces an agent says about the customer's business.
    var agentClauses: [String]
    /// Sentence pieces a customer says.
    var customerClauses: [String]
    /// How the agent opens the call.
    var openings: [String]
    /// How the agent ends the call.
    var closings: [String]
    /// Phrases an agent says that the rubrics tag (wording, apology, empathy, paraphrase).
    var agentPhrases: [String]
    /// Phrases a customer says that the rubrics tag (complaints, urgency).
    var customerPhrases: [String]
    /// Text that contains a tagged phrase's letters but must not match it.
    var decoys: [String]
    /// Greetings that open the first turn.
    var salutations: [String]
    /// An opening that skips every step, and a curt goodbye.
    var curtOpening: String
    var curtClosing: String
    /// A customer's last words.
    var lastWords: String
    /// What joins clauses, and what ends a sentence.
    var joiner: String
    var enders: [String]
    /// Speaker labels in the plain-text form.
    var agentLabel: String
    var customerLabel: String
    /// Characters per second (Chinese, punctuation included) or words per second (English) spoken:
    /// the generator's own timing model, kept as it is so that a seed always writes the same corpus.
    var unitsPerSecond: Double
    /// Whether the language is written in words (English): turns timed by words, capitalised
    /// sentences, dates as `4/12`.
    var countsWords: Bool

    static let chinese = Vocabulary(
        agentClauses: [
            "我这边帮您查询一下系统记录", "您的保单目前是有效状态", "这笔费用是在{date}扣除的",
            "我们会在三个工作日内处理完毕", "请您提供一下身份证号码的后四位", "系统显示您上个月的缴费金额是{amount}元",
            "您的账户余额还有{amount}元", "这个套餐包含每月三十个国内通话分钟", "退款会原路返回到您的银行卡",
            "维修人员会在{date}上门", "您的订单号是{number}", "我已经把您的情况记录在工单里",
            "这项业务需要您本人带证件到营业厅办理", "下个账单周期会自动调整", "您可以在手机应用里查看明细",
            "我看到您的合同是去年{date}签的", "这个活动的截止日期是{date}", "新的地址我已经帮您更新了",
            "快递单号已经发到您的手机上", "这份保单的受益人是您的爱人", "理赔材料我们已经收到了",
            "审核结果会通过短信通知您", "积分可以兑换话费或者礼品", "您的信用卡额度是{amount}元",
        ],
        customerClauses: [
            "我想查一下上个月的账单", "我的保单号码是{number}", "上周{date}我在网上交了费",
            "扣款的金额是{amount}元", "你们的系统显示的是另外一个数字", "我家里的宽带从昨天开始就断了",
            "我想把缴费方式改成银行卡自动扣款", "快递到现在还没有送到", "我的手机号码换了",
            "我去年买的那份保险现在还有效吗", "退款什么时候能到账", "我收到一条短信说要升级套餐",
            "我住在城东区幸福路{number}号", "我的订单号是{number}", "上次来电的时候已经登记过了",
            "账单上多了一项我没开通的业务", "我想知道理赔需要哪些材料", "这个月的流量怎么用得这么快",
            "我的孩子下个月要出国留学", "维修师傅说零件还没到",
        ],
        openings: [
            "{salutation}，欢迎致电客户服务中心，我是{agent}，有什么可以帮您？",
            "{salutation}，感谢您致电信用卡中心，工号{number}为您服务，请问有什么可以帮您？",
            "{salutation}，这里是保险公司服务热线，我叫{agent}，需要什么帮助？",
        ],
        closings: [
            "请问还有什么可以帮您的吗？感谢您的来电，再见！",
            "还有其他问题吗？感谢来电，祝您生活愉快！",
            "您对这个处理满意吗？谢谢您的来电，再见。",
        ],
        agentPhrases: [
            "非常抱歉", "对不起", "给您带来不便", "我理解", "理解您的心情", "换作是我也会着急",
            "为了确认一下", "您是说", "我复述一下", "当然可以", "没问题", "马上", "请放心", "一定",
            "我向您保证", "可能", "也许", "我尽量", "我不知道", "不确定",
        ],
        customerPhrases: [
            "我真的很生气", "我要投诉", "已经打了两次电话了", "这是第三次了", "钱被扣了两次",
            "我很着急", "等了好久", "你们太过分了", "叫你们主管来",
        ],
        decoys: [
            "这件事不是马上就能办好的", "我们没有抱歉的说法", "我没有不满意的地方", "没有问题的话我就先挂了",
            "我这里没有主管电话", "不可能扣两次吧", "当然不是现在",
        ],
        salutations: ["您好", "早上好", "下午好"],
        curtOpening: "喂。",
        curtClosing: "好的，再见。",
        lastWords: "没有了，谢谢。",
        joiner: "，",
        enders: ["。", "。", "。", "？", "！"],
        agentLabel: "坐席",
        customerLabel: "客户",
        unitsPerSecond: 4.5,
        countsWords: false
    )

    static let english = Vocabulary(
        agentClauses: [
            "I can see the payment of ${amount} on {date}", "your policy is active until next spring",
            "the refund goes back to the card you paid with", "the technician can come on {date}",
            "your order number is {number}", "I have added a note to your account",
            "the new plan includes unlimited calls within the country", "the next bill will show the adjustment",
            "you can see every charge in the mobile app", "the contract was signed on {date}",
            "the offer ends on {date}", "I have updated the mailing address",
            "the tracking number was sent to your phone", "the claim documents arrived this morning",
            "the review usually takes three business days", "your credit limit is ${amount}",
            "the meter reading we have is {number}", "the late fee was added on {date}",
        ],
        customerClauses: [
            "I want to check last month's bill", "my policy number is {number}", "I paid online on {date}",
            "the amount was ${amount}", "your website shows a different number",
            "my internet has been down since yesterday",
            "I want to pay by direct debit", "the parcel still hasn't arrived", "I changed my phone number",
            "is the policy I bought last year still valid", "when will the refund reach my account",
            "I got a text message about upgrading my plan", "I live at {number} Elm Street",
            "there is a service on the bill I never ordered", "what documents do I need for the claim",
            "my data runs out so fast this month", "my son is moving abroad next month",
        ],
        openings: [
            "{salutation}, thank you for calling Northwind Energy, this is {agent}. How can I help you today?",
            "{salutation}, welcome to Contoso Insurance, my name is {agent}. How may I help you?",
            "{salutation}, you're speaking with {agent} at the billing desk. What can I do for you?",
        ],
        closings: [
            "Is there anything else I can help you with? Thank you for calling, have a great day.",
            "Does that answer your question? Thanks for calling, goodbye.",
            "Is there anything else I can do for you today? Thank you for choosing us.",
        ],
        agentPhrases: [
            "I'm so sorry about that", "I apologize", "I can imagine how annoying that is", "I understand how you feel",
            "just to confirm", "let me make sure I understand", "certainly", "absolutely", "of course",
            "I'll make sure", "no problem", "right away", "maybe", "I think", "probably", "I'll try",
            "unfortunately", "I'm not sure",
        ],
        customerPhrases: [
            "this is ridiculous", "I was charged twice", "this is the third time I call",
            "I want to speak to a supervisor",
            "I'm really frustrated", "this is urgent", "I've been waiting for ages", "nobody told me",
        ],
        decoys: [
            "my daughter bought Maybelline mascara with that card", "I was on the highway when the bill came",
            "the account history shows two payments", "we stayed in Sorrento last summer",
            "it was a managerial decision", "the thinking behind it was fine", "the hiking trip was cancelled",
        ],
        salutations: ["Good morning", "Hello", "Good afternoon"],
        curtOpening: "Billing.",
        curtClosing: "Bye.",
        lastWords: "No, that's all, thanks.",
        joiner: ", and ",
        enders: [".", ".", ".", "?", "!"],
        agentLabel: "Agent",
        customerLabel: "Customer",
        unitsPerSecond: 2.6,
        countsWords: true
    )

    /// The Chinese vocabulary in traditional characters, converted once.
    static let traditionalChinese: Vocabulary = {
        func convert(_ text: String) -> String {
            text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
        }
        var vocabulary = chinese
        vocabulary.agentClauses = vocabulary.agentClauses.map(convert)
        vocabulary.customerClauses = vocabulary.customerClauses.map(convert)
        vocabulary.openings = vocabulary.openings.map(convert)
        vocabulary.closings = vocabulary.closings.map(convert)
        vocabulary.agentPhrases = vocabulary.agentPhrases.map(convert)
        vocabulary.customerPhrases = vocabulary.customerPhrases.map(convert)
        vocabulary.decoys = vocabulary.decoys.map(convert)
        vocabulary.salutations = vocabulary.salutations.map(convert)
        vocabulary.curtOpening = convert(vocabulary.curtOpening)
        vocabulary.curtClosing = convert(vocabulary.curtClosing)
        vocabulary.lastWords = convert(vocabulary.lastWords)
        vocabulary.agentLabel = convert(vocabulary.agentLabel)
        vocabulary.customerLabel = convert(vocabulary.customerLabel)
        return vocabulary
    }()
}
