/* action.h: the named browser actions.
 *
 * Keys are data and actions have names: a keymap file binds a key to one of
 * these names, the event loop dispatches on the enum, and the help screen
 * prints the same names and help texts, so the three cannot disagree. */
#ifndef BEDSIDE_ACTION_H
#define BEDSIDE_ACTION_H

/* ACTION(ID, "name", "help") for every action, in the order the help screen
 * lists them. Add an action here and it exists everywhere. */
#define ACTION_LIST(ACTION) \
	ACTION(QUIT, "quit", "Quit (at the top screen) or close the current view") \
	ACTION(HELP, "help", "Show the keys in force") \
	ACTION(SEARCH, "search", "Search as you type") \
	ACTION(LEVEL_CYCLE, "level-cycle", "Cycle the reading level") \
	ACTION(PANE_NEXT, "pane-next", "Go to the next pane") \
	ACTION(PANE_PREV, "pane-prev", "Go to the previous pane") \
	ACTION(PANE_1, "pane-1", "Go to pane 1: Answer") \
	ACTION(PANE_2, "pane-2", "Go to pane 2: Key points") \
	ACTION(PANE_3, "pane-3", "Go to pane 3: From the research") \
	ACTION(PANE_4, "pane-4", "Go to pane 4: References") \
	ACTION(PANE_5, "pane-5", "Go to pane 5: Disclaimer") \
	ACTION(OPEN, "open", "Open the selected item") \
	ACTION(CLOSE, "close", "Close the current view or cancel") \
	ACTION(MOVE_UP, "move-up", "Move up one line") \
	ACTION(MOVE_DOWN, "move-down", "Move down one line") \
	ACTION(PAGE_UP, "page-up", "Move up one page") \
	ACTION(PAGE_DOWN, "page-down", "Move down one page") \
	ACTION(FIRST, "first", "Go to the first line") \
	ACTION(LAST, "last", "Go to the last line") \
	ACTION(EXPAND, "expand", "Unfold, or go to its articles") \
	ACTION(COLLAPSE, "collapse", "Fold, or go to the parent topic") \
	ACTION(BACK, "back", "Go back in history") \
	ACTION(FORWARD, "forward", "Go forward in history") \
	ACTION(BOOKMARK_TOGGLE, "bookmark-toggle", "Add or remove a bookmark") \
	ACTION(BOOKMARKS, "bookmarks", "Show bookmarked articles") \
	ACTION(RECENT, "recent", "Show recently viewed articles") \
	ACTION(CITE_NEXT, "cite-next", "Select the next citation") \
	ACTION(CITE_PREV, "cite-prev", "Select the previous citation") \
	ACTION(CITE_FOLLOW, "cite-follow", "Follow the citation to its reference") \
	ACTION(RELATED, "related", "Show related articles") \
	ACTION(EXPORT, "export", "Export the article to a file") \
	ACTION(REDRAW, "redraw", "Redraw the screen") \
	ACTION(TOPICS, "topics", "Go to the topic tree")

/* The contexts keys are bound in (keymap.h), which an action's help can
 * depend on. */
enum context {
	CTX_GENERIC = 0,
	CTX_TREE,
	CTX_LIST,
	CTX_ARTICLE,
	CTX_SEARCH,
	CTX_HELP,
	CTX__COUNT
};

#define ACTION_ENUM(id, name, help) ACT_##id,
enum action {
	ACT_NONE = 0,
	ACTION_LIST(ACTION_ENUM)
	ACT__COUNT
};
#undef ACTION_ENUM

/* "quit" for ACT_QUIT, "none" for ACT_NONE; NULL if out of range. */
const char *action_name(enum action act);

/* One line of help; "" for ACT_NONE, NULL if out of range. */
const char *action_help(enum action act);
/* The help for act where it does something more particular in context
 * than its general help says ("back" in a list closes the list); else
 * action_help(act). */
const char *action_help_in(enum action act, enum context context);

/* The action with this exact name, or ACT_NONE if none has it. */
enum action action_by_name(const char *name);

#endif
