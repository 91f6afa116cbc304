import Correspondence
import Foundation

/// The TOML text of a starter lexicon made from suggested threads, in the format of
/// `TopicLexiconFile` (so `--topics` reads it as it is), with counts and example source lines as
/// comments for the user who edits it.
public enum StarterLexicon {
    /// - Complexity: O(terms).
    public static func toml(_ threads: [SuggestedThread], source: String, messagesWithText: Int) -> String {
        var out = """
        # Starter topic lexicon written by `epistolary topics suggest` for \(ScalarText.oneLine(UnsafeScalars.replaced(in: source)))
        # (\(messagesWithText) messages with text). Each [[topic]] is a candidate thread: terms that are
        # distinctive in a period against the whole corpus, or recur within letters, grouped because
        # they occur in the same letters. After each term: the messages it occurs in and source lines
        # of its first occurrences. Edit it: rename ids and labels, delete terms that overreach
        # (`epistolary topics check --topics FILE` counts them), adjust weights and thresholds.
        # Matching ignores case, diacritics and punctuation; it does not stem (write convoy* for
        # convoy, convoys). A message belongs to a topic when its score reaches the threshold.

        """
        if threads.isEmpty {
            out += "# No thread found: the corpus has too few letters with shared, distinctive words.\n"
        }
        for thread in threads {
            out += "\n[[topic]]\n"
            out += "id = \(JSONText.string(thread.id))\n"
            out += "label = \(JSONText.string(thread.label))\n"
            out += "threshold = 4\n"
            var summary = "# \(thread.messages) messages have two or more of these terms"
            if let peak = thread.peakPeriod {
                summary += "; most in \(peak) (\(thread.peakMessages) of \(thread.peakPeriodMessages) messages)"
            }
            out += summary + "\n"
            out += "phrases = [\n"
            for term in thread.terms {
                let lines = term.exampleLines.map(String.init).joined(separator: ", ")
                let together = Int((term.cohesion * 100).rounded())
                out += "  { text = \(JSONText.string(term.text)), weight = \(number(term.weight)) },"
                out += "  # \(term.messages) messages (\(together)% with another term here), e.g. line\(term.exampleLines.count == 1 ? "" : "s") \(lines)\n"
            }
            out += "]\n"
        }
        return out
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
