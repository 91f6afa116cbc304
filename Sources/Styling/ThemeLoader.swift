import Correspondence
import Foundation
import TOMLReader

/// Loads themes from a style spec: comma-separated sheet names (`paper,colorblind`) or paths
/// (an element containing `/` or ending in `.toml`), merged left to right over `base`.
/// The bundled sheets are the files of `Styles/` in the repository, copied into the build as
/// the Styling resource bundle.
public enum ThemeLoader {
    /// The spec used when the user gives none.
    public static let defaultSpec = "paper"
    /// The complete sheet every theme starts from.
    public static let baseName = "base"

    /// The theme for `spec`, e.g. "paper", "paper,colorblind", "paper,~/mine.toml".
    public static func load(spec: String = defaultSpec) throws -> Theme {
        try ThemeResolver(settings: settings(spec: spec)).theme()
    }

    /// The merged settings (sheet values with their origin) for `spec`, base first.
    public static func settings(spec: String) throws -> ThemeSettings {
        var settings = ThemeSettings()
        settings.merge(try bundledSheet(named: baseName))
        for element in try elements(of: spec) where element != baseName {
            settings.merge(try sheet(element))
        }
        return settings
    }

    /// The elements of a spec, trimmed; an empty spec or element is a usage error.
    public static func elements(of spec: String) throws -> [String] {
        let parts = spec.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.contains(where: \.isEmpty) else {
            throw EpistolaryError(.badUsage, "empty style name in \"\(spec)\"; write names separated by commas, e.g. paper,colorblind")
        }
        return parts
    }

    /// Whether a spec element names a file rather than a bundled sheet.
    public static func isPath(_ element: String) -> Bool {
        element.contains("/") || element.hasSuffix(".toml")
    }

    /// One sheet: a bundled one by name, or a user's sheet by path.
    public static func sheet(_ element: String) throws -> ThemeSheet {
        if isPath(element) {
            let text: String
            do {
                text = try TOMLDocument.text(ofFile: element)
            } catch let error as TOMLError {
                // Unreadable: usage; too large, or bytes that are not UTF-8 (with their line): data.
                throw EpistolaryError(error.unreadable ? .badUsage : .badData, file: element, line: error.line,
                                 "cannot read the style sheet: \(error.message)")
            }
            return try ThemeSheet.parse(text, name: element, file: element)
        }
        return try bundledSheet(named: element)
    }

    /// A bundled sheet by name; an unknown name is a usage error suggesting the nearest name.
    public static func bundledSheet(named name: String) throws -> ThemeSheet {
        let directory = try sheetsDirectory()
        let names = try bundledNames()
        guard names.contains(name) else {
            var message = "unknown style \"\(name)\""
            if let near = NearestKey.suggestion(for: name, among: names) { message += "; did you mean \(near)?" }
            message += " (styles: \(names.joined(separator: ", ")); a path to a sheet must contain '/' or end in .toml)"
            throw EpistolaryError(.badUsage, message)
        }
        let path = directory.appendingPathComponent(name + ".toml").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw EpistolaryError(.environment, file: path, "cannot read the bundled style sheet")
        }
        return try ThemeSheet.parse(text, name: name, file: path)
    }

    /// The bundled sheet names: `base` first, then the others alphabetically.
    public static func bundledNames() throws -> [String] {
        let directory = try sheetsDirectory()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let names = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        return names.filter { $0 == baseName } + names.filter { $0 != baseName }
    }

    /// The folder holding the bundled sheets. Looked for, in order: `$EPISTOLARY_STYLES`; the
    /// resource bundle next to the executable (SwiftPM's layout, also when the executable is
    /// reached through a symlink); the `Styles/` folder of the source tree this was built from.
    /// `Sources/Styling/Sheets` is a symlink to `Styles/`, declared `.process`: SwiftPM follows
    /// it and copies the sheets themselves into the bundle (`.copy` would copy the dangling link).
    public static func sheetsDirectory() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["EPISTOLARY_STYLES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundleName = "Epistolary_Styling.resources"
        var executableFolders = [Bundle.main.bundleURL]
        if let resources = Bundle.main.resourceURL { executableFolders.append(resources) }
        executableFolders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        if let executable = Bundle.main.executableURL {
            executableFolders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in executableFolders {
            candidates.append(folder.appendingPathComponent(bundleName))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Styles"))
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(baseName + ".toml").path) {
            return candidate
        }
        throw EpistolaryError(.environment, "cannot find the bundled style sheets (\(bundleName) next to the executable); reinstall, or set EPISTOLARY_STYLES to the Styles folder")
    }

    /// Name and one-line description of every bundled sheet, for `styles list`.
    public static func catalogue() throws -> [(name: String, description: String)] {
        try bundledNames().map { name in
            (name, try bundledSheet(named: name).description ?? "")
        }
    }
}
