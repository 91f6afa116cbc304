#ifndef EPISTOLARY_CLIBPNG_SHIM_H
#define EPISTOLARY_CLIBPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* Receives the PNG's bytes as libpng writes them; returns 0 to stop (out of memory). */
typedef int (*epistolary_png_sink)(void *closure, const uint8_t *bytes, size_t length);

struct epistolary_png_output {
    epistolary_png_sink sink;
    void *closure;
    int failed;
};

static void epistolary_png_write(png_structp png, png_bytep bytes, png_size_t length) {
    struct epistolary_png_output *out = (struct epistolary_png_output *)png_get_io_ptr(png);
    if (!out->sink(out->closure, bytes, length)) {
        out->failed = 1;
        png_error(png, "the PNG's bytes could not be kept");
    }
}

static void epistolary_png_flush(png_structp png) { (void)png; }

/* Writes an opaque image whose pixels are 32-bit words 0x??RRGGBB in native byte order (Cairo's
   RGB24) as an 8-bit RGB PNG, with `filters` (PNG_FILTER_NONE ... PNG_ALL_FILTERS), zlib
   `level` and, when `pixels_per_metre` > 0, a pHYs chunk. libpng reports errors by longjmp,
   which Swift cannot catch: it happens here, and the result is 0 on success, 1 on failure. */
static inline int epistolary_png_encode(const uint8_t *data, uint32_t width, uint32_t height, size_t stride,
                                        uint32_t pixels_per_metre, int filters, int level,
                                        epistolary_png_sink sink, void *closure) {
    struct epistolary_png_output out = { sink, closure, 0 };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return 1;
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_write_struct(&png, NULL); return 1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return 1;
    }
    png_set_write_fn(png, &out, epistolary_png_write, epistolary_png_flush);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (pixels_per_metre > 0) png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_compression_level(png, level);
    png_write_info(png, info);
    /* A native 32-bit 0x??RRGGBB word: on little-endian machines B, G, R, filler in memory. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
#else
    png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
    for (uint32_t y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(data + (size_t)y * stride));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return out.failed;
}
#endif
