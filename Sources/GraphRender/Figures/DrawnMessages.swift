import Analysis
import Correspondence

/// What a graph figure's caption says of the messages it draws (how many, the first and last
/// best day, how many are undated, whether any names the unidentified people's group),
/// gathered in one pass that reads each message's fields in place. A figure laid out many
/// times (label separation, line routing, people limits) gathers this once per message list
/// instead of copying every message four times per layout tried.
struct DrawnMessages: Sendable {
    var count = 0
    var first: Day?
    var last: Day?
    var undated = 0
    /// Some message names `UnidentifiedGroup.id` as a writer or addressee.
    var namesUnidentifiedGroup = false

    /// Every message of `messages`.
    /// - Complexity: O(n) in messages.
    init(_ messages: [Message]) {
        self.init(messages, indices: messages.indices)
    }

    /// The messages of `messages` at `indices`.
    /// - Complexity: O(k) for k indices.
    init(_ messages: [Message], indices: some Sequence<Int>) {
        for index in indices {
            count += 1
            if let day = messages[index].date.best {
                if first.map({ day < $0 }) ?? true { first = day }
                if last.map({ day > $0 }) ?? true { last = day }
            }
            if !messages[index].date.isDated { undated += 1 }
            if !namesUnidentifiedGroup,
               messages[index].senders.contains(UnidentifiedGroup.id) || messages[index].recipients.contains(UnidentifiedGroup.id) {
                namesUnidentifiedGroup = true
            }
        }
    }
}
