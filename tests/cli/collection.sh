#!/usr/bin/env bash
# The bundled collection's invariants: enough articles and topics, both
# reading levels in every article, references that resolve, related links
# that lead somewhere (every article has at least one), and nothing that
# claims a review it never had.
. "$TESTLIB"

db="$BEDSIDE_BUNDLED_DB"
run "$BEDSIDE" check --db "$db"
is "$rc" 0 "the bundled database passes check"

"$BEDSIDE" topics --db "$db" --json > "$scratch/topics.json"
"$BEDSIDE" topics --db "$db" --articles > "$scratch/ids.txt"
cut -f1 "$scratch/ids.txt" | while read -r id; do
	"$BEDSIDE" show --db "$db" --format json --level clinician "$id" > "$scratch/$id.clinician.json"
	"$BEDSIDE" show --db "$db" --format json --level patient "$id" > "$scratch/$id.patient.json"
done

python3 - "$scratch" "$ARTICLES" "$tap_n" <<'PY'
import glob, json, os, re, sys
scratch, articles = sys.argv[1], sys.argv[2]
n = int(sys.argv[3])  # assertions the shell already made
def ok(cond, desc):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, desc))

topics = json.load(open(os.path.join(scratch, "topics.json")))["topics"]
ids = [l.split("\t")[0] for l in open(os.path.join(scratch, "ids.txt")) if l.strip()]
ok(len(ids) >= 49, "at least 49 articles (%d)" % len(ids))
ok(len(topics) >= 12, "at least 12 top-level topics (%d)" % len(topics))
for t in topics:
    ok(len(t["children"]) >= 1 and t["articles"] == 0,
       "%s: articles sit in second-level topics (%d subtopics)" % (t["name"], len(t["children"])))
    ok(t["total"] >= 4, "%s: at least 4 articles (%d)" % (t["name"], t["total"]))

sources = glob.glob(os.path.join(articles, "**", "*.md"), recursive=True)
ok(len(sources) == len(ids), "every source file is in the database (%d files)" % len(sources))
idset = set(ids)
for i in sorted(ids):
    c = json.load(open(os.path.join(scratch, i + ".clinician.json")))
    p = json.load(open(os.path.join(scratch, i + ".patient.json")))
    problems = []
    if c["levels"] != ["clinician", "patient"]:
        problems.append("levels %s" % c["levels"])
    if c["level"] != "clinician" or p["level"] != "patient":
        problems.append("level fallback")
    for key in ("answer", "key_points"):
        if not c[key] or not p[key] or c[key] == p[key]:
            problems.append("%s not written for both levels" % key)
    if not c["research"]:
        problems.append("no research")
    if len(c["references"]) < 2:
        problems.append("fewer than 2 references")
    if c["status"] not in ("under-review", "submitted"):
        problems.append("status %s" % c["status"])
    cited = set()
    for doc in (c, p):
        for key in ("answer", "key_points", "research"):
            for m in re.finditer(r"\[(\d+(?:\s*[-–,]\s*\d+)*)\]", doc[key] or ""):
                for part in m.group(1).split(","):
                    a, _, b = part.replace("–", "-").partition("-")
                    cited.update(range(int(a), int(b or a) + 1))
    numbers = {r["number"] for r in c["references"]}
    if not cited <= numbers:
        problems.append("cites %s without a reference" % sorted(cited - numbers))
    if numbers - cited:
        problems.append("references %s never cited" % sorted(numbers - cited))
    if not c["related"]:
        problems.append("no related articles")
    for r in c["related"]:
        if r not in idset or r == i:
            problems.append("related '%s' leads nowhere" % r)
    if re.search(r"\b(PMID|doi:|DOI)\b", " ".join(x["text"] for x in c["references"])):
        problems.append("an identifier (PMID/DOI) in references")
    ok(not problems, "%s: %s" % (i, "; ".join(problems) or "both levels, references resolve, under review"))
print("1..%d" % n)
PY
