/* commands.c: see commands.h. */
#include "config.h"
#include "commands.h"

#include <stddef.h>
#include <string.h>

/* As tui/main.c's table of commands (tests/doc/options.sh compares them). */
static const char *const command_names[] = {
	"import", "search", "show", "topics", "check",
};

bool
command_name(const char *word)
{
	for (size_t i = 0; i < sizeof command_names / sizeof *command_names; i++)
		if (strcmp(word, command_names[i]) == 0)
			return true;
	return false;
}
