/* json.c: see json.h. */
#include "json.h"

#include <string.h>

#include "text.h"

void
json_init(struct json *j, FILE *out)
{
	memset(j, 0, sizeof *j);
	j->out = out;
}

static void
json_value_start(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->need_comma[j->depth])
		fputc(',', j->out);
	j->need_comma[j->depth] = true;
}

static void
json_open(struct json *j, char c)
{
	json_value_start(j);
	fputc(c, j->out);
	if (j->depth < JSON_MAX_DEPTH - 1)
		j->depth++;
	j->need_comma[j->depth] = false;
}

static void
json_close(struct json *j, char c)
{
	if (j->depth > 0)
		j->depth--;
	fputc(c, j->out);
}

void
json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void
json_object_end(struct json *j)
{
	json_close(j, '}');
}

void
json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void
json_array_end(struct json *j)
{
	json_close(j, ']');
}

static void
json_quoted(struct json *j, const char *s)
{
	size_t len = strlen(s), i = 0;
	fputc('"', j->out);
	while (i < len) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == TEXT_INVALID)
			fputs("\\ufffd", j->out);
		else if (cp == '"')
			fputs("\\\"", j->out);
		else if (cp == '\\')
			fputs("\\\\", j->out);
		else if (cp == '\n')
			fputs("\\n", j->out);
		else if (cp == '\t')
			fputs("\\t", j->out);
		else if (text_is_unsafe(cp) && cp > 0xFFFF)
			/* JSON's \u holds four hex digits: past the BMP (tags,
			 * shorthand format controls) a UTF-16 surrogate pair. */
			fprintf(j->out, "\\u%04x\\u%04x",
			    0xD800 + ((unsigned)(cp - 0x10000) >> 10),
			    0xDC00 + ((unsigned)(cp - 0x10000) & 0x3FF));
		else if (text_is_unsafe(cp))
			fprintf(j->out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, n, j->out);
		i += n;
	}
	fputc('"', j->out);
}

void
json_key(struct json *j, const char *key)
{
	json_value_start(j);
	json_quoted(j, key);
	fputc(':', j->out);
	j->after_key = true;
}

void
json_string(struct json *j, const char *s)
{
	json_value_start(j);
	if (s == NULL)
		fputs("null", j->out);
	else
		json_quoted(j, s);
}

void
json_int(struct json *j, long long v)
{
	json_value_start(j);
	fprintf(j->out, "%lld", v);
}

void
json_double(struct json *j, double v)
{
	json_value_start(j);
	fprintf(j->out, "%.6g", v);
}

void
json_bool(struct json *j, bool v)
{
	json_value_start(j);
	fputs(v ? "true" : "false", j->out);
}

void
json_finish(struct json *j)
{
	fputc('\n', j->out);
}
