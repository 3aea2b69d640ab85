import GleanCore
import Yams

extension StanceCues {
    /// One language's part of a cue file: its cues, and the stances whose built-in patterns
    /// they replace.
    public typealias Parsed = (cues: StanceCues, replacing: Set<Stance>)

    /// Reads a cue file (the format of `Resources/stance-cues/en.yaml`); returns the cues of its
    /// top level (in the language its `language:` key names, English without one) and the stances
    /// whose built-in patterns they replace. Mistakes are reported as `file:line:column`.
    public static func parse(yaml text: String, source: String) throws(GleanError) -> Parsed {
        let (topLevel, _) = try parseFile(yaml: text, source: source)
        return topLevel ?? (StanceCues(), [])
    }

    /// Reads a cue file with the cues of each language it gives, by language code: its top level
    /// (in its `language:`, English by default) and each entry of its `languages:` mapping
    /// (`languages: {de: {stances: …}, tr: {…}}`).
    public static func parseLanguages(yaml text: String, source: String) throws(GleanError) -> [String: Parsed] {
        let (topLevel, languages) = try parseFile(yaml: text, source: source)
        guard let topLevel else { return languages }
        return languages.merging([topLevel.cues.language: topLevel]) { mine, top in
            var merged = mine
            merged.cues.merge(top.cues, replacing: top.replacing)
            merged.replacing.formUnion(top.replacing)
            return merged
        }
    }

