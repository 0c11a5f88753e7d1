/* fuzz_article.c: libFuzzer harness for the article parser (front matter
 * through libyaml, body through cmark, all the validation). */
#include <stddef.h>
#include <stdint.h>

#include "article.h"

static char *levels[] = { "clinician", "patient" };
static char *statuses[] = { "submitted", "under-review", "approved" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article_rules rules = { levels, 2, statuses, 3 };
	struct article a;
	struct diag d = DIAG_INIT;
	article_parse("fuzz.md", (const char *)data, size, &rules, &a, &d);
	article_free(&a);
	diag_free(&d);
	return 0;
}
