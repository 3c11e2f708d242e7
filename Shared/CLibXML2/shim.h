#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// libxml2's ICU hooks clash with the ICU that Foundation carries; the parser never needs them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/tree.h>

/// xmlFree is a global function pointer in libxml2; Swift 6 refuses to read shared mutable globals.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }
#endif
