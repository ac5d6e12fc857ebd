#!/usr/bin/env python3
"""Write the benchmark inputs other than profiles into OUT_DIR (deterministic per --seed):

  taxonomy.toml   a full-size taxonomy (default 5,000 skills) in the data-file format: every
                  curated skill from data/curated.toml, then synthetic skills with aliases
  patterns.txt    every spelling of taxonomy.toml, one a line (for the raw Aho-Corasick baseline)
  prose.txt       English-like prose (default 32 MB) in which about one word in twelve is a
                  skill spelling, as written in postings, summaries and free-text resumes
  postings/       N postings (default 1,000): the shipped postings/ with varied titles and an
                  extra requirements list each

    python3 bench/gen_inputs.py bench/out --skills 5000 --prose-mb 32 --postings 1000
"""

import argparse
import os
import random
import re
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYLLABLES = ["zor", "bla", "tek", "qui", "vant", "lum", "dra", "nex", "ori", "pax", "syl", "tro",
             "vek", "mira", "gol", "fen", "cue", "rho", "tal", "wex", "yor", "ska", "bri", "hal"]
SUFFIXES = ["", " Studio", " Cloud", " DB", " Analytics", " Toolkit", " Framework", " Platform",
            " Server", " Suite", " Engine", ".js", " ML", " Pro"]


def key(spelling):
    return " ".join(re.findall(r"[a-z0-9.+#]+", spelling.lower().replace("-", " ").replace("_", " ")))


def curated_skills():
    with open(os.path.join(ROOT, "data", "curated.toml"), "rb") as f:
        data = tomllib.load(f)
    out = []
    for group in data.get("group", []):
        for s in group.get("skills", []):
            out.append({**{k: group[k] for k in ("kind", "category") if k in group}, **s,
                        "implies": list(group.get("implies", [])) + list(s.get("implies", []))})
    out.extend(data.get("skill", []))
    return out


def taxonomy(rng, count):
    skills, seen_ids, seen_keys = [], set(), set()

    def add(skill):
        spellings = [skill["name"], *skill.get("aliases", []), *skill.get("cased", [])]
        keys = {key(s) for s in spellings}
        if skill["id"] in seen_ids or keys & seen_keys or "" in keys:
            return
        seen_ids.add(skill["id"])
        seen_keys.update(keys)
        skills.append(skill)

    for s in curated_skills():
        add(s)
    n = 0
    while len(skills) < count:
        n += 1
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        name = word.capitalize() + rng.choice(SUFFIXES)
        aliases = [word + "-" + rng.choice(SYLLABLES)] if rng.random() < 0.5 else []
        if rng.random() < 0.3:
            aliases.append(name.lower().replace(" ", ""))
        add({"id": f"syn-{n}", "name": name, "aliases": [a for a in aliases if key(a) != key(name)]})
    ids = {s["id"] for s in skills}
    for s in skills:
        s["implies"] = [i for i in s.get("implies", []) if i in ids and i != s["id"]]
    return skills


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_taxonomy(skills, path):
    with open(path, "w") as f:
        f.write("# synthetic benchmark taxonomy written by bench/gen_inputs.py\n")
        for s in skills:
            f.write("[[skill]]\n")
            f.write(f"id = {toml_str(s['id'])}\nname = {toml_str(s['name'])}\n")
            for field in ("kind", "category"):
                if field in s:
                    f.write(f"{field} = {toml_str(s[field])}\n")
            for field in ("aliases", "cased", "implies"):
                if s.get(field):
                    f.write(f"{field} = [{', '.join(toml_str(x) for x in s[field])}]\n")
            if s.get("ambiguous"):
                f.write("ambiguous = true\n")


def common_words():
    words = []
    with open(os.path.join(ROOT, "data", "common_words.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0]
            words.extend(line.split())
    return words


def prose(rng, skills, megabytes, path):
    words = common_words()
    spellings = [sp for s in skills for sp in [s["name"], *s.get("aliases", []), *s.get("cased", [])]]
    # Real skills come up more often than the long tail.
    spellings = spellings[:3000] * 3 + spellings
    target = megabytes * 1_000_000
    written = 0
    with open(path, "w") as f:
        while written < target:
            sentence = []
            for _ in range(rng.randint(8, 22)):
                w = rng.choice(spellings) if rng.random() < 1 / 12 else rng.choice(words)
                sentence.append(w)
                if rng.random() < 0.08:
                    sentence[-1] += ","
            line = " ".join(sentence)
            line = line[0].upper() + line[1:] + rng.choice([". ", ". ", ".\n", "; "])
            f.write(line)
            written += len(line.encode())


def postings(rng, skills, count, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    src = os.path.join(ROOT, "postings")
    shipped = sorted(p for p in os.listdir(src) if p.endswith(".md"))
    texts = [open(os.path.join(src, p)).read() for p in shipped]
    names = [s["name"] for s in skills[:800]]
    for i in range(count):
        text = texts[i % len(texts)]
        extra = "\n\n## Also required\n\n" + "".join(
            f"- {rng.randint(1, 8)}+ years of experience with {rng.choice(names)} or {rng.choice(names)}\n"
            for _ in range(rng.randint(2, 5)))
        with open(os.path.join(out_dir, f"posting-{i:04d}.md"), "w") as f:
            f.write(f"# Engineer {i}\n\n" + text.split("\n", 1)[1] + extra)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--skills", type=int, default=5000)
    ap.add_argument("--prose-mb", type=int, default=32)
    ap.add_argument("--postings", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    skills = taxonomy(rng, args.skills)
    write_taxonomy(skills, os.path.join(args.out, "taxonomy.toml"))
    with open(os.path.join(args.out, "patterns.txt"), "w") as f:
        for s in skills:
            for sp in [s["name"], *s.get("aliases", []), *s.get("cased", [])]:
                f.write(sp + "\n")
    prose(rng, skills, args.prose_mb, os.path.join(args.out, "prose.txt"))
    postings(rng, skills, args.postings, os.path.join(args.out, "postings"))


if __name__ == "__main__":
    main()
