#!/usr/bin/env bash
# import: what an article can be read from besides a plain file: a named
# pipe named on the command line, a file whose size says nothing (/proc).
. "$TESTLIB"

db="$scratch/test.db"

# A named pipe named on the command line is read as an article file,
# whatever its name: one made to hand an article over (bedside import
# <(make-article) names /dev/fd/63) is never there by mistake, as a
# README is in `import *`. The writer is in the background; timeout
# keeps a reader that never comes back from hanging the suite.
mkfifo "$scratch/pipe.md"
timeout 10 sh -c 'cat "$1" > "$2"' sh "$FIXTURES/good/alpha.md" "$scratch/pipe.md" &
run timeout 10 "$BEDSIDE" import --db "$db" "$scratch/pipe.md"
wait
is "$rc" 0 "a named pipe named on the command line is imported"
run "$BEDSIDE" show --db "$db" --format markdown alpha
is "$rc" 0 "its article is in the database"
"$BEDSIDE" import --db "$scratch/file.db" "$FIXTURES/good/alpha.md" >/dev/null 2>&1
is "$out" "$("$BEDSIDE" show --db "$scratch/file.db" --format markdown alpha)" \
    "whole: as from the file itself"
run timeout 10 "$BEDSIDE" import --db "$db" <(cat "$FIXTURES/good/beta.md")
is "$rc" 0 "so is a process substitution, named /dev/fd/N"
run "$BEDSIDE" show --db "$db" beta
is "$rc" 0 "and its article is there"
sed 's/^id: alpha$/id: Bad Id/' "$FIXTURES/good/alpha.md" > "$scratch/bad-id.md"
run timeout 10 "$BEDSIDE" import --db "$db" <(cat "$scratch/bad-id.md")
is "$rc" 4 "a pipe's bad article is rejected as a file's is"
like "$err" '^/dev/fd/[0-9]+:[0-9]+: ' "naming the pipe and the line"
cat "$FIXTURES/good/alpha.md" | timeout 10 "$BEDSIDE" import --db "$db" /dev/stdin \
    >/dev/null 2>"$scratch/err"
is "$?" 0 "and so is /dev/stdin fed by a pipe"

# In a folder, a pipe is not read: only .md files are, and a pipe there
# could block the import for ever.
mkdir "$scratch/withpipe"
cp "$FIXTURES/good/beta.md" "$scratch/withpipe/"
mkfifo "$scratch/withpipe/stuck.md"
run timeout 10 "$BEDSIDE" import --db "$db" "$scratch/withpipe"
is "$rc:$err" "0:" "a pipe in a folder is left alone"

# A device is no article: refused, not read (/dev/zero would never end).
run timeout 10 "$BEDSIDE" import --db "$db" /dev/zero
is "$rc" 4 "a device is refused"
is "$err" "/dev/zero: not a file, folder or pipe
bedside: import rejected: 1 problem; the database was not changed" "saying why"

# A file whose size is 0 to stat but that has content (/proc) is read to
# its end: /proc/self/cmdline holds NUL bytes, which a file read as
# empty would not.
ln -s /proc/self/cmdline "$scratch/cmdline.md"
run "$BEDSIDE" import --db "$db" "$scratch/cmdline.md"
is "$rc" 4 "a /proc file is read"
contains "$err" "cmdline.md:1: the file contains NUL bytes" "to its content, not taken as empty"

done_testing
