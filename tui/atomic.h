/* atomic.h: replacing a file so that a crash or a dropped connection at
 * any moment leaves either the old content or the new, never a mix. */
#ifndef BEDSIDE_ATOMIC_H
#define BEDSIDE_ATOMIC_H

#include <stddef.h>
#include <sys/types.h>

/* Writes data to dir/name through a temporary file, one it makes itself
 * (never one already there): write, fsync, rename over name, fsync the
 * folder. When dir/name is a symbolic link (or a chain of them), all of
 * that happens beside the file it points to, so the link stays a link; a
 * dangling link gets its file made, if that file's folder exists.
 * Returns 0, or -1 with errno set (ENOENT: a folder on the way is
 * missing; ELOOP: the links go round; EISDIR or EPERM: what is there
 * is a folder, or a pipe, socket or device, never replaced) and the
 * file untouched (the temporary file is removed). */
int atomic_write(const char *dir, const char *name, const char *data, size_t len,
    mode_t mode);

#endif
