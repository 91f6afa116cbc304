import Foundation

/// The corpus shipped inside the package, the default of every command: Stalin's war
/// telegrams of 1941-1945 (see the README for its source).
public enum BundledCorpus {
    public static let name = "war-telegrams.txt"

    /// Where the build put it; an environment error when the resource is missing.
    public static func url() throws -> URL {
        guard let url = Bundle.module.url(forResource: "war-telegrams", withExtension: "txt", subdirectory: "Resources") else {
            throw EpistolaryError(.environment, "the bundled corpus \(name) is missing from the build")
        }
        return url
    }
}
