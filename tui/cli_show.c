/* cli_show.c: `bedside show`: one article at one level, as text for
 * rounds, as Markdown, or as JSON. */
#include "config.h"
#include "cli.h"

#include <cmark.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "article_text.h"
#include "buf.h"
#include "json.h"
#include "render.h"
#include "text.h"

static void
show_text(struct db *db, const struct db_article *a)
{
	struct db_summary *rel = NULL;
	size_t nrel = 0;
	db_summaries(db, a->related, a->nrelated, &rel, &nrel);
	struct render_doc doc = { 0 };
	article_text_render(&doc, a, rel, nrel, cli_width());
	for (size_t i = 0; i < doc.nlines; i++) {
		fwrite(doc.lines[i].text, 1, doc.lines[i].len, stdout);
		fputc('\n', stdout);
	}
	render_doc_free(&doc);
	db_summaries_free(rel, nrel);
}

/* A YAML double-quoted scalar: safe for any title. A character that is
 * never printed as it is (a control, C1 included, a line separator, a
 * bidi or zero-width mark) is written as an escape, which is plain text
 * on a terminal and reads back as the character itself: printed raw it
 * would become a placeholder, and a raw tab or newline would not come
 * back either (YAML folds a line break in a quoted scalar into a space). */
static void
yaml_quoted(struct buf *b, const char *s)
{
	size_t len = strlen(s);
	buf_addc(b, '"');
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp != TEXT_INVALID && text_is_unsafe(cp)) {
			if (cp <= 0xff)
				buf_addf(b, "\\x%02x", (unsigned)cp);
			else if (cp <= 0xffff)
				buf_addf(b, "\\u%04x", (unsigned)cp);
			else
				buf_addf(b, "\\U%08x", (unsigned)cp);
		} else {
			if (s[i] == '"' || s[i] == '\\')
				buf_addc(b, '\\');
			buf_add(b, s + i, n);
		}
		i += n;
	}
	buf_addc(b, '"');
}

/* The fence that closes a code block left open at the end of section
 * text md, or NULL. CommonMark lets a fence run to the end of the
 * document, so the last section of a file may leave one open; exported
 * in the panes' order, where another section may follow it, it would
 * swallow that section's heading and text. */
static char *
open_fence(const char *md)
{
	/* Open if a heading after the text would not be one. */
	struct buf probe = BUF_INIT;
	buf_addf(&probe, "%s\n\n## End\n", md);
	cmark_node *doc = cmark_parse_document(probe.data, probe.len, CMARK_OPT_DEFAULT);
	cmark_node *last = cmark_node_last_child(doc);
	bool open = last == NULL || cmark_node_get_type(last) != CMARK_NODE_HEADING;
	cmark_node_free(doc);
	buf_free(&probe);
	if (!open)
		return NULL;
	/* The opening fence is the first line of the text's last block. */
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	last = cmark_node_last_child(doc);
	int line = last && cmark_node_get_type(last) == CMARK_NODE_CODE_BLOCK ?
	    cmark_node_get_start_line(last) : 0;
	cmark_node_free(doc);
	const char *p = md;
	for (int l = 1; l < line && p; l++)
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	if (line == 0 || p == NULL)
		return NULL;
	p += strspn(p, " ");
	size_t n = *p == '`' || *p == '~' ? strspn(p, *p == '`' ? "`" : "~") : 0;
	return n >= 3 ? xstrndup(p, n) : NULL;
}

static void
show_markdown(const struct db_article *a)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "---\nid: %s\ntitle: ", a->id);
	yaml_quoted(&b, a->title);
	buf_adds(&b, "\ntopic: ");
	yaml_quoted(&b, a->topic);
	buf_addf(&b, "\nupdated: %s\nstatus: %s\n", a->updated, a->status);
	if (a->nrelated) {
		buf_adds(&b, "related: [");
		for (size_t i = 0; i < a->nrelated; i++)
			buf_addf(&b, "%s%s", i ? ", " : "", a->related[i]);
		buf_adds(&b, "]\n");
	}
	buf_adds(&b, "---\n");
	for (int k = 0; k < DB_KIND_COUNT; k++) {
		char *refs = NULL;
		const char *md = a->body[k];
		if (k == DB_REFERENCES && a->nrefs)
			md = refs = article_text_references(a);
		if (md == NULL || (k == DB_DISCLAIMER && a->disclaimer_is_default))
			continue;
		/* References serve every level: the importer takes no level
		 * on them. A section written for every level is exported so:
		 * with this level on it, an article for every reader would come
		 * back from an import with one level only. */
		if (k == DB_REFERENCES || a->shared[k])
			buf_addf(&b, "\n## %s\n\n%s\n", db_kind_title((enum db_kind)k), md);
		else
			buf_addf(&b, "\n## %s {level=%s}\n\n%s\n",
			    db_kind_title((enum db_kind)k), a->level, md);
		char *fence = open_fence(md);
		if (fence)
			buf_addf(&b, "%s\n", fence);
		free(fence);
		free(refs);
	}
	cli_print_safe(stdout, b.data);
	buf_free(&b);
}

