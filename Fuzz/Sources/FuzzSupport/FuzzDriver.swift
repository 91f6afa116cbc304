/// libFuzzer's own driver (`LLVMFuzzerRunDriver`), started from each target's entry point.
///
/// SwiftPM links an executable with its `main` renamed to `<Target>_main` (so that tests can
/// import executables), which hides the `main` libFuzzer brings. Each target therefore defines
/// `<Target>_main` itself and hands its test function to the driver here.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with this process's arguments over `callback`.
public func runLibFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}

/// A valid pointer for an empty input (libFuzzer may pass none for zero bytes).
public var emptyFuzzInput: UnsafeRawPointer { UnsafeRawPointer(emptyInputStorage) }
private nonisolated(unsafe) let emptyInputStorage = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
