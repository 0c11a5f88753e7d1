/* json.h: a small streaming JSON writer. Strings are escaped so that the
 * output is valid JSON and safe to show: control, bidi and invalid bytes
 * become \u escapes, never raw. */
#ifndef BEDSIDE_JSON_H
#define BEDSIDE_JSON_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 64

struct json {
	FILE *out;
	int depth;
	bool need_comma[JSON_MAX_DEPTH];
	bool after_key;
};

void json_init(struct json *j, FILE *out);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);   /* NULL writes null */
void json_int(struct json *j, long long v);
void json_double(struct json *j, double v);
void json_bool(struct json *j, bool v);
/* Ends the document with a newline. */
void json_finish(struct json *j);

#endif
