/* cite.c: see cite.h. A marker is '[', numbers or ranges separated by
 * commas, ']'; "[1–3]" with an en dash is accepted as authors type it. */
#include "cite.h"

#include <stdbool.h>

static size_t
scan_number(const char *s, size_t len, int *out)
{
	size_t i = 0;
	int v = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9' && i < 4) {
		v = v * 10 + (s[i] - '0');
		i++;
	}
	if (i == 0 || i > 3 || (i < len && s[i] >= '0' && s[i] <= '9'))
		return 0;
	*out = v;
	return i;
}

static size_t
skip_spaces(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

static void
push(int *nums, size_t max, size_t *count, int v)
{
	if (*count < max)
		nums[*count] = v;
	(*count)++;
}

size_t
cite_scan(const char *s, size_t len, int *nums, size_t max, size_t *count)
{
	size_t i = 1;
	*count = 0;
	if (len < 3 || s[0] != '[')
		return 0;
	for (;;) {
		int a, b;
		size_t n;
		i = skip_spaces(s, len, i);
		if ((n = scan_number(s + i, len - i, &a)) == 0 || a == 0)
			return 0;
		i += n;
		i = skip_spaces(s, len, i);
		bool range = false;
		if (i < len && s[i] == '-') {
			i++;
			range = true;
		} else if (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
		    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93) {
			i += 3;
			range = true;
		}
		if (range) {
			i = skip_spaces(s, len, i);
			if ((n = scan_number(s + i, len - i, &b)) == 0 || b < a)
				return 0;
			i += n;
			for (int v = a; v <= b; v++)
				push(nums, max, count, v);
			i = skip_spaces(s, len, i);
		} else {
			push(nums, max, count, a);
		}
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		if (i < len && s[i] == ']')
			return i + 1;
		return 0;
	}
}
