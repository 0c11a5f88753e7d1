#!/usr/bin/env bash
# search: the pane a hit opens at, and its snippet, are the weightiest
# pane whose text matches (answer, key points, research, references), not
# the one with the most matches: citations repeat a disease's name.
. "$TESTLIB"

db="$scratch/test.db"
"$BEDSIDE" import --db "$db" "$FIXTURES/panes" >/dev/null
ok $? "an article whose references name the disease twice, after a colon"

# The answer has the word once, at its very start (no sentence bonus in
# FTS5's snippet()); each citation has it after the start of a sentence.
run "$BEDSIDE" search --db "$db" --level clinician bronchiolitis
like "$out" '^  Testing/Panes · Answer$' "clinician: the hit opens at the answer"
like "$out" '^  Bronchiolitis is a viral illness' "and its snippet is the answer's"
run "$BEDSIDE" search --db "$db" --level patient bronchiolitis
like "$out" '^  Testing/Panes · Key points$' \
    "patient: at the key points, the weightiest pane that has the word"
like "$out" '^  Bronchiolitis usually gets better' "and the snippet is theirs"
run "$BEDSIDE" search --db "$db" --json --level clinician bronchiolitis
pane=$(printf '%s' "$out" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["pane"])')
is "$pane" answer "--json names the same pane"

# Words the research and the references both have: the research.
run "$BEDSIDE" search --db "$db" saturation targets
like "$out" '^  Testing/Panes · From the research$' "research before references"
# The references when nothing else has the words.
run "$BEDSIDE" search --db "$db" pediatrics
like "$out" '^  Testing/Panes · References$' "references when only they match"
like "$out" 'Pediatrics\. 2014' "with a snippet of the citation"

done_testing
