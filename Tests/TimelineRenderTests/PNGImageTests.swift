import CCairo
import Drawing
import Foundation
import Testing
@testable import TimelineRender

/// The PNG writer (libpng with a fast filter, `PNGImage`) is checked by reading its files back
/// through Cairo's PNG reader: every pixel must come back exactly, whatever the byte order of
/// Cairo's pixels and libpng's rows.
@Suite("PNG writer: lossless, valid, deterministic")
struct PNGImageTests {
    /// An RGB24 surface of `width` x `height` filled by `pixel(x, y)` (0xRRGGBB).
    private static func surface(_ width: Int, _ height: Int, _ pixel: (Int, Int) -> UInt32) throws -> OpaquePointer {
        let s = try #require(cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)))
        let stride = Int(cairo_image_surface_get_stride(s)) / 4
        let data = try #require(cairo_image_surface_get_data(s))
        let p = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        for y in 0..<height { for x in 0..<width { p[y * stride + x] = pixel(x, y) } }
        cairo_surface_mark_dirty(s)
        return s
    }

    /// The pixels (0xRRGGBB) libpng reads back from `png`.
    private static func decode(_ png: [UInt8]) throws -> (width: Int, height: Int, pixels: [UInt32]) {
        let reader = PNGBytesReader(png)
        let box = Unmanaged.passRetained(reader)
        defer { box.release() }
        let created = cairo_image_surface_create_from_png_stream(readPNGBytes, box.toOpaque())
        let s = try #require(created)
        defer { cairo_surface_destroy(s) }
        try #require(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS, "libpng refused the PNG")
        let w = Int(cairo_image_surface_get_width(s)), h = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s)) / 4
        let data = try #require(cairo_image_surface_get_data(s))
        let p = UnsafeRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * h)
        var out: [UInt32] = []
        for y in 0..<h { for x in 0..<w { out.append(p[y * stride + x] & 0xFF_FFFF) } }
        return (w, h, out)
    }

    private static func roundTrip(_ width: Int, _ height: Int, _ pixel: @escaping (Int, Int) -> UInt32) throws {
        let s = try surface(width, height, pixel)
        defer { cairo_surface_destroy(s) }
        let png = [UInt8](try #require(PNGImage.encode(s)))
        #expect(PNGImage.encode(s).map { [UInt8]($0) } == png, "same pixels, same bytes")
        let back = try decode(png)
        #expect(back.width == width && back.height == height)
        var expected: [UInt32] = []
        for y in 0..<height { for x in 0..<width { expected.append(pixel(x, y) & 0xFF_FFFF) } }
        let wrong = zip(back.pixels, expected).filter { $0 != $1 }.count
        #expect(wrong == 0, "\(wrong) of \(expected.count) pixels differ")
    }

    @Test("flat paper with lines and blocks (long runs, row repeats) decodes exactly")
    func figureLike() throws {
        try Self.roundTrip(700, 300) { x, y in
            if y % 37 == 0 { return 0x808080 }
            if (x / 13 + y / 11) % 9 == 0 { return 0x4477AA }
            return 0xFFFFFF
        }
    }

    @Test("noise (no matches), tiny and odd sizes decode exactly")
    func noiseAndSizes() throws {
        var state: UInt32 = 12_345
        let noise: [UInt32] = (0..<(97 * 61)).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return state >> 8
        }
        try Self.roundTrip(97, 61) { x, y in noise[y * 97 + x] }
        try Self.roundTrip(1, 1) { _, _ in 0x123456 }
        try Self.roundTrip(3, 2) { x, y in UInt32(x * 40 + y * 90) }
        // A row wider than zlib's window.
        try Self.roundTrip(5_000, 12) { x, y in (x % 4_096) == 7 ? 0x010203 : UInt32(y) }
    }

    @Test("a painted figure keeps its pixels through the writer")
    func paintedScene() throws {
        let scene = try CanvasTests.sampleScene()
        let png = [UInt8](try ScenePainter.render(scene, as: .png, dpi: 150))
        let back = try Self.decode(png)
        #expect(back.width == Int((scene.width * 150 / 72).rounded(.up)))
        #expect(Set(back.pixels).count > 10, "the figure has colours and antialiasing, not a blank page")
    }

    @Test("a resolution is written as a pHYs chunk in pixels per metre; none without one")
    func resolution() throws {
        let s = try Self.surface(4, 3) { _, _ in 0xFFFFFF }
        defer { cairo_surface_destroy(s) }
        let png = [UInt8](try #require(PNGImage.encode(s, dpi: 300)))
        let phys = try #require(png.indices.first { png[$0..<min($0 + 4, png.count)].elementsEqual(Array("pHYs".utf8)) })
        let perMetre = png[(phys + 4)..<(phys + 8)].reduce(0) { $0 << 8 | UInt32($1) }
        #expect(perMetre == 11_811, "300 dpi is 11,811 pixels per metre")
        #expect(png[phys + 12] == 1, "unit: the metre")
        let plain = [UInt8](try #require(PNGImage.encode(s)))
        #expect(!plain.indices.contains { plain[$0..<min($0 + 4, plain.count)].elementsEqual(Array("pHYs".utf8)) })
    }

    @Test("only an opaque image surface is written")
    func refusesOtherSurfaces() throws {
        let argb = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4))
        defer { cairo_surface_destroy(argb) }
        #expect(PNGImage.encode(argb) == nil)
    }
}

/// Bytes handed to Cairo's PNG reader in the pieces it asks for.
private final class PNGBytesReader {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

private let readPNGBytes: cairo_read_func_t = { closure, buffer, length in
    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
    let r = Unmanaged<PNGBytesReader>.fromOpaque(closure).takeUnretainedValue()
    let n = Int(length)
    guard r.offset + n <= r.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    for i in 0..<n { buffer[i] = r.bytes[r.offset + i] }
    r.offset += n
    return CAIRO_STATUS_SUCCESS
}
