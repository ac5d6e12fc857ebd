#!/usr/bin/env python3
"""Build data/skills.toml, the skill taxonomy shipped with jobmatch.

Inputs
  * data/curated.toml        hand-curated core skills, alias additions and deny lists
  * data/common_words.txt    ordinary English words that must never be a plain alias
  * the open datasets under --sources (see each dataset's README.md):
      tanova-skills-taxonomy-1.4.11/taxonomy.json
      github-explore-topics/topics.jsonl
      linguist-languages-9.5.0/languages.jsonl
      onet-29.2-technology-skills/technology_skills.txt (+ unspsc_reference_used.tsv)
      esco-1.2.0-digital-transversal/{digital,transversal}SkillsCollection_en.csv

Output
  * data/skills.toml (sorted by id; the same inputs always give byte-identical output)

Python 3.11+, standard library only.  Run from the repository root:
    python3 scripts/build_taxonomy.py --sources ../shared/data/taxonomy-sources
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = "../shared/data/taxonomy-sources"

KINDS = ("technology", "domain", "method", "certification", "spoken_language", "soft")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9+#.\-]*$")
CATEGORY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Source order = merge priority for generated data (earlier sources give the
# display name / kind / category of a generated skill).
SOURCES = ("tanova", "github", "linguist", "onet", "esco")
SOURCE_DIRS = {
    "tanova": "tanova-skills-taxonomy-1.4.11",
    "github": "github-explore-topics",
    "linguist": "linguist-languages-9.5.0",
    "onet": "onet-29.2-technology-skills",
    "esco": "esco-1.2.0-digital-transversal",
}

# --------------------------------------------------------------------------
# Tokenisation -- mirrors the rules of the Rust extractor.
# A token is a run of letters/digits with optional trailing + or #, an optional
# leading '.', and internal '.' between alphanumerics; '/' and '&' are tokens
# of their own; everything else (space, '-', '_', punctuation) separates.
# --------------------------------------------------------------------------
TOKEN_RE = re.compile(r"(?:(?<![^\W_])\.(?=[^\W\d_]))?[^\W_]+(?:(?<=[^\W\d_])\.(?=[^\W\d_])[^\W_]+)*(?:[+#]+(?![+#]|[^\W_]))?|[/&]")
ALIAS_CHARS_RE = re.compile(r"^[A-Za-z0-9 .+#/&_\-]+$")


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def norm(text: str) -> str:
    """Matching key: lower-cased tokens joined by one space."""
    return " ".join(t.lower() for t in tokens(text))


def singular_forms(key: str) -> list[str]:
    """Keys that `key` would also match through the automatic plural rule."""
    if not key:
        return []
    head, _, last = key.rpartition(" ")
    out = []
    for suf in ("es", "s"):
        if last.endswith(suf) and len(last) > len(suf) + 1 and last[-len(suf) - 1].isalpha():
            stem = last[: -len(suf)]
            out.append(f"{head} {stem}" if head else stem)
    return out


def exact_key(text: str) -> str:
    """Case-preserving matching key, for `cased` spellings."""
    return " ".join(tokens(text))


def compact(text: str) -> str:
    return "".join(norm(text).split())


def text_ok(text: str) -> bool:
    """An alias must be plain ASCII made of token characters, and must not
    rely on '.' next to a digit (tokenisers disagree on '2.0')."""
    if not text or not ALIAS_CHARS_RE.match(text):
        return False
    if re.search(r"\d\.|\.\d|\.\.|\.$|\.[ /&-]|[+#][A-Za-z]", text):
        return False
    toks = tokens(text)
    if not toks or all(t in "/&" for t in toks):
        return False
    return True


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def slugify(name: str) -> str:
    s = name.strip()
    s = re.sub(r"(?i)\bc\+\+", "cpp", s)
    s = re.sub(r"(?i)\bc#", "csharp", s)
    s = re.sub(r"(?i)\bf#", "fsharp", s)
    s = re.sub(r"(?i)\bq#", "qsharp", s)
    s = re.sub(r"(?i)(^|\s)\.net\b", r"\1dotnet", s)
    s = s.replace("++", "pp").replace("#", "sharp").replace("&", " and ").replace("+", " plus ")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = s.lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "skill"


# --------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------
@dataclass
class Skill:
    id: str
    name: str
    kind: str
    category: str
    aliases: list[str] = field(default_factory=list)
    cased: list[str] = field(default_factory=list)
    implies: list[str] = field(default_factory=list)
    ambiguous: bool = False
    curated: bool = False
    sources: set[str] = field(default_factory=set)
    # generated-only bookkeeping
    implies_refs: list[tuple[str, str]] = field(default_factory=list)  # (source, source-key)
    src_keys: list[tuple[str, str]] = field(default_factory=list)
    order: tuple = ()

    def name_key(self) -> str:
        return norm(self.name)


@dataclass
class Candidate:
    source: str
    src_key: str
    name: str
    kind: str
    category: str
    strong: list[str] = field(default_factory=list)   # spellings that identify the skill (used to merge)
    weak: list[str] = field(default_factory=list)     # extra aliases (only added, never merged on)
    cased: list[str] = field(default_factory=list)
    implies_refs: list[tuple[str, str]] = field(default_factory=list)
    implies_ids: list[str] = field(default_factory=list)
    merge_keys: list[str] = field(default_factory=list)      # looked up (any case) but never added as aliases
    merge_names: list[str] = field(default_factory=list)     # merge only into a skill with exactly this name


class Log:
    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.examples: dict[str, list[str]] = collections.defaultdict(list)

    def add(self, what: str, example: str = "") -> None:
        self.counts[what] += 1
        if example and len(self.examples[what]) < 8:
            self.examples[what].append(example)


LOG = Log()


def fail(msg: str) -> None:
    print(f"build_taxonomy: error: {msg}", file=sys.stderr)
    sys.exit(1)


# --------------------------------------------------------------------------
# Curated input
# --------------------------------------------------------------------------
@dataclass
class Curated:
    skills: list[Skill]
    extend: list[dict]
    drop_names: set[str]
    drop_ids: set[str]
    drop_aliases: set[str]
    drop_source: dict[str, set[str]]
    vendors: list[str]
    allow_words: set[str]
    common: set[str]


def load_curated(path: Path, common_path: Path) -> Curated:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    skills: list[Skill] = []

    def make(entry: dict, defaults: dict, where: str) -> Skill:
        allowed = {"id", "name", "kind", "category", "aliases", "cased", "implies", "ambiguous"}
        unknown = set(entry) - allowed
        if unknown:
            fail(f"{where}: unknown field(s) {sorted(unknown)} in curated skill {entry.get('id')!r}")
        merged = dict(defaults)
        for k, v in entry.items():
            if k == "implies":
                merged["implies"] = list(defaults.get("implies", [])) + list(v)
            else:
                merged[k] = v
        for req in ("id", "name", "kind", "category"):
            if req not in merged:
                fail(f"{where}: curated skill {entry!r} lacks {req!r}")
        return Skill(
            id=merged["id"],
            name=merged["name"],
            kind=merged["kind"],
            category=merged["category"],
            aliases=list(merged.get("aliases", [])),
            cased=list(merged.get("cased", [])),
            implies=list(dict.fromkeys(merged.get("implies", []))),
            ambiguous=bool(merged.get("ambiguous", False)),
            curated=True,
            sources={"curated"},
        )

    for gi, group in enumerate(data.get("group", [])):
        defaults = {k: v for k, v in group.items() if k != "skills"}
        for entry in group.get("skills", []):
            skills.append(make(entry, defaults, f"group #{gi + 1} ({defaults.get('category')})"))
    for entry in data.get("skill", []):
        skills.append(make(entry, {}, "[[skill]]"))

    drop = data.get("drop", {})
    gen = data.get("generate", {})
    common: set[str] = set()
    for line in common_path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            for w in line.split():
                common.add(w.lower())
    allow = {w.lower() for w in gen.get("allow_words", [])}
    common -= allow
    return Curated(
        skills=skills,
        extend=list(data.get("extend", [])),
        drop_names={norm(x) for x in drop.get("names", [])},
        drop_ids=set(drop.get("ids", [])),
        drop_aliases={norm(x) for x in drop.get("aliases", [])},
        drop_source={src: set(drop.get(src, [])) for src in SOURCES},
        vendors=sorted(gen.get("vendors", []), key=lambda v: (-len(v), v)),
        allow_words=allow,
        common=common,
    )


# --------------------------------------------------------------------------
# Helpers shared by the source readers
# --------------------------------------------------------------------------
STOP_SMALL = {"of", "and", "for", "the", "a", "an", "to", "in", "on", "with", "by", "or", "&"}


class Words:
    """Common-word tests."""

    def __init__(self, common: set[str]) -> None:
        self.common = common

    def is_common_token(self, tok: str) -> bool:
        t = tok.lower()
        if t in self.common:
            return True
        # plurals of common words ("emulators", "challenges") are common too
        return any(t.endswith(suf) and t[: -len(suf)] in self.common for suf in ("s", "es"))

    def is_common_phrase(self, key: str) -> bool:
        """True when a key is one ordinary word (or only small words)."""
        toks = key.split()
        if not toks:
            return True
        if len(toks) == 1:
            t = toks[0]
            return t in self.common or len(t) <= 2 or t.isdigit()
        return all(t in self.common or t in STOP_SMALL or t.isdigit() for t in toks) and len(toks) <= 1

    def all_common(self, key: str) -> bool:
        return all(self.is_common_token(t) or t in STOP_SMALL or t.isdigit() or t in "/&" for t in key.split())


def acronym_letters(acr: str) -> str:
    """EC2 -> ecc, S3 -> sss: a digit after a letter repeats that letter."""
    out = []
    for ch in acr.lower():
        if ch.isdigit() and out and ch in "23456789":
            out.extend(out[-1] * (int(ch) - 1))
        elif ch.isalpha():
            out.append(ch)
    return "".join(out)


def initials_match(words: list[str], acr: str) -> bool:
    """Do the initials of `words` (small words optional) spell acronym `acr`?"""
    letters = acronym_letters(acr)
    if not letters or not words:
        return False

    # dynamic match: each non-small word contributes a prefix of >=1 letters, small words 0 or 1
    def rec(wi: int, li: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        w = re.sub(r"[^a-z0-9]", "", words[wi].lower())
        if not w:
            return rec(wi + 1, li)
        if w in STOP_SMALL and rec(wi + 1, li):
            return True
        # hyphenated words ("Three-dimensional") split to initials
        n = 0
        while li + n < len(letters) and n < len(w) and w[n] == letters[li + n]:
            n += 1
            if rec(wi + 1, li + n):
                return True
        return False

    return rec(0, 0)


def split_acronym(name: str) -> tuple[str, str, str, str] | None:
    """Find 'expansion ACR' inside a name.
    Returns (prefix, expansion, acronym, rest) or None."""
    toks = name.split()
    for i, t in enumerate(toks):
        bare = t.strip("()")
        if not re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", bare) or not re.search(r"[A-Z].*[A-Z]|[A-Z]\d", bare):
            continue
        if i == 0:
            continue
        for start in range(i - 1, -1, -1):
            exp = toks[start:i]
            if len(exp) > 8:
                break
            if initials_match(exp, bare):
                first = exp[0]
                if first.lower() in STOP_SMALL:
                    continue
                return (" ".join(toks[:start]), " ".join(exp), bare, " ".join(toks[i + 1:]))
    return None


def title_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text and text[0].islower() and not re.match(r"^[a-z]+[A-Z]", text) else text


# --------------------------------------------------------------------------
# Source readers.  Each returns a list of Candidate.
# --------------------------------------------------------------------------
def read_tanova(root: Path, cur: Curated, words: Words) -> list[Candidate]:
    data = json.loads((root / "taxonomy.json").read_text(encoding="utf-8"))
    out = []
    for top in sorted(data["categories"]):
        for subname, sub in sorted(data["categories"][top]["subcategories"].items()):
            for s in sub["skills"]:
                if s["id"] in cur.drop_source["tanova"]:
                    LOG.add("dropped by curated deny list", f"tanova:{s['id']}")
                    continue
                kind = "technology" if top == "technology" else "domain"
                cat = TANOVA_CATEGORIES.get(subname, "concept" if top == "technology" else "management")
                c = Candidate("tanova", s["id"], s["canonical_name"], kind, cat)
                c.strong.append(s["id"].replace("_", " "))
                c.weak.extend(s.get("aliases", []))
                c.implies_refs = [("tanova", p) for p in s.get("parent_skills", [])]
                out.append(c)
    return out


TANOVA_CATEGORIES = {
    "programming_languages": "programming-language",
    "frontend_development": "framework",
    "backend_development": "framework",
    "backend_frameworks": "framework",
    "databases": "database",
    "data_science": "ml",
    "ai_ml": "ml",
    "devops": "devops",
    "cms": "web",
    "mobile": "mobile",
    "mobile_development": "mobile",
    "tools": "tool",
    "specialized": "embedded",
    "architecture": "architecture",
    "software_architecture": "architecture",
    "engineering": "concept",
    "cloud_platforms": "cloud",
    "data_infrastructure": "data",
    "design_tools": "design",
    "testing": "testing",
    "strategy": "management",
    "finance": "finance",
    "sales": "sales",
    "marketing": "marketing",
    "product_management": "management",
    "project_management": "methodology",
    "management": "management",
    "domain_knowledge": "business",
}

GH_SUFFIX_OK = {"js", "lang", "language", "framework", "db", "database", "io", "orm", "cms",
                "css", "programming", "engine", "ci", "sdk", "cli", "ui", "os", "linux", "server"}


def gh_alias_ok(alias_slug: str, topic: str, display: str) -> bool:
    a_toks = alias_slug.split("-")
    name_forms = {compact(topic), compact(display)}
    if compact(alias_slug) in name_forms:
        return True
    if re.search(r"\d", alias_slug) and not re.search(r"\d", topic + display):
        return False
    base = set(topic.split("-")) | set(norm(display).split())
    extra = [t for t in a_toks if t not in base]
    if not extra and len(a_toks) > 1:
        return True
    if extra and all(t in GH_SUFFIX_OK for t in extra) and any(t in base for t in a_toks):
        return True
    # initialism of the display name: "iac" for Infrastructure as code
    if len(alias_slug) >= 3 and "-" not in alias_slug and initials_match(norm(display).split(), alias_slug) \
            and len(norm(display).split()) >= 2:
        return True
    return False


def read_github(root: Path, cur: Curated, words: Words) -> list[Candidate]:
    out = []
    with (root / "topics.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for d in sorted(rows, key=lambda r: r["topic"]):
        topic = d["topic"]
        if topic in cur.drop_source["github"]:
            LOG.add("dropped by curated deny list", f"github:{topic}")
            continue
        disp = clean_space(d["display_name"] or topic)
        # "Foo (FOO)" -> Foo + alias FOO ; "Foo (Disambiguation)" -> skip
        if re.search(r"\((?i:disambiguation)\)", disp):
            LOG.add("github: disambiguation page skipped", topic)
            continue
        extra_strong = []
        m = re.fullmatch(r"(.*?)\s*\(([^)]*)\)\s*(.*)", disp)
        if m:
            inner = m.group(2)
            disp = clean_space(m.group(1) + " " + m.group(3))
            if re.fullmatch(r"[A-Za-z0-9 .+#-]{2,40}", inner):
                extra_strong.append(inner)
        if disp.lower().startswith("the ") and len(disp.split()) > 2:
            disp = disp[4:]
        disp = title_first(disp) if disp.islower() and len(disp) > 3 else disp
        if d.get("url"):
            kind, cat = "technology", "software"
        else:
            kind, cat = "domain", "concept"
        desc = (d.get("short_description") or "").lower()
        if re.search(r"\bprogramming language\b|\bis a (?:\w+ ){0,4}language\b", desc):
            kind, cat = "technology", "programming-language"
        elif re.search(r"\b(?:web |application |ui |css |front-end |frontend |backend |javascript |php |python |java )?framework\b", desc):
            kind, cat = "technology", "framework"
        elif re.search(r"\blibrary\b", desc):
            kind, cat = "technology", "library"
        elif re.search(r"\bdatabase\b", desc):
            kind, cat = "technology", "database"
        elif re.search(r"\bgame engine\b", desc):
            kind, cat = "technology", "game-development"
        c = Candidate("github", topic, disp, kind, cat)
        c.strong.append(topic.replace("-", " "))
        c.strong.extend(extra_strong)
        for a in d.get("aliases") or []:
            if gh_alias_ok(a, topic, disp):
                c.weak.append(a)
            else:
                LOG.add("github: alias not a safe synonym", f"{topic}:{a}")
        out.append(c)
    return out


def read_linguist(root: Path, cur: Curated, words: Words) -> list[Candidate]:
    out = []
    with (root / "languages.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for d in sorted(rows, key=lambda r: r["name"]):
        name = d["name"]
        if d["type"] != "programming":
            continue
        if name in cur.drop_source["linguist"]:
            LOG.add("dropped by curated deny list", f"linguist:{name}")
            continue
        c = Candidate("linguist", name, name, "technology", "programming-language")
        for a in d.get("aliases") or []:
            if len(a) < 4 or (re.search(r"\d", a) and not re.search(r"\d", name)):
                LOG.add("linguist: alias too short or versioned", f"{name}:{a}")
                continue
            c.weak.append(a)
        c.implies_ids.append("programming")
        if d.get("group"):
            c.implies_refs.append(("linguist", d["group"]))
        out.append(c)
    return out


# O*NET commodity -> (kind, category, umbrella skill id implied by every product in it)
ONET_COMMODITY = {
    "Object or component oriented development software": ("technology", "programming-language", None),
    "Development environment software": ("technology", "developer-tool", None),
    "Web platform development software": ("technology", "web", None),
    "Data base management system software": ("technology", "database", "databases"),
    "Object oriented data base management software": ("technology", "database", "databases"),
    "Data base user interface and query software": ("technology", "data", None),
    "Data base reporting software": ("technology", "data", None),
    "Business intelligence and data analysis software": ("technology", "business-intelligence", None),
    "Operating system software": ("technology", "os", "operating-systems"),
    "Network operation system software": ("technology", "os", None),
    "Customer relationship management CRM software": ("technology", "crm", "crm"),
    "Enterprise resource planning ERP software": ("technology", "erp", "erp"),
    "Accounting software": ("technology", "finance", "accounting-software"),
    "Financial analysis software": ("technology", "finance", None),
    "Tax preparation software": ("technology", "finance", None),
    "Medical software": ("technology", "healthcare", None),
    "Computer aided design CAD software": ("technology", "cad", "cad"),
    "Computer aided manufacturing CAM software": ("technology", "cad", "cam"),
    "Computer aided design CAD and computer aided manufacturing CAM system": ("technology", "cad", None),
    "Geographic information system": ("technology", "gis", "gis"),
    "Map creation software": ("technology", "gis", None),
    "Graphics or photo imaging software": ("technology", "design", None),
    "Video creation and editing software": ("technology", "design", None),
    "Desktop publishing software": ("technology", "design", None),
    "Music or sound editing software": ("technology", "media", None),
    "Project management software": ("technology", "project-management", None),
    "Spreadsheet software": ("technology", "office", "spreadsheets"),
    "Word processing software": ("technology", "office", None),
    "Presentation software": ("technology", "office", None),
    "Office suite software": ("technology", "office", None),
    "Electronic mail software": ("technology", "office", None),
    "Calendar and scheduling software": ("technology", "office", None),
    "Human resources software": ("technology", "hr", None),
    "Point of sale POS software": ("technology", "retail", None),
    "Program testing software": ("technology", "testing", None),
    "Configuration management software": ("technology", "devops", None),
    "Application server software": ("technology", "devops", None),
    "Network monitoring software": ("technology", "networking", None),
    "Transaction security and virus protection software": ("technology", "security", None),
    "Network security and virtual private network VPN equipment software": ("technology", "security", None),
    "Network security or virtual private network VPN management software": ("technology", "security", None),
    "Cloud-based protection or security software": ("technology", "security", None),
    "Authentication server software": ("technology", "security", None),
    "Industrial control software": ("technology", "industrial", None),
    "Computer based training software": ("technology", "education", None),
    "Analytical or scientific software": ("technology", "scientific", None),
    "Sales and marketing software": ("technology", "marketing", None),
    "Helpdesk or call center software": ("technology", "support", None),
    "Materials requirements planning logistics and supply chain software": ("technology", "supply-chain", None),
    "Inventory management software": ("technology", "supply-chain", None),
    "Procurement software": ("technology", "procurement", None),
    "Compliance software": ("technology", "compliance", None),
    "Document management software": ("technology", "office", None),
    "Cloud-based data access and sharing software": ("technology", "cloud", None),
    "Cloud-based management software": ("technology", "cloud", None),
    "Video conferencing software": ("technology", "collaboration", None),
    "Instant messaging software": ("technology", "collaboration", None),
    "Desktop communications software": ("technology", "collaboration", None),
    "Network conferencing software": ("technology", "collaboration", None),
    "File versioning software": ("technology", "devops", "version-control"),
    "Enterprise application integration software": ("technology", "data", None),
    "Data mining software": ("technology", "data", None),
    "Metadata management software": ("technology", "data", None),
    "Clustering software": ("technology", "devops", None),
    "Storage networking software": ("technology", "infrastructure", None),
    "Backup or archival software": ("technology", "infrastructure", None),
    "Filesystem software": ("technology", "os", None),
    "Device drivers or system software": ("technology", "os", None),
    "Compiler and decompiler software": ("technology", "developer-tool", None),
    "Graphical user interface development software": ("technology", "developer-tool", None),
    "Requirements analysis and system architecture software": ("technology", "developer-tool", None),
    "Web page creation and editing software": ("technology", "web", None),
    "Internet browser software": ("technology", "web", None),
    "Portal server software": ("technology", "web", None),
    "Information retrieval or search software": ("technology", "data", None),
    "Categorization or classification software": ("technology", "data", None),
    "Expert system software": ("technology", "ml", None),
    "Voice recognition software": ("technology", "ml", None),
}
ONET_CLASS_DEFAULT = {
    "Industry specific software": "industry-software",
    "Business function specific software": "business-software",
    "Finance accounting and enterprise resource planning ERP software": "finance",
    "Data management and query software": "data",
    "Content authoring and editing software": "office",
    "Content management software": "office",
    "Development software": "developer-tool",
    "Operating environment software": "os",
    "Security and protection software": "security",
    "Network management software": "networking",
    "Networking software": "networking",
    "Educational or reference software": "education",
    "Information exchange software": "software",
    "Computer game or entertainment software": "media",
    "Utility and device driver software": "software",
    "Platform interconnectivity software": "software",
}
# O*NET commodity classes whose products are kept even when named by a single occupation.
ONET_TECH_CLASSES = {"Development software", "Operating environment software", "Security and protection software",
                     "Network management software", "Networking software", "Utility and device driver software",
                     "Platform interconnectivity software"}


GENERIC_SUFFIXES = ("ing", "al", "ic", "ive", "ory", "ion", "ary", "ous", "ics", "ment", "ance", "ence")


def looks_like_product(toks: list[str], words: "Words") -> bool:
    """True when the words before "software" name a product rather than a category."""
    if len(toks) >= 2:
        return any(t[:1].isupper() or t[:1].isdigit() for t in toks[1:])
    t = toks[0]
    if re.search(r"[A-Z].*[A-Z]|\d", t[1:]) or t.isupper():
        return True   # camel case, digits or an acronym: a product name
    low = t.lower()
    return not (words.is_common_token(low) or low.endswith(GENERIC_SUFFIXES))


def onet_clean(name: str, cur: Curated, words: Words) -> tuple[str, list[str], list[str], list[str], list[str]] | None:
    """Clean one O*NET example name.
    Returns (name, strong aliases, cased, merge keys, merge names) or None to skip."""
    raw = clean_space(name)
    # parenthesised acronym "(IIS)" -> bare token; other parentheticals are qualifiers and dropped
    raw = re.sub(r"\(([A-Z][A-Z0-9]{1,7})\)", r"\1", raw)
    raw = clean_space(re.sub(r"\([^)]*\)", " ", raw))
    if "'" in raw or "’" in raw or not re.fullmatch(r"[A-Za-z0-9 .+#/&\-]+", raw):
        return None
    strong: list[str] = []
    cased: list[str] = []
    merge_keys: list[str] = []
    merge_names: list[str] = []
    acr = split_acronym(raw)
    if acr:
        prefix, exp, ac, rest = acr
        display = clean_space(f"{prefix} {exp} {rest}")
        if prefix:
            strong.append(clean_space(f"{prefix} {ac} {rest}"))
            strong.append(clean_space(f"{exp} {rest}"))
        if not rest and len(ac) >= 3 and not words.is_common_token(ac):
            # acronyms are written in capitals: match them only that way
            cased.append(ac)
        if not rest:
            # "Structure query language SQL" is the skill named "SQL" when there is one
            merge_names.append(ac)
        elif rest:
            strong.append(clean_space(f"{ac} {rest}"))
        raw_for_vendor = display
    else:
        display = raw
        raw_for_vendor = raw
    # trailing "software" after a product name: "Ansible software" -> Ansible, but keep
    # generic categories such as "Recordkeeping software" or "Statistical software"
    toks = display.split()
    if len(toks) >= 2 and toks[-1] == "software" and looks_like_product(toks[:-1], words):
        display = " ".join(toks[:-1])
        raw_for_vendor = display
    # vendor prefix: "Autodesk AutoCAD" -> alias AutoCAD
    for v in cur.vendors:
        if raw_for_vendor.startswith(v + " "):
            restp = raw_for_vendor[len(v) + 1:]
            if restp.startswith("The "):
                restp = restp[4:]
            rtoks = restp.split()
            # "JavaServer Pages JSP" -> also "JavaServer Pages"
            if len(rtoks) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", rtoks[-1]):
                restp = " ".join(rtoks[:-1])
                rtoks = rtoks[:-1]
            rk = norm(restp)
            rt = rk.split()
            if not rt or rt[0].isdigit():
                break
            if len(rt) == 1:
                orig = rtoks[0]
                # one word: only a coined product name (AutoCAD, SolidWorks, RSLogix) is safe
                coined = bool(re.search(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]", orig)
                              or sum(ch.isupper() for ch in orig[1:]) >= 1) or orig.isupper()
                distinctive = coined and len(rt[0]) >= 3 and not words.is_common_token(rt[0])
                if distinctive and orig.isupper():
                    cased.append(orig)
                    distinctive = False
                if not distinctive:
                    # "Sun Microsystems Java", "Unity Technologies Unity": fold into the skill
                    # of exactly that name, without making the bare word an alias
                    merge_names.append(orig)
            else:
                distinctive = not words.all_common(rk)
            if distinctive:
                strong.append(restp)
            break
    if display and display[0].islower():
        display = display[0].upper() + display[1:]
    dt = display.split()
    if len(dt) >= 2 and dt[-1] in ("software", "systems", "system") and is_generic_category(display):
        # "Payroll software" is the same requirement as "payroll" when a skill of that name exists
        merge_keys.append(" ".join(dt[:-1]))
    return display, strong, cased, merge_keys, merge_names


def is_generic_category(name: str) -> bool:
    """'Index tuning software', 'Operational databases': a description, not a product."""
    toks = name.split()
    return len(toks) >= 2 and all(t.islower() or not t[:1].isalpha() for t in toks[1:]) and not re.search(
        r"[A-Z].*[A-Z]|\d", toks[0][1:] if toks else "")


def read_onet(root: Path, cur: Curated, words: Words) -> list[Candidate]:
    ref = {}
    with (root / "unspsc_reference_used.tsv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            ref[r["Commodity Title"]] = r["Class Title"]
    occ: dict[str, set[str]] = collections.defaultdict(set)
    commod: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    hot: set[str] = set()
    with (root / "technology_skills.txt").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            ex = r["Example"].strip()
            occ[ex].add(r["O*NET-SOC Code"])
            commod[ex][r["Commodity Title"]] += 1
            if r["Hot Technology"] == "Y" or r["In Demand"] == "Y":
                hot.add(ex)
    out = []
    for ex in sorted(occ):
        if ex in cur.drop_source["onet"]:
            LOG.add("dropped by curated deny list", f"onet:{ex}")
            continue
        # most frequent commodity; ties broken by title
        ctitle = sorted(commod[ex].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        cls = ref.get(ctitle, "")
        n = len(occ[ex])
        if not (ex in hot or n >= 2 or cls in ONET_TECH_CLASSES):
            LOG.add("onet: rare product (one occupation, non-technical class) skipped", ex)
            continue
        cleaned = onet_clean(ex, cur, words)
        if cleaned is None:
            LOG.add("onet: name with punctuation skipped", ex)
            continue
        name, strong, cased, merge_keys, merge_names = cleaned
        kind, cat, umbrella = ONET_COMMODITY.get(ctitle, ("technology", ONET_CLASS_DEFAULT.get(cls, "software"), None))
        c = Candidate("onet", ex, name, kind, cat, strong=strong, cased=cased,
                      merge_keys=merge_keys, merge_names=merge_names)
        if is_generic_category(name) and not (ex in hot or n >= 3):
            # a description used by few occupations: only worth keeping as part of an existing skill
            c.merge_only = True  # type: ignore[attr-defined]
        if umbrella:
            c.implies_ids.append(umbrella)
        out.append(c)
    return out


ESCO_QUALIFIER_RE = re.compile(r"\s*\((?:computer programming|[^)]*(?:software|systems?|tools?|tool|frameworks?|"
                               r"management systems|game creation systems|penetration testing tool|"
                               r"learning management systems|programming)[^)]*)\)\s*$", re.I)
ESCO_ALT_JUNK_RE = re.compile(r"\b(?:techniques|principles|paradigms|related algorithms|coding in|testing in|"
                              r"programming paradigms)\b", re.I)


def read_esco(root: Path, cur: Curated, words: Words) -> list[Candidate]:
    out = []
    for fname, transversal in (("digitalSkillsCollection_en.csv", False), ("transversalSkillsCollection_en.csv", True)):
        with (root / fname).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in sorted(rows, key=lambda r: r["conceptUri"]):
            uri = r["conceptUri"]
            label = clean_space(r["preferredLabel"])
            if uri in cur.drop_source["esco"] or label in cur.drop_source["esco"]:
                LOG.add("dropped by curated deny list", f"esco:{label}")
                continue
            stype = r["skillType"]
            if not transversal and stype != "knowledge":
                # digital skill/competence labels are verb phrases ("gather data") that
                # read as ordinary prose; they are left out.
                LOG.add("esco: digital skill/competence (verb phrase) skipped", label)
                continue
            if transversal and len(label.split()) > 5:
                LOG.add("esco: transversal label too long", label)
                continue
            name = ESCO_QUALIFIER_RE.sub("", label).strip()
            if "(" in name:
                name = clean_space(re.sub(r"\([^)]*\)", " ", name))
            if not name or not re.fullmatch(r"[A-Za-z0-9 .+#/&\-]+", name):
                LOG.add("esco: label with punctuation skipped", label)
                continue
            generic = name[:1].islower()
            if transversal:
                kind, cat = "soft", "soft-skill"
            elif not generic:
                kind, cat = "technology", "software"
            else:
                kind, cat = "domain", esco_category(r["broaderConceptPT"])
            disp = name[0].upper() + name[1:] if generic else name
            c = Candidate("esco", uri, disp, kind, cat)
            if not generic and not transversal:
                # product names: same vendor / acronym handling as O*NET ("Oracle Relational Database")
                cleaned = onet_clean(name, cur, words)
                if cleaned:
                    _, strong, cased, _, merge_names = cleaned
                    c.strong.extend(strong)
                    c.cased.extend(cased)
                    c.merge_names.extend(merge_names)
            alts = [clean_space(a) for a in (r["altLabels"] or "").replace("\n", "|").split("|")]
            for a in sorted(set(alts)):
                if not a:
                    continue
                if ESCO_ALT_JUNK_RE.search(a):
                    LOG.add("esco: alt label is not a synonym", f"{name}:{a}")
                    continue
                # a generic concept listing product names as alt labels: those are narrower instances
                if generic and a[:1].isupper() and not re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", a):
                    LOG.add("esco: product listed under a generic concept", f"{name}:{a}")
                    continue
                if generic and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", a) and not initials_match(norm(name).split(), a):
                    LOG.add("esco: acronym alt label does not spell the concept", f"{name}:{a}")
                    continue
                if re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", a):
                    if words.is_common_token(a) or len(a) < 3:
                        continue
                    c.cased.append(a)
                    continue
                ak = norm(a)
                if generic and len(ak.split()) == 1:
                    # one-word alt labels of a generic concept are narrower terms ("encoders")
                    LOG.add("esco: one-word alt label of a generic concept dropped", f"{name}:{a}")
                    continue
                if len(ak.split()) <= 2 and words.all_common(ak):
                    # "use numbers", "be responsible", "online ads": ordinary prose
                    LOG.add("esco: alt label is ordinary prose", f"{name}:{a}")
                    continue
                c.weak.append(a)
            out.append(c)
    return out


ESCO_BROADER_CATEGORY = [
    ("computer programming", "programming"),
    ("software and applications development", "software"),
    ("database and network design", "database"),
    ("ICT project management", "methodology"),
    ("ICT security", "security"),
    ("information and communication technologies", "it"),
    ("computer use", "it"),
    ("marketing", "marketing"),
    ("engineering", "engineering"),
    ("electronics", "embedded"),
    ("statistics", "data"),
    ("data", "data"),
    ("audio-visual", "media"),
    ("design", "design"),
]


def esco_category(broader: str) -> str:
    b = broader or ""
    for needle, cat in ESCO_BROADER_CATEGORY:
        if needle.lower() in b.lower():
            return cat
    return "concept"


READERS = {
    "tanova": read_tanova,
    "github": read_github,
    "linguist": read_linguist,
    "onet": read_onet,
    "esco": read_esco,
}


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------
class Builder:
    def __init__(self, cur: Curated, words: Words) -> None:
        self.cur = cur
        self.words = words
        self.skills: list[Skill] = []
        self.by_id: dict[str, Skill] = {}
        self.index: dict[str, Skill] = {}        # identity keys (name + strong) -> skill, for merging
        self.src_map: dict[tuple[str, str], Skill] = {}
        self.by_name: dict[str, Skill] = {}          # exact display name -> skill

    # ---- curated -------------------------------------------------------
    def add_curated(self) -> None:
        for s in self.cur.skills:
            if s.id in self.by_id:
                fail(f"curated id {s.id!r} defined twice")
            if not ID_RE.match(s.id):
                fail(f"curated id {s.id!r} is not a valid slug")
            if s.kind not in KINDS:
                fail(f"curated skill {s.id!r}: kind {s.kind!r} not one of {KINDS}")
            if not CATEGORY_RE.match(s.category):
                fail(f"curated skill {s.id!r}: category {s.category!r} is not kebab-case")
            for a in s.aliases + s.cased:
                if not text_ok(a):
                    fail(f"curated skill {s.id!r}: alias {a!r} has characters the extractor cannot match")
            s.order = (0, s.id)
            self.skills.append(s)
            self.by_id[s.id] = s
        # identity index: names and aliases of curated skills
        for s in self.skills:
            self.by_name.setdefault(s.name, s)
            for k in [s.name_key()] + [norm(a) for a in s.aliases + s.cased]:
                self.index.setdefault(k, s)

    # ---- generated -----------------------------------------------------
    def lookup(self, keys: list[str]) -> Skill | None:
        for k in keys:
            if k in self.index:
                return self.index[k]
        for k in keys:
            for sk in singular_forms(k):
                if sk in self.index:
                    return self.index[sk]
        # the candidate may be the singular of an indexed plural
        for k in keys:
            for suf in ("s", "es"):
                if k + suf in self.index:
                    return self.index[k + suf]
        return None

    def add_candidate(self, c: Candidate, seq: int) -> None:
        name = clean_space(c.name)
        nk = norm(name)
        if not nk:
            return
        if nk in self.cur.drop_names:
            LOG.add("dropped by curated deny list", f"{c.source}:{name}")
            return
        strong_keys = [norm(a) for a in c.strong if text_ok(a)]
        target = self.lookup([nk] + strong_keys)
        if target is None and c.merge_keys:
            target = self.lookup([norm(k) for k in c.merge_keys])
        if target is None:
            for mn in c.merge_names:
                target = self.by_name.get(mn)
                if target:
                    break
        if target is None and getattr(c, "merge_only", False):
            LOG.add("onet: generic category named by few occupations skipped", c.src_key)
            return
        if target is None:
            # a new generated skill: its name must be safe to match in prose
            if not self.name_ok(name):
                LOG.add("generated name is an ordinary word or too short", f"{c.source}:{name}")
                return
            sid = self.new_id(name, c.source)
            target = Skill(id=sid, name=name, kind=c.kind, category=c.category)
            target.order = (1, SOURCES.index(c.source), seq)
            self.skills.append(target)
            self.by_id[sid] = target
            self.index[nk] = target
            self.by_name.setdefault(name, target)
        target.sources.add(c.source)
        target.src_keys.append((c.source, c.src_key))
        self.src_map[(c.source, c.src_key)] = target
        if c.source == "tanova":
            self.src_map[("tanova", c.src_key)] = target
        if c.source == "linguist":
            self.src_map[("linguist", c.name)] = target
        if target.curated:
            LOG.add(f"merged into curated skill ({c.source})")
            return
        LOG.add(f"merged into generated skill ({c.source})") if len(target.sources) > 1 else None
        for a in c.strong:
            self.add_alias(target, a, strong=True)
        for a in c.weak:
            self.add_alias(target, a, strong=False)
        for a in c.cased:
            if text_ok(a) and a not in target.cased and norm(a) != target.name_key():
                target.cased.append(a)
        target.implies_refs.extend(c.implies_refs)
        for i in c.implies_ids:
            if i not in target.implies:
                target.implies.append(i)

    def name_ok(self, name: str) -> bool:
        k = norm(name)
        toks = k.split()
        if not toks:
            return False
        if len(toks) == 1:
            t = toks[0]
            if len(t.strip(".+#")) <= 2 and not re.search(r"[+#]", t):
                return False
            if self.words.is_common_token(t):
                return False
            if t.isdigit():
                return False
        elif self.words.all_common(k) and len(toks) <= 1:
            return False
        return True

    def alias_ok(self, s: Skill, alias: str) -> bool:
        if not text_ok(alias):
            return False
        k = norm(alias)
        toks = k.split()
        if k in self.cur.drop_aliases:
            LOG.add("alias removed by curated deny list", f"{s.id}:{alias}")
            return False
        if len(toks) == 1:
            t = toks[0]
            if len(t) <= 2 or t.isdigit():
                return False
            if self.words.is_common_token(t):
                LOG.add("generated alias is an ordinary word", f"{s.id}:{alias}")
                return False
        if toks and toks[0] in STOP_SMALL:
            return False
        return True

    def add_alias(self, s: Skill, alias: str, strong: bool) -> None:
        alias = clean_space(alias.replace("_", " "))
        if not self.alias_ok(s, alias):
            return
        k = norm(alias)
        if k == s.name_key():
            return
        if strong:
            self.index.setdefault(k, s)
        low = alias.lower()
        if any(norm(a) == k for a in s.aliases):
            return
        s.aliases.append(low)

    def new_id(self, name: str, source: str) -> str:
        base = slugify(name)
        sid = base
        if sid in self.by_id:
            sid = f"{base}-{source}"
            n = 2
            while sid in self.by_id:
                sid = f"{base}-{source}-{n}"
                n += 1
        return sid

    # ---- curated extensions and drops ---------------------------------
    def apply_extend(self) -> None:
        for e in self.cur.extend:
            target = None
            if "id" in e:
                target = self.by_id.get(e["id"])
            if target is None and "match" in e:
                target = self.index.get(norm(e["match"]))
            if target is None:
                fail(f"[[extend]] {e!r} matches no skill")
            for a in e.get("aliases", []):
                if not text_ok(a):
                    fail(f"[[extend]] alias {a!r} has characters the extractor cannot match")
                if all(norm(x) != norm(a) for x in target.aliases) and norm(a) != target.name_key():
                    target.aliases.append(a)
            for a in e.get("cased", []):
                if a not in target.cased:
                    target.cased.append(a)
            for i in e.get("implies", []):
                if i not in target.implies:
                    target.implies.append(i)
            for fld in ("name", "kind", "category"):
                if fld in e:
                    setattr(target, fld, e[fld])
            if "ambiguous" in e:
                target.ambiguous = bool(e["ambiguous"])
            target.sources.add("curated")
            target.curated_ext = True  # type: ignore[attr-defined]

    def apply_drops(self) -> None:
        keep = []
        for s in self.skills:
            if not s.curated and s.id in self.cur.drop_ids:
                LOG.add("dropped by curated deny list", f"id:{s.id}")
                continue
            keep.append(s)
        self.skills = keep
        self.by_id = {s.id: s for s in keep}

    # ---- implications --------------------------------------------------
    def resolve_implies(self) -> None:
        for s in self.skills:
            if s.curated:
                continue
            for ref in s.implies_refs:
                t = self.src_map.get(ref)
                if t is None:
                    LOG.add("generated implication to unknown skill dropped", f"{s.id}->{ref[1]}")
                    continue
                if t is not s and t.id not in s.implies:
                    s.implies.append(t.id)
        for s in self.skills:
            good = []
            for i in s.implies:
                if i == s.id:
                    continue
                if i not in self.by_id:
                    if s.curated or getattr(s, "curated_ext", False):
                        fail(f"skill {s.id!r} implies unknown id {i!r}")
                    LOG.add("generated implication to unknown skill dropped", f"{s.id}->{i}")
                    continue
                good.append(i)
            s.implies = list(dict.fromkeys(good))
        # generated implications must not create cycles: drop offending generated edges
        for s in sorted(self.skills, key=lambda x: x.order):
            if s.curated:
                continue
            for i in list(s.implies):
                if self.reaches(i, s.id):
                    s.implies.remove(i)
                    LOG.add("generated implication removed (would create a cycle)", f"{s.id}->{i}")
        cyc = find_cycle({s.id: s.implies for s in self.skills})
        if cyc:
            fail("implies cycle: " + " -> ".join(cyc))

    def reaches(self, start: str, goal: str) -> bool:
        seen = set()
        stack = [start]
        while stack:
            x = stack.pop()
            if x == goal:
                return True
            if x in seen:
                continue
            seen.add(x)
            sk = self.by_id.get(x)
            if sk:
                stack.extend(sk.implies)
        return False

    # ---- alias collisions ----------------------------------------------
    @staticmethod
    def spellings(s: Skill) -> list[tuple[str, str, str, str | None]]:
        """(what, text, lower key, exact key or None) for every spelling a skill answers to.
        A `cased` spelling only matches its exact capitalisation, so two cased spellings
        that differ in case ("dbt" and "DBT") do not collide; anything else with the same
        lower-case key does."""
        out = []
        cased_exact = {exact_key(c) for c in s.cased}
        cased_lower = {norm(c) for c in s.cased}
        if s.name_key() not in cased_lower:
            out.append(("name", s.name, s.name_key(), None))
        elif exact_key(s.name) not in cased_exact:
            # name differs in case from its cased spelling: still matched case-insensitively
            out.append(("name", s.name, s.name_key(), None))
        out += [("alias", a, norm(a), None) for a in s.aliases]
        out += [("cased", c, norm(c), exact_key(c)) for c in s.cased]
        return out

    @staticmethod
    def conflict_sets(claims: list[tuple[Skill, str, str | None]]) -> list[list[tuple[Skill, str, str | None]]]:
        """Split the claims on one lower-case key into groups that really collide."""
        if any(ex is None for _, _, ex in claims):
            return [claims]
        by_exact: dict[str, list] = collections.defaultdict(list)
        for c in claims:
            by_exact[c[2]].append(c)
        return [by_exact[k] for k in sorted(by_exact)]

    def resolve_collisions(self) -> None:
        # 1. within one skill: drop duplicate spellings and plain plurals of another spelling
        for s in self.skills:
            nk = s.name_key()
            keys = {nk} | {norm(a) for a in s.aliases}
            seen = set()
            new_aliases = []
            for a in s.aliases:
                k = norm(a)
                if k in seen or k == nk:
                    continue
                if any(sf in keys for sf in singular_forms(k)):
                    LOG.add("redundant plural alias removed (plurals match automatically)", f"{s.id}:{a}")
                    continue
                seen.add(k)
                new_aliases.append(a)
            s.aliases = new_aliases
            s.cased = list(dict.fromkeys(s.cased))
        # 2. between skills: exact key collisions
        owners: dict[str, list[tuple[Skill, str, str | None]]] = collections.defaultdict(list)
        for s in self.skills:
            for what, text, k, ex in self.spellings(s):
                owners[k].append((s, what, ex))
        for k in sorted(owners):
            for claim in self.conflict_sets(owners[k]):
                if len({id(s) for s, _, _ in claim}) < 2:
                    continue
                cur_claims = [(s, w) for s, w, _ in claim if s.curated]
                if len({id(s) for s, _ in cur_claims}) > 1:
                    names = sorted({s.id for s, _ in cur_claims})
                    fail(f"curated skills {names} share the spelling {k!r}")
                if cur_claims:
                    keeper = cur_claims[0][0]
                    why = "curated wins"
                else:
                    name_claims = [s for s, w, _ in claim if w == "name"]
                    keeper = sorted(name_claims, key=lambda x: x.order)[0] if name_claims else None
                    why = "name wins over alias" if keeper else "dropped from all"
                for s, what, _ in claim:
                    if s is keeper:
                        continue
                    if what == "name":
                        s.dropped = True  # type: ignore[attr-defined]
                        LOG.add("generated skill dropped: its name is another skill's spelling", f"{s.name} ({why})")
                        continue
                    self.remove_spelling(s, k)
                    LOG.add(f"alias collision resolved ({why})", f"{k}: {s.id}")
        self.skills = [s for s in self.skills if not getattr(s, "dropped", False)]
        self.by_id = {s.id: s for s in self.skills}
        # 3. plural collisions: 'foos' on one skill and 'foo' on another would both match
        #    the text "foos".  Curated wins; otherwise the plural alias is dropped.
        owners = collections.defaultdict(list)
        for s in self.skills:
            for what, text, k, ex in self.spellings(s):
                owners[k].append((s, what, ex))
        for k in sorted(owners):
            for sk in singular_forms(k):
                if sk not in owners:
                    continue
                for s, what, ex in owners[k]:
                    others = [o for o, _, oex in owners[sk] if o is not s and not (ex and oex)]
                    if not others:
                        continue
                    if s.curated and all(o.curated for o in others):
                        print(f"build_taxonomy: warning: curated plural overlap {k!r} ({s.id}) vs "
                              f"{sk!r} ({', '.join(sorted(o.id for o in others))})", file=sys.stderr)
                        LOG.add("curated plural overlap (warning)", f"{k}/{sk}")
                        continue
                    if s.curated:
                        for o in others:
                            if o.curated:
                                continue
                            if o.name_key() == sk:
                                o.dropped = True  # type: ignore[attr-defined]
                                LOG.add("generated skill dropped: its name is the singular of a curated spelling", o.name)
                            else:
                                self.remove_spelling(o, sk)
                                LOG.add("plural collision resolved (curated wins)", f"{sk}: {o.id}")
                        continue
                    if what == "name":
                        for o in others:
                            if not o.curated and o.name_key() != sk:
                                self.remove_spelling(o, sk)
                                LOG.add("plural collision resolved (name wins)", f"{sk}: {o.id}")
                        if any(o.curated or o.name_key() == sk for o in others):
                            s.dropped = True  # type: ignore[attr-defined]
                            LOG.add("generated skill dropped: its name is the plural of another skill's spelling", s.name)
                        continue
                    self.remove_spelling(s, k)
                    LOG.add("plural collision resolved (plural alias dropped)", f"{k}: {s.id}")
        self.skills = [s for s in self.skills if not getattr(s, "dropped", False)]
        self.by_id = {s.id: s for s in self.skills}
        for s in self.skills:
            s.implies = [i for i in s.implies if i in self.by_id]

    def remove_spelling(self, s: Skill, k: str) -> None:
        s.aliases = [a for a in s.aliases if norm(a) != k]
        s.cased = [c for c in s.cased if norm(c) != k]

    # ---- -ies plurals -----------------------------------------------------
    def add_ies_plurals(self) -> None:
        """The extractor strips only -s/-es, so "technologies" would never reach "technology":
        list the -ies form of every spelling that ends in consonant + y."""
        for s in self.skills:
            if s.ambiguous or s.kind in ("soft", "spoken_language") or (not s.curated and s.kind == "technology"):
                continue   # product names ("Ruby", "Symfony") and verb phrases have no -ies plural
            have = {norm(a) for a in s.aliases} | {s.name_key()}
            cased_keys = {norm(c) for c in s.cased}
            extra = []
            for text in [s.name] + s.aliases:
                if norm(text) in cased_keys:
                    continue
                toks = text.split(" ")
                last = toks[-1]
                if (len(last) > 3 and last[-1] in "yY" and last[-2].lower() not in "aeiouyl"
                        and last.isalpha() and not last.isupper()):
                    plural = " ".join(toks[:-1] + [last[:-1] + ("ies" if last[-1] == "y" else "IES")]).lower()
                    if norm(plural) not in have and text_ok(plural):
                        have.add(norm(plural))
                        extra.append(plural)
            if extra:
                LOG.add("-ies plural spelling added", f"{s.id}:{extra[0]}")
                s.aliases.extend(extra)

    # ---- final checks ----------------------------------------------------
    def finish(self) -> None:
        for s in self.skills:
            if not s.curated:
                # every generated spelling that is a single ordinary word must be cased; only
                # acronyms reach `cased`, so a generated skill is never `ambiguous`.
                s.aliases = sorted(dict.fromkeys(s.aliases), key=lambda a: (norm(a), a))
                s.cased = sorted(dict.fromkeys(s.cased))
            if s.ambiguous and not s.cased:
                fail(f"skill {s.id!r} is ambiguous but has no cased spelling")


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    WHITE, GREY, BLACK = 0, 1, 2
    color = {n: WHITE for n in graph}
    for root in sorted(graph):
        if color[root] != WHITE:
            continue
        stack = [(root, iter(sorted(graph[root])))]
        path = [root]
        color[root] = GREY
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                color[node] = BLACK
                stack.pop()
                path.pop()
                continue
            if nxt not in color:
                continue
            if color[nxt] == GREY:
                return path[path.index(nxt):] + [nxt]
            if color[nxt] == WHITE:
                color[nxt] = GREY
                stack.append((nxt, iter(sorted(graph[nxt]))))
                path.append(nxt)
    return None


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


HEADER = """\
# jobmatch skill taxonomy.
# Generated by scripts/build_taxonomy.py -- do not edit; edit data/curated.toml and rebuild:
#     python3 scripts/build_taxonomy.py --sources ../shared/data/taxonomy-sources
# Format and matching rules: data/README.md.  Data sources and licences: NOTICE.
# Contains information from O*NET 29.2 (USDOL/ETA, CC BY 4.0), the ESCO classification of the
# European Commission (v1.2.0), github/explore (CC-BY-4.0), GitHub Linguist languages (MIT) and
# the Tanova Open Skills Taxonomy 1.4.11 (CC BY 4.0), modified as described in NOTICE.
"""


def render(skills: list[Skill], stats_line: str) -> str:
    lines = [HEADER.rstrip("\n"), stats_line, ""]
    for s in sorted(skills, key=lambda x: x.id):
        lines.append(f"# from: {', '.join(sorted(s.sources, key=lambda x: (x != 'curated', x)))}")
        lines.append("[[skill]]")
        lines.append(f"id = {toml_str(s.id)}")
        lines.append(f"name = {toml_str(s.name)}")
        lines.append(f"kind = {toml_str(s.kind)}")
        lines.append(f"category = {toml_str(s.category)}")
        lines.append(f"aliases = {toml_list(s.aliases)}")
        if s.cased:
            lines.append(f"cased = {toml_list(s.cased)}")
        if s.implies:
            lines.append(f"implies = {toml_list(sorted(s.implies))}")
        if s.ambiguous:
            lines.append("ambiguous = true")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=DEFAULT_SOURCES,
                    help="folder holding the dataset folders (default: %(default)s, relative to the repo root)")
    ap.add_argument("--curated", default=str(REPO / "data" / "curated.toml"))
    ap.add_argument("--common-words", default=str(REPO / "data" / "common_words.txt"))
    ap.add_argument("--out", default=str(REPO / "data" / "skills.toml"))
    ap.add_argument("--report", action="store_true", help="print examples for every log counter")
    args = ap.parse_args(argv)

    src_root = Path(args.sources)
    if not src_root.is_absolute():
        src_root = (REPO / src_root) if (REPO / src_root).exists() else src_root.resolve()
    if not src_root.is_dir():
        fail(f"sources folder {src_root} not found")

    cur = load_curated(Path(args.curated), Path(args.common_words))
    words = Words(cur.common)
    b = Builder(cur, words)
    b.add_curated()

    per_source_raw = {}
    seq = 0
    for src in SOURCES:
        folder = src_root / SOURCE_DIRS[src]
        if not folder.is_dir():
            fail(f"dataset folder {folder} not found")
        cands = READERS[src](folder, cur, words)
        per_source_raw[src] = len(cands)
        for c in cands:
            seq += 1
            b.add_candidate(c, seq)
    b.apply_extend()
    b.apply_drops()
    b.add_ies_plurals()
    b.resolve_collisions()
    b.resolve_implies()
    b.finish()

    skills = b.skills
    by_kind = collections.Counter(s.kind for s in skills)
    n_cur = sum(1 for s in skills if s.curated)
    stats_line = f"# {len(skills)} skills ({n_cur} curated, {len(skills) - n_cur} generated)."
    text = render(skills, stats_line)
    Path(args.out).write_text(text, encoding="utf-8", newline="\n")

    print(f"wrote {args.out}: {len(skills)} skills ({n_cur} curated, {len(skills) - n_cur} generated), "
          f"{len(text.encode('utf-8'))} bytes")
    print("by kind: " + ", ".join(f"{k}={by_kind[k]}" for k in KINDS))
    src_count = collections.Counter()
    only = collections.Counter()
    for s in skills:
        for x in s.sources:
            src_count[x] += 1
        gen = sorted(x for x in s.sources if x != "curated")
        if not s.curated and gen:
            only[gen[0] if len(gen) == 1 else "several"] += 1
    print("skills per source (a skill may have several): " +
          ", ".join(f"{k}={src_count[k]}" for k in ("curated",) + SOURCES))
    print("generated skills by origin: " + ", ".join(f"{k}={only[k]}" for k in SOURCES + ("several",)))
    print("candidates read: " + ", ".join(f"{k}={v}" for k, v in per_source_raw.items()))
    for what in sorted(LOG.counts):
        line = f"  {LOG.counts[what]:6d}  {what}"
        if args.report and LOG.examples[what]:
            line += "   e.g. " + "; ".join(LOG.examples[what])
        print(line)
    if len(skills) < 3000:
        print(f"build_taxonomy: warning: only {len(skills)} skills (< 3000)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
