import Correspondence
import Foundation
import FuzzSupport

/// The telegram text reader on arbitrary bytes: it returns a corpus or an `EpistolaryError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTelegram(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = FuzzInput.text(data, file: "fuzz.txt") else { return 0 }
    do {
        let corpus = try TelegramReader.read(text: text, sourceName: "fuzz.txt", path: "fuzz.txt", people: FuzzInput.people)
        FuzzInput.check(corpus, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count)
    } catch {
        FuzzInput.check(error, file: "fuzz.txt")
    }
    return 0
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzTelegram_main")
public func FuzzTelegramEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        fuzzTelegram(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
    }
}
