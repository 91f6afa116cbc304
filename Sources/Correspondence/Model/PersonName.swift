import Foundation

/// The rules for a name as written in a source: how it compares, how it is shown, and whether
/// it names nobody in particular.
public enum PersonName {
    /// The form names are compared in: Unicode NFC, lower case, runs of white space (any
    /// Unicode space) as one space, no space at either end. "Weber,  MAX" and "weber, max"
    /// compare equal; "Weber Max" and "Weber, Max" do not (nothing but case and space is folded).
    public static func comparable(_ name: String) -> String {
        var out = ""
        var space = false
        for character in name.precomposedStringWithCanonicalMapping.lowercased() {
            if character.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(character)
            }
        }
        return out
    }

    /// The name with white space collapsed, as it is shown when nothing else applies.
    public static func tidy(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// How a person's name is shown, and its short form.
    ///
    /// "Surname, Forenames" (one comma, something on both sides, the second part not a
    /// generational suffix such as "Jr." or "III") is shown "Forenames Surname", and its short
    /// form is the surname ("Goethe, Johann Wolfgang von" -> "Johann Wolfgang von Goethe",
    /// "Goethe"). Any other person's name is shown as written and its short form is its last
    /// word. Organisations and unidentified people are shown as written, short form included.
    public static func labels(_ written: String, kind: Person.Kind, unidentified: Bool = false) -> (label: String, short: String) {
        let name = tidy(written)
        guard kind == .person, !unidentified else { return (name, name) }
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count == 2 {
            let surname = parts[0].trimmingCharacters(in: .whitespaces)
            let forenames = parts[1].trimmingCharacters(in: .whitespaces)
            if !surname.isEmpty, !forenames.isEmpty, !isSuffix(forenames) {
                return ("\(forenames) \(surname)", surname)
            }
        }
        // The last word, passing over a generational suffix ("Edward Stettinius Jr." -> "Stettinius").
        var words = name.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }.filter { !$0.isEmpty }
        while words.count > 1, let last = words.last, isSuffix(last) { words.removeLast() }
        return (name, words.last ?? name)
    }

    private static func isSuffix(_ text: String) -> Bool {
        let bare = text.lowercased().filter { $0 != "." }
        return ["jr", "sr", "jun", "sen", "junior", "senior", "d j", "d ä", "der jüngere", "der ältere"].contains(bare)
            || (!bare.isEmpty && bare.allSatisfy { "ivxl".contains($0) })
    }

    /// True when a name stands for someone unidentified rather than naming a person. The rule
    /// is about the form, in any of the languages of the sources:
    /// 1. the name has no letter at all ("[?]", "?", "...", "—");
    /// 2. its letters alone are "nn" or "xx" ("N.N.", "NN", "N. N.", "XX"), the editors' sign
    ///    for "nomen nescio";
    /// 3. its words include a word for "unknown" (unbekannt, unknown, unidentified, unnamed,
    ///    anonymous, anonym, inconnu, ignoto, sconosciuto, desconocido, onbekend, okänd,
    ///    nieznany, неизвестный and their inflected forms), and every other word is an
    ///    article, a pronoun or a word for a role ("an unnamed friend", "Unbekannter
    ///    Empfänger", "destinataire inconnu").
    /// A name such as "Weber [?]" (an uncertain identification) names someone and is not a
    /// placeholder.
    public static func isPlaceholder(_ name: String) -> Bool {
        let letters = name.lowercased().filter(\.isLetter)
        if letters.isEmpty { return true }
        if ["nn", "xx", "xxx", "nomennescio"].contains(letters) { return true }
        let words = folded(name).split(whereSeparator: { !$0.isLetter }).map(String.init)
        var sawUnknown = false
        for word in words {
            if unknownStems.contains(where: { word.hasPrefix($0) }) { sawUnknown = true }
            else if !fillers.contains(word) { return false }
        }
        return sawUnknown
    }

    /// Lower case without diacritics, for matching the placeholder words.
    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Stems of the words for "unknown", "unnamed", "anonymous", "illegible", without diacritics.
    private static let unknownStems: [String] = [
        "unbekannt", "unbenannt", "ungenannt", "unidentifi", "unknown", "unnamed", "unidentified", "anonym",
        "anon", "inconnu", "ignot", "sconosciut", "anonim", "desconocid", "onbekend", "okand",
        "nieznan", "neznam", "неизвестн", "unleserlich", "illegible", "indetermin",
    ]

    /// Articles, pronouns and role words that may stand beside a word for "unknown".
    private static let fillers: Set<String> = [
        // English
        "a", "an", "the", "some", "someone", "somebody", "person", "persons", "people", "friend", "man", "woman",
        "lady", "gentleman", "correspondent", "sender", "recipient", "addressee", "author", "writer", "hand",
        "member", "of", "family", "mr", "mrs", "miss", "dr", "person", "party", "name",
        // German
        "der", "die", "das", "ein", "eine", "einer", "eines", "einem", "jemand", "freund", "freundin", "mann", "frau",
        "herr", "dame", "absender", "absenderin", "empfanger", "empfangerin", "adressat", "adressatin",
        "verfasser", "verfasserin", "schreiber", "schreiberin", "korrespondent", "korrespondentin", "hand", "name",
        // French
        "un", "une", "le", "la", "l", "quelqu", "personne", "ami", "amie", "destinataire", "expediteur",
        "expeditrice", "auteur", "correspondant", "correspondante", "m", "mme", "mlle", "nom",
        // Italian
        "uno", "il", "lo", "persona", "amico", "amica", "destinatario", "destinataria", "mittente", "autore",
        "autrice", "corrispondente", "sig", "sigra", "nome",
        // Spanish, Portuguese, Dutch, Latin
        "el", "los", "las", "amigo", "remitente", "autor", "autora", "corresponsal", "sr", "sra", "nombre",
        "een", "de", "het", "persoon", "vriend", "afzender", "ontvanger", "quidam", "auctor", "nomen",
    ]
}
