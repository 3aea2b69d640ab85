import GleanCore
import Logging
import OrderedCollections

extension AlignmentStanceStage {
    /// The year `document` was written: its `date_field` read as ``DocumentDate`` reads a date
    /// field. Any other value is logged once, as a warning, and the document is read without a
    /// date.
    func year(of document: Document) -> Int? {
        guard let field = dateField, let value = document.fields[field], value != JSONValue.null, value != ""
        else { return nil }
        if let year = DocumentDate.year(of: value) { return year }
        let shown =
            value.stringValue.map { "`\($0)`" } ?? (value.doubleValue != nil ? "\(SerializedJSON(value))" : value.typeName)
        if unreadableDates.isNew(shown) {
            logger.warning(
                "`\(field)` should be a year from \(DocumentDate.years.lowerBound) to \(DocumentDate.years.upperBound) or an ISO 8601 date (`2024` or `2024-03-07`), got \(shown); read without a date"
            )
        }
        return nil
    }
}
