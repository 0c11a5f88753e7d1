/* article_export.h: the export key: the article being read, as plain
 * text, to <id>.txt in the current folder. */
#ifndef BEDSIDE_ARTICLE_EXPORT_H
#define BEDSIDE_ARTICLE_EXPORT_H

#include <stddef.h>

#include "app.h"
#include "db.h"

/* Writes a (with the summaries of its related articles) at the current
 * level and says on the status line where, by its full path, or why
 * not. */
void article_export(struct app *app, const struct db_article *a,
    const struct db_summary *related, size_t nrelated);

#endif
