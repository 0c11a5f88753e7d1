/* cli_search.c: `bedside search`: ranked hits for what was typed. */
#include "config.h"
#include "cli.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "json.h"
#include "query.h"
#include "render.h"
#include "text.h"

/* The query echoed in "no results for": a pasted page stays one line. */
#define SHOWN_QUERY 80

static void
print_line(const struct render_line *l, bool tty)
{
	for (size_t s = 0; s < l->nspans; s++) {
		const struct render_span *sp = &l->spans[s];
		bool mark = tty && (sp->style & (RS_MATCH | RS_STRONG));
		if (mark)
			fputs("\033[1m", stdout);
		fwrite(l->text + sp->off, 1, sp->len, stdout);
		if (mark)
			fputs("\033[0m", stdout);
	}
	fputc('\n', stdout);
}

static void
print_hits(const struct db_hit *hits, size_t n, int width)
{
	/* TERM set but empty is no terminal type, as the browser has it. */
	const char *term = getenv("TERM");
	bool tty = isatty(STDOUT_FILENO) && term && *term && strcmp(term, "dumb") != 0;
	for (size_t i = 0; i < n; i++) {
		struct render_doc doc = { 0 };
		struct buf head = BUF_INIT;
		buf_addf(&head, "%s  (%s)", hits[i].title, hits[i].id);
		render_text(&doc, head.data, width, 0, RS_STRONG);
		buf_truncate(&head, 0);
		buf_addf(&head, "%s · %s", hits[i].topic, db_kind_title(hits[i].pane));
		render_text(&doc, head.data, width, 2, 0);
		render_text(&doc, hits[i].snippet, width, 2, 0);
		buf_free(&head);
		if (i)
			fputc('\n', stdout);
		for (size_t k = 0; k < doc.nlines; k++)
			print_line(&doc.lines[k], tty);
		render_doc_free(&doc);
	}
}

/* The snippet as plain text plus the ranges of its matches, counted in
 * characters (code points), as JSON readers index strings. */
static void
json_snippet(struct json *j, const char *snippet)
{
	struct buf plain = BUF_INIT;
	size_t starts[256], ends[256], nm = 0, chars = 0;
	for (const char *p = snippet; *p; p++) {
		if (*p == DB_MARK_ON) {
			if (nm < 256)
				starts[nm] = chars;
		} else if (*p == DB_MARK_OFF) {
			if (nm < 256)
				ends[nm++] = chars;
		} else {
			buf_addc(&plain, *p);
			if ((*p & 0xC0) != 0x80)
				chars++;
		}
	}
	json_key(j, "snippet");
	json_string(j, plain.data ? plain.data : "");
	json_key(j, "matches");
	json_array_begin(j);
	for (size_t i = 0; i < nm; i++) {
		json_array_begin(j);
		json_int(j, (long long)starts[i]);
		json_int(j, (long long)ends[i]);
		json_array_end(j);
	}
	json_array_end(j);
	buf_free(&plain);
}

/* Why a query found nothing. */
struct no_hit {
	char *word;             /* what finds nothing alone (db_unmatched) */
	char **suggest;         /* words of the index close to it */
	size_t ns;
	bool apart;             /* every word finds something alone */
	size_t nwords;          /* in the query */
	char **levels;          /* other levels at which it finds something */
	size_t nlevels;
	char **word_levels;     /* other levels at which word finds something */
	size_t nword_levels;
	struct db_closest *close;       /* the articles with most of the words */
	size_t nclose;
};

/* With no hit: what of typed finds nothing on its own at level, and
 * suggestions for it; a query whose words each find something is
 * "apart", and suggesting other spellings for them would mislead. */
static int
explain_no_hit(struct db *db, const char *typed, const char *level, size_t limit,
    struct no_hit *nh)
{
	char *words[QUERY_MAX_WORDS];
	size_t nw = query_words(typed, words, QUERY_MAX_WORDS), from, to;

