import GleanCore
import Logging
import OrderedCollections

extension AlignmentStanceStage {
    /// The year `document` was written: its `date_field` read as a year or an ISO 8601 date.
    /// A value that is neither is logged once per kind, as a warning, and the document is read
    /// without a date.
    func year(of document: Document) -> Int? {
        guard let field = dateField, let value = document.fields[field], value != JSONValue.null else { return nil }
        switch value {
        case .string(let text):
            if let year = DocumentDate.year(of: text) { return year }
            if !text.isEmpty, unreadableDates.isNew("string") {
                logger.warning(
                    "`\(field)` should be a year or an ISO 8601 date (`2024` or `2024-03-07`), got `\(text)`; read without a date"
                )
            }
        case .int(let number) where (1000...2999).contains(number):
            return number
        default:
            if unreadableDates.isNew(value.typeName) {
                logger.warning("`\(field)` should be a year or an ISO 8601 date, got \(value.typeName); read without a date")
            }
        }
        return nil
    }
}
