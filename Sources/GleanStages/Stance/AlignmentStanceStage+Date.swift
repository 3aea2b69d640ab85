import GleanCore
import Logging
import OrderedCollections

extension AlignmentStanceStage {
    /// The year `document` was written: its `date_field` read as a year (a string or a whole
    /// number) or an ISO 8601 date. Any other value is logged once, as a warning, and the
    /// document is read without a date.
    func year(of document: Document) -> Int? {
        guard let field = dateField, let value = document.fields[field], value != JSONValue.null else { return nil }
        switch value {
        case .string(let text):
            if let year = DocumentDate.year(of: text) { return year }
            if text.isEmpty { return nil }
        case .int(let number) where DocumentDate.years.contains(number):
            return number
        case .double(let number) where number == number.rounded() && DocumentDate.years.contains(Int(exactly: number) ?? 0):
            return Int(exactly: number)
        default:
            break
        }
        let shown: String
        switch value {
        case .string(let text): shown = "`\(text)`"
        case .int(let number): shown = String(number)
        case .double(let number): shown = String(number)
        default: shown = value.typeName
        }
        if unreadableDates.isNew(shown) {
            logger.warning(
                "`\(field)` should be a year from \(DocumentDate.years.lowerBound) to \(DocumentDate.years.upperBound) or an ISO 8601 date (`2024` or `2024-03-07`), got \(shown); read without a date"
            )
        }
        return nil
    }
}
