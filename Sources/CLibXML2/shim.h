#ifndef CALLQA_CLIBXML2_SHIM_H
#define CALLQA_CLIBXML2_SHIM_H

// xmlversion.h first, so the ICU switch can be turned off before any header
// that would pull ICU's types in: Foundation brings its own ICU, and the two
// definitions of UErrorCode clash in debug builds.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#endif
