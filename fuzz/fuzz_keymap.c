/* fuzz_keymap.c: libFuzzer harness for the keymap file parser. */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
ignore(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct keymap *km = keymap_new();
	keymap_load_string(km, "fuzz", text, ignore, NULL);
	keymap_free(km);
	free(text);
	return 0;
}
