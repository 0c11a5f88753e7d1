/* fuzz_render.c: libFuzzer harness for the Markdown renderer. The first
 * byte picks the width; every line must fit it and hold nothing unsafe to draw. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "render.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int width = 2 + data[0] % 119;
	char *md = xstrndup((const char *)data + 1, size - 1);
	struct render_doc doc = { 0 };
	render_markdown(&doc, md, width);
	for (size_t i = 0; i < doc.nlines; i++) {
		const struct render_line *l = &doc.lines[i];
		if (text_width(l->text, l->len) > (size_t)width)
			abort();
		/* Made safe to draw: valid UTF-8, and no control, bidi
		 * override or invisible mark (text_sanitize()'s work). */
		for (size_t k = 0; k < l->len;) {
			uint32_t cp;
			k += text_decode(l->text + k, l->len - k, &cp);
			if (text_is_unsafe(cp))
				abort();
		}
	}
	render_doc_free(&doc);
	free(md);
	return 0;
}
