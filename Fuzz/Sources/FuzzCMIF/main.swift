import Correspondence
import Foundation
import FuzzSupport

/// The CMIF reader on arbitrary bytes (it takes bytes itself: invalid UTF-8 is its to report).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCMIF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let corpus = try CMIFReader.read(data: data, sourceName: "fuzz.xml", shownAs: "fuzz.xml", people: FuzzInput.people)
        FuzzInput.check(corpus, lines: data.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
    } catch {
        FuzzInput.check(error, file: "fuzz.xml")
    }
    return 0
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzCMIF_main")
public func FuzzCMIFEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        fuzzCMIF(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
    }
}
