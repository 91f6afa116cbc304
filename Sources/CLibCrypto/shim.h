// OpenSSL's libcrypto, for SHA-256 only (the provenance hashes of inputs, manifests and DOT):
// its digest runs at the machine's SHA instructions, about 5x our own Swift code in release
// and 100x in debug builds (measured in docs/DESIGN.md).
#include <openssl/evp.h>
