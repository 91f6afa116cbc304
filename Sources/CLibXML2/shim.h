// libxml2's streaming reader (xmlTextReader), for the CMIF reader: it reads documents of any
// size without building a tree, and reports every error instead of trapping.
#include <libxml/xmlversion.h>
// libxml2's headers would include the system's ICU, which clashes with the ICU Foundation
// ships; the reader never touches the encoding handlers that need it.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/// Frees a string libxml2 allocated (xmlFree is a global function pointer, which Swift 6
/// cannot call without a data-race warning).
static inline void epistolary_xml_free(void *pointer) { xmlFree(pointer); }

/// libxml2's per-thread error handlers, as they were before a reader's call (see
/// `epistolary_xml_route_errors`).
typedef struct {
    xmlGenericErrorFunc generic;
    void *genericContext;
    xmlStructuredErrorFunc structured;
    void *structuredContext;
} epistolary_xml_handlers;

/// Swallows a message of libxml2's generic (printf-style) error channel: everything it says
/// there is also raised as a structured error, which the reader records.
static void epistolary_xml_ignore_generic(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Routes libxml2's own error channels of the calling thread, which it uses for errors raised
/// outside a parser context (a failed encoding conversion: "encoding error", "I/O error :
/// encoder error") and would otherwise print to stderr: structured errors go to `handler` with
/// `context`, generic messages nowhere. Returns the handlers to restore. libxml2 keeps these
/// per thread, so setting them around a call affects that call alone.
static inline epistolary_xml_handlers epistolary_xml_route_errors(void *context, xmlStructuredErrorFunc handler) {
    epistolary_xml_handlers saved = { xmlGenericError, xmlGenericErrorContext, xmlStructuredError, xmlStructuredErrorContext };
    xmlSetGenericErrorFunc(context, epistolary_xml_ignore_generic);
    xmlSetStructuredErrorFunc(context, handler);
    return saved;
}

/// Puts back the handlers `epistolary_xml_route_errors` replaced.
static inline void epistolary_xml_restore_errors(epistolary_xml_handlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

/// The offset of the first bytes of `bytes` that libxml2's own converter for `encoding` does not
/// take (what made the reader fail), or -1 when all of them convert or there is no converter.
/// libxml2 converts its input ahead of the parser, in chunks, and reports such an error where
/// the parser was; this finds where the bytes are. Converts 64 kB at a time; call it with the
/// error channels routed (a failed conversion raises an error there).
static inline long epistolary_xml_unconvertible_offset(const char *encoding, const unsigned char *bytes, size_t length) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
    if (handler == NULL) return -1;
    xmlBufferPtr in = xmlBufferCreate(), out = xmlBufferCreate();
    long offset = -1;
    size_t consumed = 0, fed = 0;
    while (in != NULL && out != NULL) {
        if (fed < length) {
            size_t n = length - fed < 65536 ? length - fed : 65536;
            if (xmlBufferAdd(in, bytes + fed, (int)n) != 0) break;
            fed += n;
        }
        for (;;) {
            int before = xmlBufferLength(in);
            if (before == 0) break;
            xmlBufferEmpty(out);
            xmlCharEncInFunc(handler, out, in);
            int after = xmlBufferLength(in);
            consumed += (size_t)(before - after);
            if (after == before) break;
        }
        int left = xmlBufferLength(in);
        /* What is left unconverted is either the start of a character cut at the chunk's end
           (a few bytes, completed by the next chunk) or bytes the converter refuses. */
        if (fed >= length) { if (left > 0) offset = (long)consumed; break; }
        if (left > 16) { offset = (long)consumed; break; }
    }
    if (in != NULL) xmlBufferFree(in);
    if (out != NULL) xmlBufferFree(out);
    xmlCharEncCloseFunc(handler);
    return offset;
}
