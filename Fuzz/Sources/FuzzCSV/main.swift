import Correspondence
import Foundation
import FuzzSupport

/// The CSV reader on arbitrary bytes: it returns a corpus or an `EpistolaryError`; a data
/// error other than an empty file names its line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = FuzzInput.text(data, file: "fuzz.csv") else { return 0 }
    do {
        let corpus = try CSVReader.read(text: text, sourceName: "fuzz.csv", path: "fuzz.csv", people: FuzzInput.people)
        FuzzInput.check(corpus, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count)
    } catch {
        FuzzInput.check(error, file: "fuzz.csv")
    }
    return 0
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzCSV_main")
public func FuzzCSVEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        fuzzCSV(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
    }
}
