import GleanCore

/// Country codes other than ISO 3166-1 alpha-2, to alpha-2: alpha-3 codes (`AZE`, and the former
/// states' `CSK`, `YUG`, `DDR`), as UN and statistical data write countries, and FIPS 10-4 codes
/// (`gm`), as the CIA World Factbook names its pages.
public struct CountryCodes: Sendable {
    private var alpha3: [String: String]
    private var fips: [String: String]

    /// The tables read from `country-codes.tsv` text: `alpha3` or `fips`, a code and its alpha-2
    /// code per line; `#` lines are comments.
    public init(tsv text: String) {
        var alpha3: [String: String] = [:]
        var fips: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3 else { continue }
            switch fields[0] {
            case "alpha3": alpha3[fields[1]] = fields[2]
            case "fips": fips[fields[1].lowercased()] = fields[2]
            default: continue
            }
        }
        self.alpha3 = alpha3
        self.fips = fips
    }

    /// The alpha-2 code of an alpha-3 code, in any case.
    public func alpha2(alpha3 code: String) -> String? {
        alpha3[code.uppercased()]
    }

    /// The country (ISO 3166-1 alpha-2) that `value` names: a country `gazetteer` knows by its code
    /// or name (`AT`, `Austria`), else an alpha-3 code in any case (`AUT`; the UN corpus's
    /// four-letter `YDYE` too); `nil` for anything else. The stage's `speaker_field` and labelled
    /// actors are read so.
    public func country(named value: String, in gazetteer: Gazetteer) -> String? {
        if let code = gazetteer.country(named: value) { return code }
        return (3...4).contains(value.count) ? alpha2(alpha3: value) : nil
    }

    /// The alpha-2 code of a FIPS 10-4 code, in any case.
    public func alpha2(fips code: String) -> String? {
        fips[code.lowercased()]
    }

    /// The shipped tables (`Resources/country-codes.tsv`), read once.
    public static var shipped: CountryCodes {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "country-codes.tsv"), of: "the country code tables",
            remedy: "run python3 scripts/stance_speakers.py")
        return CountryCodes(tsv: String(decoding: bytes, as: UTF8.self))
    }
}
