import Foundation
import Testing
import TOMLReader
@testable import Styling

/// The folder `Styles/` of the repository, found from this file (tests must not need /work/shared).
let stylesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Styles")

/// Every sheet in Styles/ loads, and differs from the base only in the keys it sets itself.
@Suite struct SheetTests {
    let sheetNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: stylesFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func theBundledSheetsAreTheFilesOfStyles() throws {
        #expect(sheetNames == ["base", "colorblind", "dark", "grayscale", "paper", "presentation"])
        #expect(try ThemeLoader.bundledNames() == ["base"] + sheetNames.filter { $0 != "base" })
        for name in sheetNames {
            let bundled = try String(contentsOf: try ThemeLoader.sheetsDirectory().appendingPathComponent(name + ".toml"), encoding: .utf8)
            let source = try String(contentsOf: stylesFolder.appendingPathComponent(name + ".toml"), encoding: .utf8)
            #expect(bundled == source, "the bundled \(name).toml is a copy of Styles/\(name).toml")
        }
    }

    @Test func baseSetsEveryKey() throws {
        let base = try ThemeLoader.bundledSheet(named: "base")
        #expect(base.keys == ThemeSchema.fields.map(\.key))
        var settings = ThemeSettings()
        settings.merge(base)
        #expect(settings.missingKeys.isEmpty)
        #expect(base.description?.isEmpty == false)
    }

    @Test func everySheetLoadsAndChangesOnlyWhatItSets() throws {
        let base = try ThemeLoader.settings(spec: "base")
        for name in sheetNames {
            let sheet = try ThemeLoader.bundledSheet(named: name)
            #expect(sheet.description?.isEmpty == false, "\(name) has a description for styles list")
            let merged = try ThemeLoader.settings(spec: name)
            _ = try ThemeLoader.load(spec: name)
            for field in ThemeSchema.fields {
                let mergedValue = merged.values[field.key]?.value
                if let own = sheet.values[field.key] {
                    #expect(mergedValue == own.value, "\(name): \(field.key) is the sheet's own value")
                } else {
                    #expect(mergedValue == base.values[field.key]?.value, "\(name): \(field.key) comes from base")
                }
            }
            if name != "base" {
                #expect(!sheet.values.isEmpty, "\(name) changes something")
                #expect(sheet.values.contains { base.values[$0.key]?.value != $0.value.value },
                        "\(name) differs from base somewhere")
            }
        }
    }
}
