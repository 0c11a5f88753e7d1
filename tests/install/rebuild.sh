#!/bin/sh
# rebuild.sh: `make` keeps the bundled database in step with data/: an
# article edited, added or removed is so in bedside.db after the next
# make, and a make with nothing changed leaves it alone.
#
# It works on a copy of the build tree, as prefix.sh does: the other
# tests read this tree's articles and database while it runs.
. "${TESTLIB:-$(dirname "$0")/../lib.sh}"
. "$(dirname "$0")/buildcopy.sh"

# remake: make bedside.db in the copy; made is "yes" if it was made again.
remake() {
	before=$(stat -c %Y.%y "$copy/bedside.db" 2>/dev/null)
	submake bedside.db
	made=no
	[ "$(stat -c %Y.%y "$copy/bedside.db" 2>/dev/null)" = "$before" ] || made=yes
	return $status
}
ids() { "$copy/bedside" topics --db "$copy/bedside.db" --articles | cut -f1 | sort; }

# The database is made first, so that it is newer than every source here
# whatever order the tree's own make left them in.
remake; ok $? "make bedside.db in the copy succeeds"
remake
is "$status:$made" "0:no" "a second make leaves the database alone"

victim=$(find "$copy/data/articles" -name '*.md' | sort | head -1)
id=$(sed -n 's/^id: *//p' "$victim")
n=$(ids | wc -l)
sleep 1         # a second, so that the folder's new time differs
mv "$victim" "$scratch/"
remake
is "$status:$made" "0:yes" "make remakes the database when an article is removed"
ids | grep -qx "$id"; is $? 1 "and the removed article '$id' is gone from it"
is "$(ids | wc -l)" $((n - 1)) "the others are kept"

sleep 1
mkdir "$copy/data/articles/zz-new"
sed 's/^id: .*/id: zz-added/' "$scratch/${victim##*/}" >"$copy/data/articles/zz-new/added.md"
remake
is "$status:$made" "0:yes" "make remakes it when an article is added in a new folder"
ids | grep -qx zz-added; ok $? "which is in it"

done_testing
