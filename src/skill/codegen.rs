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
    out.push_str("pub(super) static NODES: &[Node] = &[\n");
    for n in extractor.nodes.iter() {
        let children: Vec<String> = n
            .children
            .iter()
            .map(|(t, c)| format!("(B({:?}),{c})", &**t))
            .collect();
        let terminals: Vec<String> = n
            .terminals
            .iter()
            .map(|t| {
                format!(
                    "Terminal{{skill:SkillId({}),cased:{},ambiguous:{}}}",
                    t.skill.0,
                    match &t.cased {
                        None => "None".to_string(),
                        Some(c) => format!("Some({})", strs(c.iter().map(|s| &**s))),
                    },
                    t.ambiguous
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "Node{{children:B(&[{}]),terminals:B(&[{}])}},",
            children.join(","),
            terminals.join(",")
        );
    }
    out.push_str("];\n");
    let root: Vec<String> = extractor
        .root
        .iter()
        .map(|s| {
            format!(
                "RootSlot{{prefix:{},hash:{},index:{},child:{}}}",
                s.prefix, s.hash, s.index, s.child
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "pub(super) static ROOT: &[RootSlot] = &[{}];",
        root.join(",")
    );
    out
}