	memset(nh, 0, sizeof *nh);
	/* Found at another level, the words are right and the level is not:
	 * no word is to blame, and none should be offered in its place. */
	int rc = db_other_levels(db, typed, level, &nh->levels, &nh->nlevels);
	if (rc != 0 || nh->nlevels > 0) {
		for (size_t k = 0; k < nw; k++)
			free(words[k]);
		return rc;
	}
	rc = db_unmatched(db, typed, level, &from, &to);
	if (rc == 0 && from < to) {
		/* One word as the search has it (cut, without malformed
		 * bytes), or two as typed ("SGLT 2"). */
		char *blamed = xstrndup(typed + from, to - from), *one[2];
		size_t k = query_words(blamed, one, 2);
		if (k == 1) {
			nh->word = one[0];
			free(blamed);
		} else {
			nh->word = blamed;
		}
		for (size_t i = 0; k > 1 && i < k; i++)
			free(one[i]);
		/* "No article has it" is false of a word the patient's
		 * articles have: searched as the search took it, whole
		 * unless it ends the query. */
		struct buf w = BUF_INIT;
		char *rest[1];
		size_t after = query_words(typed + to, rest, 1);
		if (after)
			free(rest[0]);
		buf_addf(&w, "%.*s%s", (int)(to - from), typed + from,
		    after ? " " : typed + to);
		rc = db_other_levels(db, w.data, level, &nh->word_levels,
		    &nh->nword_levels);
		buf_free(&w);
	}
	if (rc == 0 && nh->word)
		rc = db_suggest(db, nh->word, level, &nh->suggest, &nh->ns, 5);
	nh->apart = rc == 0 && from == to && nw > 1;
	nh->nwords = nw;
	if (rc == 0)
		rc = db_closest(db, typed, level, limit, &nh->close, &nh->nclose);
	for (size_t k = 0; k < nw; k++)
		free(words[k]);
	return rc;
}

static void
no_hit_free(struct no_hit *nh)
{
	free(nh->word);
	db_strings_free(nh->suggest, nh->ns);
	db_strings_free(nh->levels, nh->nlevels);
	db_strings_free(nh->word_levels, nh->nword_levels);
	db_closest_free(nh->close, nh->nclose);
}

static void
print_json(const char *query, const char *level, const struct db_hit *hits,
    size_t n, const struct no_hit *nh)
{
	struct json j;
	json_init(&j, stdout);
	json_object_begin(&j);
	json_key(&j, "query");
	json_string(&j, query);
	json_key(&j, "level");
	json_string(&j, level);
	json_key(&j, "hits");
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, hits[i].id);
		json_key(&j, "title");
		json_string(&j, hits[i].title);
		json_key(&j, "topic");
		json_string(&j, hits[i].topic);
		json_key(&j, "status");
		json_string(&j, hits[i].status);
		json_key(&j, "pane");
		json_string(&j, db_kind_name(hits[i].pane));
		json_key(&j, "rank");
		json_double(&j, hits[i].rank);
		json_snippet(&j, hits[i].snippet);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "unmatched");
	json_string(&j, nh->word);
	json_key(&j, "suggestions");
	json_array_begin(&j);
	for (size_t i = 0; i < nh->ns; i++)
		json_string(&j, nh->suggest[i]);
	json_array_end(&j);
	json_key(&j, "other_levels");
	json_array_begin(&j);
	for (size_t i = 0; i < nh->nlevels; i++)
		json_string(&j, nh->levels[i]);
	json_array_end(&j);
	/* With no hit: the articles that have the most of the words, best
	 * first, each with the words it lacks. */
	json_key(&j, "closest");
	json_array_begin(&j);
	for (size_t i = 0; i < nh->nclose; i++) {
		const struct db_closest *c = &nh->close[i];
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, c->hit.id);
		json_key(&j, "title");
		json_string(&j, c->hit.title);
		json_key(&j, "missing");
		json_array_begin(&j);
		for (size_t k = 0; k < c->nlacks; k++)
			json_string(&j, c->lacks[k]);
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