    private static func parseFile(yaml text: String, source: String) throws(GleanError) -> (
        topLevel: Parsed?, languages: [String: Parsed]
    ) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw GleanError(.invalidConfiguration, "\(source): not valid YAML", cause: error)
        }
        guard let mapping = root?.mapping else {
            throw GleanError(.invalidConfiguration, "\(source): expected a mapping with `stances:` and word lists")
        }
        let reader = Reader(source: source)
        var languages: [String: Parsed] = [:]
        var topLevel: [(Node, Node)] = []
        for (keyNode, value) in mapping {
            guard keyNode.string == "languages" else {
                topLevel.append((keyNode, value))
                continue
            }
            guard let entries = value.mapping else {
                throw reader.error(at: value, "`languages` must map a language code (de, fr, …) to its cues")
            }
            for (codeNode, cues) in entries {
                guard let code = codeNode.string, !code.isEmpty, let cueMapping = cues.mapping else {
                    throw reader.error(at: codeNode, "each entry of `languages` must map a language code to a mapping of cues")
                }
                var parsed = try parse(mapping: cueMapping, reader: reader)
                parsed.cues.language = code
                languages[code] = parsed
            }
        }
        let top = topLevel.isEmpty && !languages.isEmpty ? nil : try parse(mapping: Node.Mapping(topLevel), reader: reader)
        return (top, languages)
    }

    private static func parse(mapping: Node.Mapping, reader: Reader) throws(GleanError) -> Parsed {
        var cues = StanceCues()
        var replacing: Set<Stance> = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "stances":
                guard let stances = value.mapping else {
                    throw reader.error(at: value, "`stances` must map a stance to a list of cues")
                }
                for (stanceNode, list) in stances {
                    let stance = try reader.stance(stanceNode)
                    guard let entries = list.sequence else {
                        throw reader.error(at: list, "the cues of `\(stance.rawValue)` must be a list")
                    }
                    for entry in entries { cues.cues.append(try reader.cue(entry, stance: stance)) }
                }
            case "replace":
                for node in try reader.list(value, of: key) { replacing.insert(try reader.stance(node)) }
            case "programmes":
                guard let programmes = value.mapping else {
                    throw reader.error(at: value, "`programmes` must map a bloc id to a stance")
                }
                for (id, stance) in programmes { cues.programmes[id.string ?? ""] = try reader.stance(stance) }
            case "exits":
                guard let exits = value.mapping else {
                    throw reader.error(at: value, "`exits` must map a word to ACTOR/BLOC (`brexit: GB/EU`)")
                }
                for (word, pair) in exits {
                    let parts = (pair.string ?? "").split(separator: "/").map(String.init)
                    guard let pattern = word.string, !pattern.isEmpty, !pattern.contains(where: \.isWhitespace) else {
                        throw reader.error(at: word, "an exit word must be one word (`brexit`, `брексит*`)")
                    }
                    guard parts.count == 2, parts[0].count == 2, parts[0].allSatisfy({ ("A"..."Z").contains($0) }),
                        !parts[1].isEmpty, parts[1] == parts[1].uppercased()
                    else {
                        throw reader.error(
                            at: pair, "an exit must be ACTOR/BLOC, a country code and a bloc id in capitals (`brexit: GB/EU`)")
                    }
                    cues.exits.append(StanceExit(words: WordMatcher([pattern]), actor: parts[0], bloc: parts[1]))
                }
            case "negators": cues.negators = WordMatcher(try reader.words(value, of: key))
            case "negated_forms": cues.negatedForms = WordMatcher(try reader.words(value, of: key))
            case "negated_after": cues.negatedAfter = try reader.words(value, of: key).map(Self.phrase)
            case "attributions": cues.attributions = WordMatcher(try reader.words(value, of: key))
            case "past_markers": cues.pastMarkers = try reader.words(value, of: key).map(Self.phrase)
            case "present_markers": cues.presentMarkers = WordMatcher(try reader.words(value, of: key))
            case "hedges": cues.hedges = WordMatcher(try reader.words(value, of: key))
            case "actor_references": cues.actorReferences = WordMatcher(try reader.words(value, of: key))
            case "first_person": cues.firstPerson = WordMatcher(try reader.words(value, of: key))
            case "bloc_references": cues.blocReferences = WordMatcher(try reader.words(value, of: key))
            case "clause_words": cues.clauseWords = WordMatcher(try reader.words(value, of: key))
            case "prepositions": cues.prepositions = WordMatcher(try reader.words(value, of: key))
            case "event_words": cues.eventWords = WordMatcher(try reader.words(value, of: key))
            case "list_words": cues.listWords = WordMatcher(try reader.words(value, of: key))
            case "articles": cues.articles = WordMatcher(try reader.words(value, of: key))
            case "saying_verbs": cues.sayingVerbs = WordMatcher(try reader.words(value, of: key))
            case "split_apostrophes":
                guard let flag = value.string.flatMap(Bool.init) else {
                    throw reader.error(at: value, "`split_apostrophes` must be true or false")
                }
                cues.splitsApostrophes = flag
            case "language":
                guard let code = value.string, !code.isEmpty else {
                    throw reader.error(at: value, "`language` must be a language code (en, de, ru, …)")
                }
                cues.language = code
            default:
                throw reader.error(
                    at: keyNode,
                    "unknown key `\(key)`; expected language, languages, stances, replace, programmes, exits, negators, negated_forms, negated_after, attributions, past_markers, hedges, present_markers, actor_references, first_person, bloc_references, clause_words, prepositions, event_words, list_words, articles, saying_verbs, split_apostrophes"
                )
            }
        }
        return (cues, replacing)
    }

    private static func phrase(_ text: String) -> [String] {
        text.lowercased().split(separator: " ").map(String.init)
    }

    private struct Reader {
        var source: String

        func error(at node: Node, _ message: String) -> GleanError {
            node.configurationError(in: source, message)
        }

        func stance(_ node: Node) throws(GleanError) -> Stance {
            guard let text = node.string, let stance = Stance(rawValue: text) else {
                throw error(
                    at: node,
                    "`\(node.string ?? "?")` is not a stance; expected one of "
                        + Stance.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return stance
        }

        func list(_ node: Node, of key: String) throws(GleanError) -> [Node] {
            guard let sequence = node.sequence else { throw error(at: node, "`\(key)` must be a list") }
            return Array(sequence)
        }

        func words(_ node: Node, of key: String) throws(GleanError) -> [String] {
            var words: [String] = []
            for item in try list(node, of: key) {
                guard let text = item.string, !text.isEmpty else { throw error(at: item, "`\(key)` must list words") }
                words.append(text)
            }
            return words
        }

        func cue(_ node: Node, stance: Stance) throws(GleanError) -> StanceCue {
            var pattern = node.string
            var weight = 1.0
            var negated: Stance?? = nil
            var withdrawal = false
            if let mapping = node.mapping {
                pattern = mapping["pattern"]?.string
                for (keyNode, value) in mapping {
                    switch keyNode.string {
                    case "pattern": continue
                    case "weight":
                        guard let number = value.string.flatMap(Double.init) else {
                            throw error(at: value, "`weight` must be a number")
                        }
                        weight = number
                    case "withdrawal":
                        guard let flag = value.string.flatMap(Bool.init) else {
                            throw error(at: value, "`withdrawal` must be true or false")
                        }
                        withdrawal = flag
                    case "negated":
                        negated = value.string == "none" ? .some(nil) : .some(try self.stance(value))
                    default:
                        throw error(
                            at: keyNode,
                            "unknown key `\(keyNode.string ?? "")` in a cue; expected pattern, weight, negated, withdrawal")
                    }
                }
            }
            guard let pattern, !pattern.isEmpty else { throw error(at: node, "a cue needs a `pattern`") }
            do {
                var cue = try StanceCue(pattern: pattern, stance: stance, weight: weight, negated: negated)
                cue.isWithdrawal = withdrawal
                return cue
            } catch {
                throw self.error(at: node, error.message)
            }
        }
    }
}
