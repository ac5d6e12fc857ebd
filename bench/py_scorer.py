#!/usr/bin/env python3
"""The straightforward Python scorer jobmatch is compared with: json.loads each profile, look
its skill names up in a dict of spellings, and score it against one requirement set with the
same model in its simplest form (credit per wanted skill, implications, years factor; mean of
the best min_count credits; required weighted 3, preferred 1). Prints the top N.

    jobmatch parse POSTING --format json > req.json
    jobmatch taxonomy --format json > taxonomy.jsonl
    python3 bench/py_scorer.py req.json taxonomy.jsonl profiles.jsonl --top 10
"""

import argparse
import heapq
import json
import re


def key(spelling):
    return " ".join(re.findall(r"[a-z0-9.+#]+", spelling.lower().replace("-", " ").replace("_", " ")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("requirements")
    ap.add_argument("taxonomy")
    ap.add_argument("profiles")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    with open(args.requirements) as f:
        req = json.load(f)
    spellings, implies = {}, {}
    with open(args.taxonomy) as f:
        for line in f:
            s = json.loads(line)
            for sp in [s["name"], *s["aliases"], *s["cased"]]:
                spellings[key(sp)] = s["id"]
            implies[s["id"]] = s["implies"]

    def closure(skill):
        seen, todo = {skill}, [skill]
        while todo:
            for i in implies.get(todo.pop(), []):
                if i not in seen:
                    seen.add(i)
                    todo.append(i)
        return seen

    closures = {}
    reqs = [r for r in req["requirements"] if r["skills"]]
    top = []
    with open(args.profiles) as f:
        for n, line in enumerate(f):
            p = json.loads(line)
            held = {}
            for s in p.get("skills", []):
                name = s.get("name") if isinstance(s, dict) else s
                sid = spellings.get(key(name or ""))
                if sid:
                    years = s.get("years") if isinstance(s, dict) else None
                    for c in closures.setdefault(sid, closure(sid)):
                        held[c] = max(held.get(c) or 0, years or 0) or years
            total_years = p.get("years_experience")
            sums = {"required": [0.0, 0], "preferred": [0.0, 0]}
            for r in reqs:
                credits = []
                for s in r["skills"]:
                    if s["id"] not in held:
                        credits.append(0.0)
                        continue
                    have = held[s["id"]] or total_years
                    credits.append(min(1.0, have / r["years"]) if r["years"] and have else 1.0)
                credits.sort(reverse=True)
                k = max(1, min(r["min_count"], len(credits)))
                acc = sums[r["importance"]]
                acc[0] += sum(credits[:k]) / k
                acc[1] += 1
            wr, wp = (3.0 if sums["required"][1] else 0.0), (1.0 if sums["preferred"][1] else 0.0)
            mean = lambda a: a[0] / a[1] if a[1] else 0.0
            score = 100 * (wr * mean(sums["required"]) + wp * mean(sums["preferred"])) / ((wr + wp) or 1)
            item = (round(score, 1), -n, p.get("id"))
            if len(top) < args.top:
                heapq.heappush(top, item)
            else:
                heapq.heappushpop(top, item)
    for score, _, pid in sorted(top, reverse=True):
        print(json.dumps({"candidate": pid, "score": score}))


if __name__ == "__main__":
    main()
