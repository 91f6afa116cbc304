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
