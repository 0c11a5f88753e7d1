/* article_text.h: an article laid out as lines of text, as it is printed
 * for rounds (`show --format text`) and exported from the browser. */
#ifndef BEDSIDE_ARTICLE_TEXT_H
#define BEDSIDE_ARTICLE_TEXT_H

#include "db.h"
#include "render.h"

/* The Markdown of the References pane ("1. ...", "2. ..."). */
char *article_text_references(const struct db_article *a);
/* "Cardiology › Atrial fibrillation" (ASCII: '>'), made safe. */
char *article_text_topic(const char *path);

/* Appends the whole article at width: title, topic, status, date, level,
 * then each pane under its heading; related is the summaries of the
 * article's related articles (may be NULL). */
void article_text_render(struct render_doc *doc, const struct db_article *a,
    const struct db_summary *related, size_t nrelated, int width);

#endif
