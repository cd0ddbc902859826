import Foundation

@testable import CallQA

/// The committed minimum kappa per item of each shipped rubric on its
/// labelled set (`Tests/Fixtures/validity-floor.json`), and the product's
/// targets. Floors only go up: a ratchet that keeps what the rubrics reach
/// above the targets from slipping back.
struct ValidityFloors: Codable, Equatable {
    /// The product's targets.
    struct Targets: Codable, Equatable {
        /// The least kappa of each item with at least `minimumApplicable` applicable labels.
        var item: Double
        /// The least kappa of all items together.
        var all: Double
        /// How many labels other than na an item needs to be held to `item`.
        var minimumApplicable: Int

        /// The target a figure is held to: `all` for all items together,
        /// `item` for an item with enough applicable labels, else none.
        func target(for figure: ValidityMeasurement.Figure) -> Double? {
            figure.id == "all" ? all : figure.applicable >= minimumApplicable ? item : nil
        }
    }

    /// The floors of one language's set.
    struct Language: Codable, Equatable {
        /// `zh` or `en`: the folder of the set.
        var language: String
        /// The shipped rubric that scores it.
        var rubric: String
        /// The rubric and version the floors were last raised with.
        var measuredWith: String
        /// The floor of all items together.
        var all: Double?
        /// The least kappa per item id; `null` (`nil`): not guarded, its kappa
        /// was undefined (one label throughout) when the floors were set.
        var items: [String: Double?]

        /// The floor of item `id` ("all" for all items together), if it has one.
        func floor(of id: String) -> Double? {
            id == "all" ? all : items[id] ?? nil
        }

        /// The floors raised to `measured` less `margin` where that is higher.
        func raised(to measured: ValidityMeasurement, margin: Double, rubric: Rubric) -> Language {
            func raise(_ current: Double?, _ kappa: Double?) -> Double? {
                guard let kappa else { return current }
                let candidate = ValidityFloors.floor(kappa, margin: margin)
                return current.map { max($0, candidate) } ?? candidate
            }
            var copy = self
            copy.measuredWith = "\(rubric.id) \(rubric.version)"
            copy.all = raise(all, measured.all.kappa)
            for figure in measured.items {
                copy.items[figure.id] = .some(raise(floor(of: figure.id), figure.kappa))
            }
            return copy
        }
    }

    /// What the file is.
    var about: String
    /// The product's targets.
    var targets: Targets
    /// How far below the measured kappa a floor is set when raised.
    var margin: Double
    /// Per language.
    var languages: [Language]

    /// `kappa` less `margin`, rounded down to two decimals.
    static func floor(_ kappa: Double, margin: Double) -> Double {
        ((kappa - margin) * 100 + 1e-9).rounded(.down) / 100
    }

    /// Reads the floors file.
    static func load(from url: URL) throws -> ValidityFloors {
        try JSONDecoder().decode(ValidityFloors.self, from: Data(contentsOf: url))
    }

    /// The file's text: fields in a fixed order, one per line, items by id.
    var text: String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("about", about)
            json.key("targets")
            json.object { json in
                json.field("item", targets.item)
                json.field("all", targets.all)
                json.field("minimumApplicable", targets.minimumApplicable)
            }
            json.field("margin", margin)
            json.key("languages")
            json.array { json in
                for language in languages {
                    json.object { json in
                        json.field("language", language.language)
                        json.field("rubric", language.rubric)
                        json.field("measuredWith", language.measuredWith)
                        json.key("all")
                        language.all.map { json.value($0) } ?? json.null()
                        json.key("items")
                        json.object { json in
                            for id in language.items.keys.sorted() {
                                json.key(id)
                                language.items[id]!.map { json.value($0) } ?? json.null()
                            }
                        }
                    }
                }
            }
        }
        return json.text + "\n"
    }

    /// Writes the floors file.
    func write(to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
