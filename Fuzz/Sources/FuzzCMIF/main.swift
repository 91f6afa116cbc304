import Correspondence
import Foundation
import FuzzSupport

/// The CMIF reader on arbitrary bytes (it takes bytes itself: invalid UTF-8 is its to report).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCMIF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let corpus = try CMIFReader.read(data: data, sourceName: "fuzz.xml", shownAs: "fuzz.xml", people: FuzzInput.people)
        FuzzInput.check(corpus, lines: xmlLines(data))
    } catch {
        FuzzInput.check(error, file: "fuzz.xml")
    }
    return 0
}

/// Lines as XML counts them: XML 1.0 (2.11) reads CR LF, a lone CR and LF each as one line
/// end, and so do libxml2 and the reader (crash-69970fc9 was a file of 19 lone CRs whose
/// messages ended past the harness's count of LFs alone).
func xmlLines(_ data: Data) -> Int {
    var lines = 1
    var previous: UInt8 = 0
    for byte in data {
        if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { lines += 1 }
        previous = byte
    }
    return lines
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzCMIF_main")
public func FuzzCMIFEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        fuzzCMIF(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
    }
}
