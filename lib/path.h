/* path.h: where a path really leads, for the writers that replace a file
 * by renaming a new one into place (import, the state file, export): the
 * rename must happen beside the file a symbolic link points to, or it
 * would replace the link itself. */
#ifndef BEDSIDE_PATH_H
#define BEDSIDE_PATH_H

/* The folder part of path: "." for a bare name, "/" for one in the root.
 * Newly allocated. */
char *path_dir_of(const char *path);

/* The real path of the file that replacing path replaces: through the
 * symbolic links the user owns, the file they lead to (a relative target
 * from the folder of its link); a link someone else owns is not
 * followed, it is the file. The folders on the way are resolved. A file
 * not there yet, or one a dangling link points to, is the file that
 * writing there would create, as long as its folder exists. Newly
 * allocated, or NULL with errno set: ENOENT (a folder on the way is
 * missing), ELOOP (a loop of links), or what else realpath(3) says. */
char *path_resolve(const char *path);

#endif
