import Synchronization

/// The header readings of one text, shared by the segmenters of all its pieces: a header text
/// repeats hundreds of times across a corpus ("PERSONAL AND SECRET MESSAGE / FROM ... / TO ..."),
/// and each distinct one is read once for the whole text, not once per piece.
///
/// Why shared: at 500,000 messages the text is cut into some 70 pieces, and a memo per piece
/// read most headers again in every piece (the readings were a sixth of segmenting). A reading
/// depends only on its text and the person table, which all pieces share, so which piece reads
/// it first does not change the result.
final class HeaderMemo: Sendable {
    private let headers = Mutex<[[String]: HeaderText]>([:])
    /// The readings of header-like paragraphs by their bytes (`HeaderParagraphReadings`).
    let paragraphs = HeaderParagraphReadings.Shared()

    /// The header read from `paragraphs`, made by `read` the first time it is asked for.
    func header(_ paragraphs: [String], read: () -> HeaderText) -> HeaderText {
        if let known = headers.withLock({ $0[paragraphs] }) { return known }
        let made = read()
        headers.withLock { $0[paragraphs] = made }
        return made
    }

    /// One piece's own readings, looked up before the shared ones. Why: both cores took the
    /// shared memo's locks for every header-like paragraph, hashing the key inside the lock, and
    /// at 50,000 telegrams a fifth of segmenting went to waiting and waking on them. A piece
    /// asks the shared memo once per distinct text it meets, and the reading is the same.
    struct Local {
        private var headers: [[String]: HeaderText] = [:]

        /// `HeaderMemo.header`, this piece's answer first.
        mutating func header(_ paragraphs: [String], shared: HeaderMemo, read: () -> HeaderText) -> HeaderText {
            if let known = headers[paragraphs] { return known }
            let made = shared.header(paragraphs, read: read)
            headers[paragraphs] = made
            return made
        }
    }
}
