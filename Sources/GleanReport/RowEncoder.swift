import CSV
import Foundation
import GleanCore

/// Turns rows of a flat table into bytes of one text format; used on worker tasks, one batch of
/// rows at a time.
public protocol RowEncoder: Sendable {
    /// The bytes before the first row (a header), if any.
    func header(_ columns: [FlatColumn]) throws(GleanError) -> [UInt8]
    /// The bytes of `rows`, each ended by a newline.
    func encode(_ rows: [[FlatValue]], columns: [FlatColumn]) throws(GleanError) -> [UInt8]
}

extension RowEncoder {
    /// No header.
    public func header(_ columns: [FlatColumn]) throws(GleanError) -> [UInt8] { [] }
}

/// JSON Lines rows: one object per row, keys in column order, nulls written as `null`.
public struct JSONLinesRowEncoder: RowEncoder {
    /// Creates the encoder.
    public init() {}

    /// The rows as JSON objects, one a line.
    public func encode(_ rows: [[FlatValue]], columns: [FlatColumn]) throws(GleanError) -> [UInt8] {
        var writer = JSONWriter(capacity: rows.count * 256)
        for row in rows {
            writer.writeByte(UInt8(ascii: "{"))
            for (index, column) in columns.enumerated() {
                if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
                writer.writeString(column.name)
                writer.writeByte(UInt8(ascii: ":"))
                switch index < row.count ? row[index] : .null {
                case .null: writer.write(.null)
                case .string(let text): writer.writeString(text)
                case .int(let number): writer.write(.int(number))
                case .double(let number): writer.writeDouble(number)
                }
            }
            writer.writeRaw("}\n".utf8)
        }
        return writer.bytes
    }
}

/// CSV rows (RFC 4180 quoting by CSV.swift's `CSVWriter`), a header row of column names; null
/// and empty text both become an empty field.
public struct CSVRowEncoder: RowEncoder {
    /// Creates the encoder.
    public init() {}

    /// The header row.
    public func header(_ columns: [FlatColumn]) throws(GleanError) -> [UInt8] {
        try write { writer throws in try writer.write(row: columns.map(\.name)) }
    }

    /// The rows.
    public func encode(_ rows: [[FlatValue]], columns: [FlatColumn]) throws(GleanError) -> [UInt8] {
        if rows.isEmpty { return [] }
        return try write { writer throws in
            for row in rows {
                try writer.write(row: row.map(Self.field))
            }
        }
    }

    /// A cell as CSV text; floats in the shortest form that reads back exactly.
    static func field(_ value: FlatValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): number.isFinite ? "\(number)" : ""
        }
    }

    private func write(_ body: (CSVWriter) throws -> Void) throws(GleanError) -> [UInt8] {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, newline: .lf)
            try body(writer)
        } catch {
            throw GleanError(.unwritableOutput, "could not write CSV: \(error)")
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data
        stream.close()
        return (data.map { [UInt8]($0) } ?? []) + [UInt8(ascii: "\n")]
    }
}