int
cli_search(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "level", required_argument, NULL, 'l' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *level_arg = c->level;
	bool as_json = false;
	long limit = 20;
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
		case 'n': {
			char *end;
			limit = strtol(optarg, &end, 10);
			if (!isdigit((unsigned char)*optarg) || *end || limit < 1 ||
			    limit > 1000) {
				cli_error("--limit wants a number from 1 to 1000, not '%s'",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case 'j':
			as_json = true;
			break;
		case 'h':
			cli_usage(stdout);
			return EXIT_OK;
		default:
			cli_bad_option("search", argc, argv, opts);
			return EXIT_USAGE;
		}
	}
	/* Words that are all blank ("$term" of an empty variable) are no
	 * query, as none is: not "nothing found", which a script would take
	 * for an answer. */
	struct buf q = BUF_INIT;
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			buf_addc(&q, ' ');
		buf_adds(&q, argv[i]);
	}
	if (q.len == strspn(q.data ? q.data : "", " \t\n\r\f\v")) {
		cli_error("search: what should I search for? usage: bedside search "
		    "[--db PATH] [--level LEVEL] [--limit N] [--json] QUERY...");
		buf_free(&q);
		return EXIT_USAGE;
	}
	if (!cli_choose_db(c)) {
		buf_free(&q);
		return EXIT_USAGE;
	}

	struct db *db = cli_open_db(c);
	if (db == NULL) {
		buf_free(&q);
		return EXIT_DATABASE;
	}
	char *level = cli_level(db, level_arg);
	if (level == NULL) {
		db_close(db);
		buf_free(&q);
		return level_arg ? EXIT_USAGE : EXIT_DATABASE;
	}
	/* The words past the last searched would otherwise be dropped
	 * unseen: a hit need not have them. */
	char *words[QUERY_MAX_WORDS + 1];
	size_t nw = query_words(q.data, words, QUERY_MAX_WORDS + 1);
	for (size_t i = 0; i < nw; i++)
		free(words[i]);
	if (nw > QUERY_MAX_WORDS)
		cli_error("search: only the first %d words are searched", QUERY_MAX_WORDS);
	struct db_hit *hits;
	size_t n;
	struct no_hit nh = { 0 };
	int status = EXIT_OK;
	if (db_search(db, q.data, level, (int)limit, 0, &hits, &n) != 0) {
		cli_error("%s: search failed: %s", db_path(db), db_errmsg(db));
		status = EXIT_DATABASE;
		goto out;
	}
	if (n == 0) {
		/* Suggestions are a help, not the answer: a failure to make
		 * them still leaves "no results". */
		if (explain_no_hit(db, q.data, level, (size_t)limit, &nh) != 0) {
			no_hit_free(&nh);
			memset(&nh, 0, sizeof nh);
		}
		status = EXIT_NOT_FOUND;
	}
	if (as_json) {
		print_json(q.data, level, hits, n, &nh);
	} else if (n == 0) {
		/* The suggestions are the database's words: made safe with the
		 * query, the whole line at once. */
		struct buf line = BUF_INIT;
		buf_addf(&line, "no results for '%.*s%s'",
		    (int)text_cut(q.data, q.len, SHOWN_QUERY), q.data,
		    q.len > SHOWN_QUERY ? "..." : "");
		if (nh.nlevels > 0)
			buf_addf(&line,
			    " at the %s level, but some at the %s level (--level %s)",
			    level, nh.levels[0], nh.levels[0]);
		else if (nh.apart)
			buf_adds(&line,
			    ": each word is found, but no article has them all");
		/* Where every word is found, the closest article is the help;
		 * where one is found nowhere, its spelling is (did you mean). */
		if (nh.apart && nh.nclose > 0) {
			const struct db_closest *best = &nh.close[0];
			buf_addf(&line, "; closest: %s (without ", best->hit.id);
			for (size_t k = 0; k < best->nlacks; k++)
				buf_addf(&line, "%s'%.*s'", k ? ", " : "",
				    (int)text_cut(best->lacks[k], strlen(best->lacks[k]),
				    SHOWN_QUERY), best->lacks[k]);
			buf_addc(&line, ')');
		}
		else if (nh.word && nh.nwords > 1 && nh.nword_levels > 0)
			buf_addf(&line,
			    ": no article has '%s' at the %s level, only at the %s level",
			    nh.word, level, nh.word_levels[0]);
		else if (nh.word && nh.nwords > 1)
			buf_addf(&line, ": no article has '%s'", nh.word);
		for (size_t i = 0; i < nh.ns; i++)
			buf_addf(&line, "%s%s", i ? ", " : "; did you mean: ",
			    nh.suggest[i]);
		struct buf safe = BUF_INIT;
		buf_adds(&safe, "bedside: ");
		text_sanitize(&safe, line.data, line.len, TEXT_TABS_AS_SPACE);
		buf_addc(&safe, '\n');
		text_fputs(safe.data, stderr);
		buf_free(&safe);
		buf_free(&line);
	} else {
		print_hits(hits, n, cli_width());
	}
	db_hits_free(hits, n);
out:
	no_hit_free(&nh);
	free(level);
	db_close(db);
	buf_free(&q);
	return status;
}
