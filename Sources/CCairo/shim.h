#ifndef EPISTOLARY_CCAIRO_SHIM_H
#define EPISTOLARY_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stddef.h>
#include <strings.h>

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
#endif
