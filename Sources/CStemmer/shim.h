#ifndef CALLQA_CSTEMMER_SHIM_H
#define CALLQA_CSTEMMER_SHIM_H

// The Snowball stemmers (Debian libstemmer-dev): sb_stemmer_new, _stem, _length, _delete.
#include <libstemmer.h>

#endif
