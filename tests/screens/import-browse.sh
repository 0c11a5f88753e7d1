#!/bin/sh
# A clinician in the browser while imports of 1,000 articles commit into
# the same database (issue 5: readers browse and search during an import):
# every search and every article opened meanwhile shows no error, and the
# browser still works after the imports. The command-line readers are
# tests/robust/concurrency.sh.
. "$TESTLIB"
. "$(dirname "$0")/screen.sh"

plan 7
screen_db
python3 "$(dirname "$0")/../robust/gen_articles.py" "$scratch/a" 1000 1 || exit 1
python3 "$(dirname "$0")/../robust/gen_articles.py" "$scratch/b" 1000 2 || exit 1

# One round: search, open the hit, read a pane, back to the topics. Sets
# $bad to what went wrong, if anything did.
shows_error() {
	printf '%s\n' "$screen" | grep -Eiq 'error|locked|busy|damaged|malformed|failed|cannot|unable'
}
round() {
	keys /
	wait_for '^ Search:' || { bad="no search box"; return; }
	keys C-u
	keys diuretic
	wait_for 'How should loop diuretics' || { bad="search: $screen"; return; }
	! shows_error || { bad="search: $screen"; return; }
	keys Enter
	wait_for 'Updated 2025-03-14' || { bad="open: $screen"; return; }
	keys 2
	wait_for '\[2 Key points\]' || { bad="pane: $screen"; return; }
	! shows_error || { bad="article: $screen"; return; }
	keys q
	wait_for 'bedside . Topics' || { bad="back: $screen"; return; }
}

screen_start 80 24
wait_for 'bedside . Topics'
bad=
rounds=0
for batch in a b; do
	# Its status in a file: a finished child stays a zombie, which kill -0
	# still finds, until it is waited for.
	rm -f "$scratch/import.rc"
	{ "$BEDSIDE" import --db "$db" "$scratch/$batch" >"$scratch/import.out" 2>&1
	  echo $? >"$scratch/import.rc"; } &
	# At least two rounds per import, and on until it has committed.
	done_rounds=0
	while [ -z "$bad" ] && { [ $done_rounds -lt 2 ] || [ ! -e "$scratch/import.rc" ]; }; do
		round
		done_rounds=$((done_rounds + 1))
	done
	wait
	is "$(cat "$scratch/import.rc")" 0 "import $batch of 1,000 articles while the browser reads"
	rounds=$((rounds + done_rounds))
done
is "$bad" "" "no search or article showed an error ($rounds rounds)"
round
is "$bad" "" "the browser still searches and opens articles after the imports"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "the database passes its checks"
like "$out" '[0-9]+ articles' "and holds the imports"
keys q
wait_exit 5
is "$exit_status" 0 "the browser quits normally"
