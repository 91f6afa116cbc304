import Correspondence
import FuzzSupport
import Foundation
import Styling
import TOMLReader

/// The TOML reader, and a theme sheet and topic-style reading on top of it, on arbitrary
/// bytes: a document or a `TOMLError` naming the file and (for syntax) the line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = String(data: data, encoding: .utf8) else { return 0 }
    do {
        let document = try TOMLDocument.parse(text, file: "fuzz.toml")
        precondition(document.file == "fuzz.toml")
    } catch let error as TOMLError {
        precondition(error.file == "fuzz.toml", "a TOML error names another file")
        precondition(error.line != nil, "a syntax error names no line: \(error.message)")
        precondition(error.line! >= 1, "line \(error.line!) is not a line")
    } catch {
        fatalError("TOMLDocument threw \(type(of: error)): \(error)")
    }
    // The same text as a theme sheet: a sheet or a TOMLError; a font family that passes the
    // grammar holds nothing that could escape an attribute.
    do {
        let sheet = try ThemeSheet.parse(text, name: "fuzz", file: "fuzz.toml")
        for (key, entry) in sheet.values where key.hasSuffix(".family") {
            if case .string(let family) = entry.value {
                precondition(!family.contains { "\"'<>&\\\n\r".contains($0) }, "font family \(family.debugDescription) passed the grammar")
            }
        }
    } catch is TOMLError {
    } catch is EpistolaryError {
    } catch {
        fatalError("ThemeSheet threw \(type(of: error)): \(error)")
    }
    return 0
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzTOML_main")
public func FuzzTOMLEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        fuzzTOML(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
    }
}
