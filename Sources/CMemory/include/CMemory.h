#ifndef BACKCHECK_CMEMORY_H
#define BACKCHECK_CMEMORY_H

/// Returns the allocator's free memory to the system (glibc's malloc_trim); 1 when some was
/// released. Swift's Glibc module does not export malloc.h, hence this shim.
int backcheck_release_free_memory(void);

#endif
