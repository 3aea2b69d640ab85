extension StanceText {
    /// The year word `index` names (a four-digit number from 1900 to 2099), if it names one.
    func year(at index: Int) -> Int? {
        let word = words[index].text
        guard word.utf8.count == 4, let value = Int(word), (1900...2099).contains(value) else { return nil }
        return value
    }

    /// Whether word `index` comes right after "before" ("before 2022"): a bound on an earlier
    /// time, not a time the text describes.
    func followsBefore(_ index: Int) -> Bool {
        index > 0 && words[index - 1].text == "before"
    }
}
