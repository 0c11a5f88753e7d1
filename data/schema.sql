-- bedside article database, schema version 3 (2 had prefix indexes of 2 and
-- 3 letters; 1 also had the spelling vocabulary in a contentless FTS5 index;
-- see db.c).
-- The program sets PRAGMA user_version after running this file; a database
-- whose user_version it does not know is refused rather than guessed at.

-- Pages of 16 KB rather than SQLite's 4 KB: an import of 10,000 articles
-- took a fifth less time (fewer pages to split and write), and the file
-- is 8% smaller; reads keep the same page cache, counted in bytes. Only a
-- new database gets it: a file keeps the page size it was made with.
PRAGMA page_size = 16384;

CREATE TABLE levels (
    name        TEXT PRIMARY KEY,          -- as written in {level=NAME}
    label       TEXT NOT NULL,             -- as shown on screen
    position    INTEGER NOT NULL UNIQUE,   -- order of the level toggle
    disclaimer  TEXT NOT NULL              -- default when an article has none
);

CREATE TABLE statuses (
    name        TEXT PRIMARY KEY,          -- as written in status:
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE    -- submitted < under-review < approved
);

-- The topic tree: one row per path segment, so "Oncology/Bone metastases"
-- is a child of "Oncology".
CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES topics(id),
    name        TEXT NOT NULL,
    path        TEXT NOT NULL UNIQUE,
    articles    INTEGER NOT NULL DEFAULT 0 -- filed right here; the importer counts
);
CREATE INDEX topics_parent ON topics(parent_id);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    topic_id    INTEGER NOT NULL REFERENCES topics(id),
    updated     TEXT NOT NULL,             -- ISO date
    status      TEXT NOT NULL REFERENCES statuses(name),
    source      TEXT                       -- file it was imported from
);
CREATE INDEX articles_topic ON articles(topic_id, title);

-- One row per section as written; level is NULL for a section that applies
-- to every level. body is the section's Markdown, verbatim.
CREATE TABLE sections (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN
                  ('answer', 'key-points', 'research', 'references', 'disclaimer')),
    level       TEXT REFERENCES levels(name),
    position    INTEGER NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX sections_article ON sections(article_id, position);

CREATE TABLE refs (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    body        TEXT NOT NULL,             -- Markdown of the list item
    PRIMARY KEY (article_id, number)
) WITHOUT ROWID;

CREATE TABLE related (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    related_id  TEXT NOT NULL,             -- may name an article not (yet) imported
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

-- Full-text index: one row per article and level, plain text with markup
-- removed. Column order sets the bm25 weights used by search (title first).
-- The row for the level at place i (0-based, levels by position) of the
-- article with rowid r has rowid r * 8 + i: search finds a level's rows by
-- rowid alone, without reading them.
-- No stemmer: a stemmed index cannot match the prefix of a word being
-- typed ("calibra" against the stem "calibr"), and search is as-you-type.
-- One prefix index, of 2 letters: without it a search for a word's first
-- two letters merges the posting lists of hundreds of words, and typing
-- stalls (75 ms on a key at 100,000 articles). A 3-letter index saves
-- little (few words share 3 letters) and made every import half as fast:
-- each token was indexed a third time (bench/README).
CREATE VIRTUAL TABLE search USING fts5 (
    title, answer, key_points, research, refs,
    article_id UNINDEXED, level UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2'
);
-- Search ranks with bm25, weighting title above answer above key points
-- above research above references.
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 3.0, 2.0, 1.0)');

-- Words as written (no stemming), for "did you mean" suggestions: every
-- word of the search rows' title, answer, key points and research as the
-- unicode61 tokenizer gives it, with len its length in characters (so a
-- suggestion reads only words of about the right length) and docs the
-- number of search rows that have it. The importer keeps it up to date.
CREATE TABLE spell_words (
    len         INTEGER NOT NULL,
    word        TEXT NOT NULL,
    docs        INTEGER NOT NULL,
    PRIMARY KEY (len, word)
) WITHOUT ROWID;

INSERT INTO levels (name, label, position, disclaimer) VALUES
 ('clinician', 'Clinician', 1,
  'Educational content only. Unless the review status above says Approved, no clinician has reviewed this article. Verify doses, thresholds and recommendations against current local guidelines and the primary sources before acting, and rely on your own clinical judgement.'),
 ('patient', 'Patient', 2,
  'This is general information, not advice for you. Unless the review status above says Approved, no doctor has checked this article yet. Talk to your doctor, nurse or pharmacist before you change anything, and get help at once if you feel very unwell.');

INSERT INTO statuses (name, label, position) VALUES
 ('submitted', 'Submitted', 1),
 ('under-review', 'Under review', 2),
 ('approved', 'Approved', 3);
