#!/usr/bin/env python3
"""Validate a jobmatch skill taxonomy file (data/skills.toml or a user overlay).

Checks
  * the file parses as TOML and every [[skill]] has the fields of data/README.md with the right types
  * ids are unique and well formed; kinds are valid; categories are kebab-case
  * every alias / cased spelling is made of characters the extractor can match
  * no spelling (name, alias, cased) belongs to two skills
  * `ambiguous = true` skills have at least one `cased` spelling
  * `implies` points at existing ids, never at the skill itself, and has no cycle
  * at least --min skills (default 3000; use --min 0 for an overlay)

Exit status 0 when everything passes, 1 with one message per problem (naming the skill) otherwise.
Warnings (plural overlaps between skills, file size) do not fail the check.

Python 3.11+, standard library only:
    python3 scripts/check_taxonomy.py [data/skills.toml] [--min 3000]
    python3 scripts/check_taxonomy.py --overlay my-overlay.toml      # a --taxonomy overlay
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tomllib
from pathlib import Path

# One definition of the token rules, keys and cycle search: the build script's.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_taxonomy import (  # noqa: E402
    ALIAS_CHARS_RE,
    CATEGORY_RE,
    ID_RE,
    TOKEN_RE,
    KINDS,
    find_cycle,
    norm,
    singular_forms,
)
from build_taxonomy import exact_key as exact  # noqa: E402

FIELDS = {"id": str, "name": str, "kind": str, "category": str, "aliases": list, "cased": list,
          "implies": list, "ambiguous": bool}
OVERLAY_FIELDS = dict(FIELDS, replace=bool)
REQUIRED = ("id", "name", "kind", "category")
MAX_BYTES = 2 * 1024 * 1024


def spelling_ok(text: str) -> bool:
    if not text or not ALIAS_CHARS_RE.match(text):
        return False
    if re.search(r"\d\.|\.\d|\.\.|\.$|\.[ /&-]|[+#][A-Za-z]", text):
        return False
    toks = TOKEN_RE.findall(text)
    return bool(toks) and not all(t in "/&" for t in toks)


def check(path: Path, minimum: int, base: dict | None = None) -> tuple[list[str], list[str], dict]:
    """Validate one file.  With `base` (the parsed shipped taxonomy) the file is checked as an
    overlay: entries may amend shipped skills (only `id` required, `replace` allowed) and
    `implies` may point at shipped ids."""
    errors: list[str] = []
    overlay = base is not None
    fields = OVERLAY_FIELDS if overlay else FIELDS
    base_skills = {s["id"]: s for s in (base or {}).get("skill", []) if isinstance(s.get("id"), str)}
    warnings: list[str] = []
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        warnings.append(f"{path} is {len(raw)} bytes (> {MAX_BYTES})")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return [f"{path}: not valid TOML: {exc}"], warnings, {}
    extra = set(data) - {"skill"}
    if extra:
        errors.append(f"{path}: unexpected top-level keys {sorted(extra)} (only [[skill]] tables are allowed)")
    skills = data.get("skill", [])
    if not isinstance(skills, list):
        return [f"{path}: 'skill' must be an array of tables ([[skill]])"], warnings, {}

    ids: dict[str, int] = {}
    for i, s in enumerate(skills):
        where = f"skill #{i + 1} ({s.get('id', '?')!r})"
        required = REQUIRED
        if overlay:
            required = ("id",) if s.get("id") in base_skills else ("id", "name")
        for f in required:
            if f not in s:
                errors.append(f"{where}: missing field {f!r}")
        for f, v in s.items():
            if f not in fields:
                errors.append(f"{where}: unknown field {f!r}")
            elif not isinstance(v, fields[f]):
                errors.append(f"{where}: field {f!r} must be {fields[f].__name__}")
            elif fields[f] is list and not all(isinstance(x, str) for x in v):
                errors.append(f"{where}: every entry of {f!r} must be a string")
        sid = s.get("id")
        if isinstance(sid, str):
            if not ID_RE.match(sid):
                errors.append(f"{where}: id {sid!r} is not a lowercase slug of [a-z0-9+#.-]")
            if sid in ids:
                errors.append(f"{where}: id {sid!r} already used by skill #{ids[sid] + 1}")
            ids.setdefault(sid, i)
        if isinstance(s.get("kind"), str) and s["kind"] not in KINDS:
            errors.append(f"{where}: kind {s['kind']!r} is not one of {sorted(KINDS)}")
        if isinstance(s.get("category"), str) and not CATEGORY_RE.match(s["category"]):
            errors.append(f"{where}: category {s['category']!r} is not kebab-case")
        if isinstance(s.get("name"), str) and not norm(s["name"]):
            errors.append(f"{where}: name {s['name']!r} has no matchable token")
        for f in ("aliases", "cased"):
            for a in s.get(f, []) if isinstance(s.get(f), list) else []:
                if isinstance(a, str) and not spelling_ok(a):
                    errors.append(f"{where}: {f} entry {a!r} has characters the extractor cannot match")
        if s.get("ambiguous") is True and not s.get("cased"):
            errors.append(f"{where}: ambiguous = true needs at least one `cased` spelling")

    # spellings: a cased spelling only matches its exact case; everything else any case
    owners: dict[str, list[tuple[str, str | None]]] = collections.defaultdict(list)
    for s in skills:
        sid = s.get("id")
        if not isinstance(sid, str):
            continue
        cased = [c for c in s.get("cased", []) if isinstance(c, str)]
        cased_exact = {exact(c) for c in cased}
        seen = set()
        name = s.get("name") if isinstance(s.get("name"), str) else ""
        spell = []
        if name and not (norm(name) in {norm(c) for c in cased} and exact(name) in cased_exact):
            spell.append((norm(name), None))
        spell += [(norm(a), None) for a in s.get("aliases", []) if isinstance(a, str)]
        spell += [(norm(c), exact(c)) for c in cased]
        for k, ex in spell:
            if (k, ex) in seen or not k:
                continue
            seen.add((k, ex))
            owners[k].append((sid, ex))
    for k in sorted(owners):
        claims = owners[k]
        if len({sid for sid, _ in claims}) < 2:
            continue
        if any(ex is None for _, ex in claims):
            groups = [claims]
        else:
            by = collections.defaultdict(list)
            for c in claims:
                by[c[1]].append(c)
            groups = list(by.values())
        for g in groups:
            sids = sorted({sid for sid, _ in g})
            if len(sids) > 1:
                errors.append(f"skills {', '.join(repr(x) for x in sids)}: spelling {k!r} belongs to more than one skill")
    for k in sorted(owners):
        for sk in singular_forms(k):
            if sk in owners:
                a = {sid for sid, _ in owners[k]}
                b = {sid for sid, _ in owners[sk]}
                if a != b and not (a & b):
                    warnings.append(f"plural overlap: {k!r} ({', '.join(sorted(a))}) vs {sk!r} ({', '.join(sorted(b))}); "
                                    "the extractor should prefer the exact spelling")

    graph: dict[str, list[str]] = {}
    known = set(ids) | set(base_skills)
    for bid, b in base_skills.items():
        graph[bid] = [x for x in b.get("implies", []) if x in known and x != bid]
    for s in skills:
        sid = s.get("id")
        if not isinstance(sid, str):
            continue
        imp = [x for x in s.get("implies", []) if isinstance(x, str)]
        for x in imp:
            if x == sid:
                errors.append(f"skill {sid!r}: implies itself")
            elif x not in known:
                errors.append(f"skill {sid!r}: implies unknown id {x!r}")
        own = [x for x in imp if x in known and x != sid]
        graph[sid] = own if s.get("replace") else list(dict.fromkeys(graph.get(sid, []) + own))
    cyc = find_cycle(graph)
    if cyc:
        errors.append("implies cycle: " + " -> ".join(cyc) + f" (skill {cyc[0]!r})")

    if len(skills) < minimum:
        errors.append(f"{path}: only {len(skills)} skills, at least {minimum} required")
    stats = {"skills": len(skills), "bytes": len(raw),
             "kinds": collections.Counter(s.get("kind") for s in skills)}
    return errors, warnings, stats


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description="Validate a jobmatch skill taxonomy file.")
    ap.add_argument("file", nargs="?", default=str(here / "data" / "skills.toml"))
    ap.add_argument("--min", type=int, default=3000, help="minimum number of skills (default %(default)s)")
    ap.add_argument("--quiet", action="store_true", help="do not print warnings")
    ap.add_argument("--overlay", action="store_true",
                    help="check FILE as a --taxonomy overlay on top of --base (implies --min 0)")
    ap.add_argument("--base", default=str(here / "data" / "skills.toml"),
                    help="shipped taxonomy an overlay applies to (default %(default)s)")
    args = ap.parse_args(argv)
    base = None
    if args.overlay:
        args.min = 0
        base = tomllib.loads(Path(args.base).read_text(encoding="utf-8"))
    errors, warnings, stats = check(Path(args.file), args.min, base)
    if not args.quiet:
        for w in warnings:
            print(f"check_taxonomy: warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"check_taxonomy: error: {e}", file=sys.stderr)
    if errors:
        print(f"check_taxonomy: FAILED with {len(errors)} error(s)", file=sys.stderr)
        return 1
    kinds = ", ".join(f"{k}={v}" for k, v in sorted(stats["kinds"].items(), key=lambda kv: str(kv[0])))
    print(f"check_taxonomy: OK: {args.file}: {stats['skills']} skills ({kinds}), {stats['bytes']} bytes, "
          f"{len(warnings)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
