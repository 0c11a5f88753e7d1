/*
 * action.c: names and help texts of the browser actions, from the one list
 * in action.h.
 */
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

static const struct action_info *info_of(enum action act)
{
	/* The enum may hold any int a caller casts into it. */
	if ((int)act < 0 || act >= ACT__COUNT)
		return NULL;
	return &action_table[act];
}

const char *action_name(enum action act)
{
	const struct action_info *info = info_of(act);

	return info ? info->name : NULL;
}

const char *action_help(enum action act)
{
	const struct action_info *info = info_of(act);

	return info ? info->help : NULL;
}

enum action action_by_name(const char *name)
{
	if (name == NULL)
		return ACT_NONE;
	for (int i = ACT_NONE + 1; i < ACT__COUNT; i++) {
		if (strcmp(action_table[i].name, name) == 0)
			return (enum action)i;
	}
	return ACT_NONE;
}
