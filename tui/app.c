/* app.c: the full-screen browser's entry point. */
#include "config.h"
#include "app.h"

#include <stdio.h>

int
app_run(const struct app_options *opt)
{
	(void)opt;
	fputs("bedside: the full-screen browser is not in this build yet; "
	    "use search, show and topics\n", stderr);
	return 2;
}
