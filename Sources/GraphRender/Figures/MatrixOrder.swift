/// How the matrix figure orders its rows and columns.
public enum MatrixOrder: String, CaseIterable, Sendable {
    /// Most involved people first.
    case activity
    /// People who write to each other side by side (average-linkage clustering of the
    /// messages exchanged, leaves in dendrogram order), so blocks of close correspondents show.
    case cluster
}
