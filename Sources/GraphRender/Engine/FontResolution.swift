extension GraphvizEngine {
    /// The font file and family fontconfig resolves `family` to (what pango and Cairo will
    /// draw with), or nil when fontconfig finds nothing; for `epistolary doctor`.
    public static func resolveFontFile(family: String) -> (file: String, family: String)? {
        resolveFont(family: family)
    }
}
