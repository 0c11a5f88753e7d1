/* action.c: names and help texts of the browser actions, from the one list
 * in action.h. */
#include <stddef.h>
#include <string.h>

#include "action.h"

struct action_info {
	const char *name;
	const char *help;
};

#define ACTION_INFO(id, name, help) [ACT_##id] = { name, help },
static const struct action_info action_table[ACT__COUNT] = {
	[ACT_NONE] = { "none", "" },
	ACTION_LIST(ACTION_INFO)
};
#undef ACTION_INFO

static const struct action_info *
info_of(enum action act)
{
	/* The enum may hold any int a caller casts into it. */
	if ((int)act < 0 || act >= ACT__COUNT)
		return NULL;
	return &action_table[act];
}

const char *
action_name(enum action act)
{
	const struct action_info *info = info_of(act);

	return info ? info->name : NULL;
}

const char *
action_help(enum action act)
{
	const struct action_info *info = info_of(act);

	return info ? info->help : NULL;
}

/* What an action does in a context where its general help would mislead:
 * the views handle it in a way of their own there. (At most 36 columns,
 * the room help has for it at 80.) */
static const struct {
	enum action act;
	enum context context;
	const char *help;
} help_in[] = {
	{ ACT_PANE_NEXT, CTX_TREE, "Go between topics and their articles" },
	{ ACT_PANE_PREV, CTX_TREE, "Go between topics and their articles" },
	{ ACT_BACK, CTX_LIST, "Close the list, back to where it was" },
	{ ACT_OPEN, CTX_ARTICLE, "Follow the citation to its reference" },
	{ ACT_OPEN, CTX_SEARCH, "Open the hit, or take the word shown" },
	{ ACT_MOVE_UP, CTX_SEARCH, "Select the previous hit" },
	{ ACT_MOVE_DOWN, CTX_SEARCH, "Select the next hit" },
	{ ACT_PANE_PREV, CTX_SEARCH, "Select the previous hit" },
	{ ACT_PANE_NEXT, CTX_SEARCH, "Select the next hit" },
	{ ACT_PAGE_UP, CTX_SEARCH, "Select the hit a page up" },
	{ ACT_PAGE_DOWN, CTX_SEARCH, "Select the hit a page down" },
	{ ACT_FIRST, CTX_SEARCH, "Select the first hit" },
	{ ACT_LAST, CTX_SEARCH, "Select the last hit" },
	{ ACT_HELP, CTX_HELP, "Close this help" },
	{ ACT_BACK, CTX_HELP, "Close this help" },
};

const char *
action_help_in(enum action act, enum context context)
{
	for (size_t i = 0; i < sizeof(help_in) / sizeof(help_in[0]); i++) {
		if (help_in[i].act == act && help_in[i].context == context)
			return help_in[i].help;
	}
	return action_help(act);
}

enum action
action_by_name(const char *name)
{
	if (name == NULL)
		return ACT_NONE;
	for (int i = ACT_NONE + 1; i < ACT__COUNT; i++) {
		if (strcmp(action_table[i].name, name) == 0)
			return (enum action)i;
	}
	return ACT_NONE;
}
