import Foundation
import GleanCore

/// Cheap checks run on a pipeline file's text before the YAML parser sees it, so a file
/// crafted to exhaust the parser (deep nesting, alias bombs) is refused at once.
enum HostileInputCheck {
    /// The deepest nesting of mappings and lists accepted; real pipelines use about six.
    static let maximumDepth = 64
    /// The most aliases (`*name`) accepted.
    static let maximumAliases = 256

    /// The first reason to refuse `text`, or `nil`.
    static func scan(_ text: String, file: String) -> PipelineDiagnostic? {
        var flowDepth = 0
        var aliases = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars)
            var column = 0
            while column < scalars.count, scalars[column] == " " { column += 1 }
            let indentation = column
            var blockIndicators = 0
            var inSingle = false
            var inDouble = false
            var previous: Unicode.Scalar = " "
            var index = column
            while index < scalars.count {
                let scalar = scalars[index]
                defer {
                    previous = scalar
                    index += 1
                }
                if inDouble {
                    if scalar == "\\" {
                        index += 1
                    } else if scalar == "\"" {
                        inDouble = false
                    }
                    continue
                }
                if inSingle {
                    if scalar == "'" { inSingle = false }
                    continue
                }
                switch scalar {
                case "#" where previous == " " || previous == "\t" || index == column:
                    index = scalars.count
                case "\""
                where previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":"
                    || index == column:
                    inDouble = true
                case "'"
                where previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":"
                    || index == column:
                    inSingle = true
                case "[", "{":
                    flowDepth += 1
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                case "-",
                    "?" where index + 1 == scalars.count || scalars[index + 1] == " ":
                    if previous == " "
                        && (index == column || scalars[column..<index].allSatisfy { $0 == "-" || $0 == " " || $0 == "?" })
                    {
                        blockIndicators += 1
                    }
                case "*" where previous == " " || previous == "[" || previous == "," || previous == "{":
                    aliases += 1
                    if aliases > maximumAliases {
                        return PipelineDiagnostic(
                            SourceLocation(file: file, line: lineNumber, column: index + 1),
                            "more than \(maximumAliases) YAML aliases; pipeline files do not need them (alias bomb?)")
                    }
                default:
                    break
                }
                let depth = flowDepth + blockIndicators + indentation / 2
                if depth > maximumDepth {
                    return PipelineDiagnostic(
                        SourceLocation(file: file, line: lineNumber, column: index + 1),
                        "nesting deeper than \(maximumDepth) levels; pipeline files are shallow")
                }
            }
            if indentation / 2 + blockIndicators > maximumDepth {
                return PipelineDiagnostic(
                    SourceLocation(file: file, line: lineNumber, column: 1),
                    "nesting deeper than \(maximumDepth) levels; pipeline files are shallow")
            }
        }
        return nil
    }

    /// The line and column of byte `offset` in `data`.
    static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        let prefix = data.prefix(offset)
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? data.startIndex
        let column = String(decoding: data[lineStart..<(data.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
