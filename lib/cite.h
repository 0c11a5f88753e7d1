/* cite.h: citation markers in article text: [1], [2, 3], [1-3]. */
#ifndef BEDSIDE_CITE_H
#define BEDSIDE_CITE_H

#include <stddef.h>

#define CITE_MAX_NUMBER 999

/* If s starts with a citation marker, returns its length in bytes and
 * stores up to max of the numbers it names (ranges expanded) in nums,
 * with the full count in *count. Returns 0 if s is not a citation. */
size_t cite_scan(const char *s, size_t len, int *nums, size_t max, size_t *count);

#endif
