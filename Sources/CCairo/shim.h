#ifndef EPISTOLARY_CCAIRO_SHIM_H
#define EPISTOLARY_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stddef.h>
#include <strings.h>
#include <string.h>

/* 1 when fontconfig's best match for `family` is a font of that family (compared without
   case), 0 when it would fall back to another family. Cairo's toy API never says. */
static inline int epistolary_font_family_installed(const char *family) {
    if (!FcInit()) return 0;
    FcPattern *pattern = FcPatternCreate();
    if (!pattern) return 0;
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
    FcConfigSubstitute(NULL, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern *match = FcFontMatch(NULL, pattern, &result);
    int found = 0;
    if (match) {
        FcChar8 *name = NULL;
        for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; i++) {
            if (name && strcasecmp((const char *)name, family) == 0) { found = 1; break; }
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}
/* The family fontconfig resolves `family` at this weight and slant to (the font Cairo's toy
   API then draws with), copied NUL-terminated into `out` of `size` bytes: the requested family
   as fontconfig spells it when the match is of that family, else the match's first family.
   0 when nothing matches or the name does not fit. */
static inline int epistolary_font_family_resolved(const char *family, int bold, int italic, char *out, size_t size) {
    if (!out || size == 0 || !FcInit()) return 0;
    FcPattern *pattern = FcPatternCreate();
    if (!pattern) return 0;
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_MEDIUM);
    FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(NULL, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern *match = FcFontMatch(NULL, pattern, &result);
    int found = 0;
    if (match) {
        FcChar8 *name = NULL, *chosen = NULL;
        for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; i++) {
            if (!name) continue;
            if (!chosen) chosen = name;
            if (strcasecmp((const char *)name, family) == 0) { chosen = name; break; }
        }
        if (chosen && strlen((const char *)chosen) < size) {
            memcpy(out, chosen, strlen((const char *)chosen) + 1);
            found = 1;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}
#endif
