#!/usr/bin/env python3
"""Prints the ratio table of bench/run.sh from the hyperfine JSON exports in OUT_DIR (a
markdown table, pasted into BENCHMARKS.md when figures move).

    python3 bench/report.py OUT_DIR PROFILES PY_PROFILES
"""

import json
import os
import re
import sys


def medians(path):
    with open(path) as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}


def main():
    out, n, npy = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    m = medians(os.path.join(out, "match.json"))
    py = medians(os.path.join(out, "python.json"))
    prose = medians(os.path.join(out, "prose.json"))
    parse = medians(os.path.join(out, "parse.json"))
    start = medians(os.path.join(out, "start.json"))
    size = os.path.getsize(os.path.join(out, "prose.txt"))
    small = os.path.getsize(os.path.join(out, "prose-1mb.txt"))
    postings = len(os.listdir(os.path.join(out, "postings")))
    aho_scan = float(re.search(r"([\d.]+) MB/s", open(os.path.join(out, "aho-scan.txt")).read())[1])
    # Scan throughput of `jobmatch skills`: the difference between a big and a 1 MB input
    # takes out start-up and loading the taxonomy overlay.
    jm_scan = (size - small) / 1e6 / max(prose["skills"] - prose["skills_1mb"], 1e-9)
    rss = {}
    for f in os.listdir(out):
        if f.startswith("rss-"):
            rss[f] = int(open(os.path.join(out, f)).read().split()[-1])
    rss_small = rss.get("rss-profiles-10000.jsonl.txt", 0)
    rss_big = rss.get(f"rss-profiles-{n}.jsonl.txt", 0)

    rows = []

    def row(target, figure, ratio, goal, met):
        status = "" if goal == "(info)" else "met" if met else "NOT met"
        rows.append((target, figure, ratio, goal, status))

    r = m["match_top10"] / m["parse_only"]
    row(f"match --top 10, {n:,} profiles vs serde_json parse-only loop",
        f"{m['match_top10']:.2f} s vs {m['parse_only']:.2f} s", f"{r:.2f}", "<= 1.0 (aim 0.5)", r <= 1.0)
    r = m["match_jsonl"] / m["match_top10"]
    row("--format jsonl (every score) vs --top 10",
        f"{m['match_jsonl']:.2f} s vs {m['match_top10']:.2f} s", f"{r:.2f}", "<= 1.20", r <= 1.2)
    r = m["match_top10_1thread"] / m["match_top10"]
    row("--threads 1 vs default threads (speed-up)",
        f"{m['match_top10_1thread']:.2f} s vs {m['match_top10']:.2f} s", f"{r:.2f}x", "(info)", True)
    row("prose extraction, full taxonomy (scan, one core)",
        f"{jm_scan:.0f} MB/s vs Aho-Corasick {aho_scan:.0f} MB/s", f"{jm_scan / aho_scan:.2f}",
        ">= 100 MB/s and > 1.0", jm_scan >= 100 and jm_scan > aho_scan)
    r = prose["aho_corasick"] / prose["skills"]
    row(f"whole command over {size / 1e6:.0f} MB prose: jobmatch skills vs Aho-Corasick (speed-up)",
        f"{prose['skills']:.3f} s vs {prose['aho_corasick']:.3f} s", f"{r:.2f}x", "(info)", True)
    rate = postings / parse["parse_folder"]
    row(f"parse a folder of {postings:,} postings", f"{rate:,.0f} postings/s", f"{rate / 5000:.2f}",
        ">= 5,000/s", rate >= 5000)
    r = start["parse_one"] / start["hello"]
    row("parse one small posting vs hello world",
        f"{start['parse_one'] * 1e3:.2f} ms vs {start['hello'] * 1e3:.2f} ms", f"{r:.2f}", "<= 3.0", r <= 3.0)
    r = rss_big / max(rss_small, 1)
    row(f"peak RSS, {n:,} vs 10,000 profiles", f"{rss_big / 1024:.1f} MB vs {rss_small / 1024:.1f} MB",
        f"{r:.2f}", "<= 1.10", r <= 1.10)
    per_py = py["python"] / npy
    per_jm = py["match_top10"] / npy
    row(f"Python scorer vs jobmatch, {npy:,} profiles",
        f"{py['python']:.2f} s vs {py['match_top10']:.2f} s", f"{per_py / per_jm:.1f}x faster", "(info)", True)

    print()
    print("| target | figures (medians) | ratio | goal | |")
    print("| --- | --- | --- | --- | --- |")
    for t in rows:
        print("| " + " | ".join(t) + " |")


if __name__ == "__main__":
    main()
