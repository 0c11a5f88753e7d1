#!/usr/bin/env bash
# Twenty readers search, show and list topics in a loop while imports of
# 1,000 articles commit into the same database: no reader may ever see an
# error, and the database passes its checks afterwards.
. "$TESTLIB"

db="$scratch/c.db"
python3 "$(dirname "$0")/gen_articles.py" "$scratch/a" 1000 1
python3 "$(dirname "$0")/gen_articles.py" "$scratch/b" 1000 2
"$BEDSIDE" import --db "$db" "$FIXTURES/good" >/dev/null || exit 1

stop="$scratch/stop"
reader() {
	local i=$1 n=0 rc
	while [ ! -e "$stop" ]; do
		case $((n % 3)) in
		0) "$BEDSIDE" search --db "$db" --limit 5 fever >/dev/null 2>"$scratch/r$i.err"; rc=$? ;;
		1) "$BEDSIDE" show --db "$db" alpha >/dev/null 2>"$scratch/r$i.err"; rc=$? ;;
		2) "$BEDSIDE" topics --db "$db" >/dev/null 2>"$scratch/r$i.err"; rc=$? ;;
		esac
		# search may find nothing (exit 1, one line) before an import lands
		if [ "$rc" -gt 1 ] || { [ "$rc" = 0 ] && [ -s "$scratch/r$i.err" ]; }; then
			{ echo "rc=$rc"; cat "$scratch/r$i.err"; } >> "$scratch/r$i.fail"
		fi
		n=$((n + 1))
	done
	echo "$n" > "$scratch/r$i.count"
}
for i in $(seq 1 20); do reader "$i" & done

run "$BEDSIDE" import --db "$db" "$scratch/a"
is "$rc" 0 "import of 1,000 articles while 20 readers run"
run "$BEDSIDE" import --db "$db" "$scratch/b"
is "$rc" 0 "a second import replacing 1,000 articles while readers run"
run "$BEDSIDE" import --db "$db" --replace "$FIXTURES/good" "$scratch/a"
is "$rc" 0 "an import with --replace while readers run"
touch "$stop"
wait

fails=$(cat "$scratch"/r*.fail 2>/dev/null | head -5)
is "$fails" "" "no reader saw an error"
total=$(cat "$scratch"/r*.count | awk '{ s += $1 } END { print s }')
[ "$total" -ge 20 ]; ok $? "the readers really ran ($total reads)"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "integrity and search-index checks pass afterwards"
like "$out" '1003 articles' "the database holds what the last import put there"

done_testing