static void
show_json(const struct db_article *a)
{
	struct json j;
	json_init(&j, stdout);
	json_object_begin(&j);
	json_key(&j, "id");
	json_string(&j, a->id);
	json_key(&j, "title");
	json_string(&j, a->title);
	json_key(&j, "topic");
	json_string(&j, a->topic);
	json_key(&j, "updated");
	json_string(&j, a->updated);
	json_key(&j, "status");
	json_string(&j, a->status);
	json_key(&j, "status_label");
	json_string(&j, a->status_label);
	json_key(&j, "level");
	json_string(&j, a->level);
	json_key(&j, "levels");
	json_array_begin(&j);
	for (size_t i = 0; i < a->nlevels; i++)
		json_string(&j, a->levels[i]);
	json_array_end(&j);
	for (int k = 0; k < DB_KIND_COUNT; k++) {
		if (k == DB_REFERENCES)
			continue;
		char key[32];
		snprintf(key, sizeof key, "%s", db_kind_name((enum db_kind)k));
		for (char *p = key; *p; p++)
			if (*p == '-')
				*p = '_';
		json_key(&j, key);
		json_string(&j, a->body[k]);
	}
	json_key(&j, "disclaimer_is_default");
	json_bool(&j, a->disclaimer_is_default);
	json_key(&j, "references");
	json_array_begin(&j);
	for (size_t i = 0; i < a->nrefs; i++) {
		json_object_begin(&j);
		json_key(&j, "number");
		json_int(&j, a->refs[i].number);
		json_key(&j, "text");
		json_string(&j, a->refs[i].body);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "related");
	json_array_begin(&j);
	for (size_t i = 0; i < a->nrelated; i++)
		json_string(&j, a->related[i]);
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

int
cli_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "level", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *level_arg = c->level, *format = "text";
	int ch;

	opterr = 0;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (!cli_set_db(c, optarg))
				return EXIT_USAGE;
			break;
		case 'l':
			level_arg = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			return EXIT_OK;
		default:
			cli_bad_option("show", argc, argv, opts);
			return EXIT_USAGE;
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "markdown") != 0 &&
	    strcmp(format, "json") != 0) {
		cli_error("show: unknown format '%s' (text, markdown or json)", format);
		return EXIT_USAGE;
	}
	/* A second ID names itself, as every argument at fault is named
	 * (one article at a time: a script's loop gave two). */
	if (argc - optind > 1) {
		cli_error("show: unexpected argument '%s' after the ID '%s' (one "
		    "article at a time)", argv[optind + 1], argv[optind]);
		return EXIT_USAGE;
	}
	if (argc - optind != 1) {
		cli_error("show: usage: bedside show [--db PATH] [--level LEVEL] "
		    "[--format text|markdown|json] ID");
		return EXIT_USAGE;
	}
	const char *id = argv[optind];
	/* A script's unset variable, as an empty query is to search: a
	 * usage error (2), not an article not found (1). */
	if (*id == '\0') {
		cli_error("show: an empty string is not an article id");
		return EXIT_USAGE;
	}
	if (!cli_choose_db(c))
		return EXIT_USAGE;

	struct db *db = cli_open_db(c);
	if (db == NULL)
		return EXIT_DATABASE;
	char *level = cli_level(db, level_arg);
	if (level == NULL) {
		db_close(db);
		return level_arg ? EXIT_USAGE : EXIT_DATABASE;
	}
	struct db_article a;
	int status = EXIT_OK;
	int rc = db_article_load(db, id, level, &a);
	if (rc == 1) {
		char *near = cli_did_you_mean(db, id), *shown = cli_shown(id);
		cli_error("no article with id '%s' in %s%s", shown, db_path(db), near);
		free(shown);
		free(near);
		status = EXIT_NOT_FOUND;
	} else if (rc != 0) {
		cli_error("%s: cannot read article '%s': %s", db_path(db), id,
		    db_errmsg(db));
		status = EXIT_DATABASE;
	} else {
		if (strcmp(format, "json") == 0)
			show_json(&a);
		else if (strcmp(format, "markdown") == 0)
			show_markdown(&a);
		else
			show_text(db, &a);
		db_article_free(&a);
	}
	free(level);
	db_close(db);
	return status;
}
