//! Writes a loaded taxonomy and its extractor as Rust statics (for `build.rs`; the output is
//! included by [`super::frozen`]). Strings are written with `{:?}`, which produces valid Rust
//! string literals for any text.

use std::fmt::Write;

use super::extract::Extractor;
use super::taxonomy::{Kind, Taxonomy};

fn kind_path(kind: Kind) -> &'static str {
    match kind {
        Kind::Technology => "Kind::Technology",
        Kind::Domain => "Kind::Domain",
        Kind::Method => "Kind::Method",
        Kind::Certification => "Kind::Certification",
        Kind::SpokenLanguage => "Kind::SpokenLanguage",
        Kind::Soft => "Kind::Soft",
    }
}

fn strs<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let inner: Vec<String> = items.into_iter().map(|s| format!("B({s:?})")).collect();
    format!("B(&[{}])", inner.join(","))
}

fn ids(items: impl IntoIterator<Item = u32>) -> String {
    let inner: Vec<String> = items.into_iter().map(|i| format!("SkillId({i})")).collect();
    format!("B(&[{}])", inner.join(","))
}

/// Writes `static NAME: &[TY]` with one `row` per item.
fn static_slice<T>(
    out: &mut String,
    name: &str,
    ty: &str,
    items: impl IntoIterator<Item = T>,
    row: impl Fn(T) -> String,
) {
    let _ = writeln!(out, "pub(super) static {name}: &[{ty}] = &[");
    for item in items {
        out.push_str(&row(item));
        out.push_str(",\n");
    }
    out.push_str("];\n");
}

pub fn to_rust(taxonomy: &Taxonomy, extractor: &Extractor) -> String {
    let mut out = String::with_capacity(4 << 20);
    out.push_str("use std::borrow::Cow::Borrowed as B;\n");
    out.push_str("pub(super) static SKILLS: &[Skill] = &[\n");
    for (_, s) in taxonomy.skills() {
        let _ = writeln!(
            out,
            "Skill{{id:B({:?}),name:B({:?}),kind:{},category:B({:?}),aliases:{},cased:{},implies:{},ambiguous:{}}},",
            &*s.id,
            &*s.name,
            kind_path(s.kind),
            &*s.category,
            strs(s.aliases.iter().map(|a| &**a)),
            strs(s.cased.iter().map(|a| &**a)),
            ids(s.implies.iter().map(|i| i.0)),
            s.ambiguous
        );
    }
    out.push_str("];\n");
    for (name, list) in [
        ("BY_ID", &taxonomy.by_id),
        ("BY_KEY", &taxonomy.by_key),
        ("BY_CASED", &taxonomy.by_cased),
    ] {
        let _ = writeln!(out, "pub(super) static {name}: &[(Str, SkillId)] = &[");
        for (k, v) in list.iter() {
            let _ = writeln!(out, "(B({:?}),SkillId({})),", &**k, v.0);
        }
        out.push_str("];\n");
    }
    out.push_str("pub(super) static CLOSURE: &[List<SkillId>] = &[\n");
    for c in taxonomy.closure.iter() {
        let _ = writeln!(out, "{},", ids(c.iter().map(|i| i.0)));
    }
    out.push_str("];\n");
    // The extractor: plain integers and one string, so its statics hold a single pointer.
    for (name, table) in [("ROOT", &extractor.root), ("EDGES", &extractor.edges)] {
        static_slice(&mut out, name, "Slot", table.iter(), |s| {
            format!(
                "Slot{{prefix:{},key:{},child:{}}}",
                s.prefix, s.key, s.child
            )
        });
    }
    static_slice(&mut out, "NODES", "Node", extractor.nodes.iter(), |n| {
        format!(
            "Node{{parent:{},token:{},token_len:{},end:{}}}",
            n.parent, n.token, n.token_len, n.end
        )
    });
    static_slice(
        &mut out,
        "TERMINALS",
        "Terminal",
        extractor.terminals.iter(),
        |t| {
            format!(
                "Terminal{{skill:SkillId({}),cased:{},cased_len:{},ambiguous:{}}}",
                t.skill.0, t.cased, t.cased_len, t.ambiguous
            )
        },
    );
    let _ = writeln!(
        out,
        "pub(super) static TEXT: &str = {:?};",
        &*extractor.text
    );
    let _ = writeln!(out, "pub(super) const DEPTH: u32 = {};", extractor.depth);
    out
}
