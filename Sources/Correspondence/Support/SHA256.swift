internal import CLibCrypto
import Foundation

/// SHA-256 of a byte sequence, as lower-case hex. Provenance sidecars, manifests and CMIF ids
/// name inputs and outputs by their hash. The digest is OpenSSL's (libcrypto): it uses the
/// processor's SHA instructions, 1.6 GB/s here against 0.31 GB/s for the Swift code it replaced
/// in release builds and 12 MB/s in debug builds (docs/DESIGN.md).
public enum SHA256 {
    /// Bytes handed to the digest between two looks at `cancelled`.
    private static let chunk = 1 << 20

    public static func hex<Bytes: Sequence>(_ input: Bytes) -> String where Bytes.Element == UInt8 {
        hex(input, unless: { false }) ?? ""
    }

    /// The hash, or nil as soon as `cancelled` says so (it is asked once a megabyte).
    /// - Complexity: O(n) in the number of bytes.
    static func hex<Bytes: Sequence>(_ input: Bytes, unless cancelled: () -> Bool) -> String? where Bytes.Element == UInt8 {
        // Contiguous input (an array, Data, a native string's UTF-8) is hashed in place.
        if let digest = input.withContiguousStorageIfAvailable({ hex(buffer: $0, unless: cancelled) }) { return digest }
        return Array(input).withUnsafeBufferPointer { hex(buffer: $0, unless: cancelled) }
    }

    private static func hex(buffer input: UnsafeBufferPointer<UInt8>, unless cancelled: () -> Bool) -> String? {
        let digest = Digest()
        var start = 0
        repeat {
            if cancelled() { return nil }
            let end = min(start + chunk, input.count)
            digest.update(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[start..<end]))
            start = end
        } while start < input.count
        return digest.finish()
    }

    /// The SHA-256 of a file, read in chunks of 1 MB: a large corpus is hashed without being held
    /// in memory. Nil when the file cannot be read, or when `cancelled` says so between chunks.
    /// - Complexity: O(n) in the size of the file.
    static func hex(fileAt path: String, unless cancelled: () -> Bool = { false }) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        let digest = Digest()
        while true {
            if cancelled() { return nil }
            let read: Data?
            do { read = try file.read(upToCount: chunk) } catch { return nil }
            // The end of the file is an empty chunk, or none.
            guard let bytes = read, !bytes.isEmpty else { break }
            bytes.withUnsafeBytes { digest.update($0) }
        }
        return digest.finish()
    }

    /// One running digest (an EVP context), freed when done: fed in pieces (`update`), read
    /// once (`finish`). A file is hashed this way as it is written (`GalleryStaging`).
    public final class Digest {
        private let context: OpaquePointer

        public init() {
            // Allocation and SHA-256's initialisation fail only when memory runs out.
            guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                fatalError("libcrypto could not start a SHA-256 digest")
            }
            self.context = context
        }

        public func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            _ = EVP_DigestUpdate(context, base, bytes.count)
        }

        /// The hash of everything given to `update`, as lower-case hex; call it once.
        public func finish() -> String {
            var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            _ = EVP_DigestFinal_ex(context, &out, &length)
            let digits = Array("0123456789abcdef".utf8)
            var hex = [UInt8]()
            hex.reserveCapacity(Int(length) * 2)
            for byte in out.prefix(Int(length)) {
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0xf)])
            }
            return String(decoding: hex, as: UTF8.self)
        }

        deinit { EVP_MD_CTX_free(context) }
    }
}
