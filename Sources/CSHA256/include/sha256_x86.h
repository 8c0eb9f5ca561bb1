// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for
// Reports.SHA256: the sweep body checksum hashes every byte a sweep writes.
#ifndef DMM_SHA256_X86_H
#define DMM_SHA256_X86_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions, SSSE3 and SSE4.1 (CPUID), else 0
/// (and always 0 on other architectures): only then may the function below run.
int dmm_sha256_x86_available(void);

/// FIPS 180-4 section 6.2.2 for `blocks` consecutive 64-byte blocks at `data`,
/// updating `state` (H0..H7 as native words) in place.
void dmm_sha256_x86_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
