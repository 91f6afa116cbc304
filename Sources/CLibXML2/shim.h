// libxml2's streaming reader (xmlTextReader), for the CMIF reader: it reads documents of any
// size without building a tree, and reports every error instead of trapping.
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
