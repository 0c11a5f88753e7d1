/* commands.h: the names of bedside's commands, for what must know them
 * outside the command line: an article whose id is one of them opens
 * only as `bedside -- ID`, and the importer says so. */
#ifndef BEDSIDE_COMMANDS_H
#define BEDSIDE_COMMANDS_H

#include <stdbool.h>

/* True if word is the name of a command (import, search, ...). */
bool command_name(const char *word);

#endif
