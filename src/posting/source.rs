//! Preparing raw posting text for the markdown reader without losing track of lines.
//!
//! Postings arrive as markdown, as plain text pasted from a PDF or a job board (CRLF, `●`
//! bullets, `##Heading` with no space), and as HTML fragments from applicant tracking systems.
//! This module turns all of them into one CommonMark text and keeps, for every line of it, the
//! line of the original file it came from, so errors and requirements point at the real line.
//! Front matter is taken out here (its lines blanked) and handed over as key/value pairs.

use std::collections::BTreeMap;

use crate::error::LineIndex;

/// Markdown ready for `pulldown-cmark`, with the original line of each of its lines.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub text: String,
    /// `origin[i]` is the 1-based original line of line `i` (0-based) of `text`.
    origin: Vec<u32>,
    /// Line starts of `text`, so mapping an offset costs O(log n), not a scan of the text.
    lines: LineIndex,
    /// Front matter keys, lower-cased, with scalar values (lists joined with ", ").
    pub front_matter: BTreeMap<String, String>,
}

impl Prepared {
    /// The original 1-based line of byte `offset` of `text`.
    pub fn line_at(&self, offset: usize) -> u32 {
        let line = self.lines.line(offset) as usize;
        self.origin.get(line - 1).copied().unwrap_or(line as u32)
    }
}

pub fn prepare(raw: &str) -> Prepared {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut text = raw.replace("\r\n", "\n").replace('\r', "\n");
    // CommonMark's rule for NUL, applied to HTML and plain text too: no NUL reaches the output.
    if text.contains('\0') {
        text = text.replace('\0', "\u{fffd}");
    }
    let front_matter = take_front_matter(&mut text);
    let text = fix_lines(&text);
    if looks_like_html(&text) {
        let (text, origin) = html_to_markdown(&text);
        Prepared {
            lines: LineIndex::new(&text),
            text,
            origin,
            front_matter,
        }
    } else {
        let count = text.bytes().filter(|&b| b == b'\n').count() + 1;
        Prepared {
            lines: LineIndex::new(&text),
            text,
            origin: (1..=count as u32).collect(),
            front_matter,
        }
    }
}

/// Finds YAML (`---`), TOML (`+++`) or comment-wrapped (`<!-- --- ... --- -->`) front matter at
/// the top, parses its top-level keys and blanks its lines. Front matter that never closes is
/// left as body text.
fn take_front_matter(text: &mut String) -> BTreeMap<String, String> {
    // Most postings open with neither fence: say so before splitting the text into lines.
    let opening = text.trim_start().split('\n').next().unwrap_or("");
    if !["---", "+++", "<!--"]
        .iter()
        .any(|f| opening.starts_with(f))
    {
        return BTreeMap::new();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut first = 0;
    while first < lines.len() && lines[first].trim().is_empty() {
        first += 1;
    }
    let Some(&opening) = lines.get(first) else {
        return BTreeMap::new();
    };
    let (start, fence, comment) = match opening.trim_end() {
        "---" => (first, "---", false),
        "+++" => (first, "+++", false),
        "<!--" if lines.get(first + 1).map(|l| l.trim_end()) == Some("---") => {
            (first + 1, "---", true)
        }
        // "<!-- ---" on one line.
        line if line.strip_prefix("<!--").map(str::trim) == Some("---") => (first, "---", true),
        _ => return BTreeMap::new(),
    };
    let closes_comment =
        |line: &str| comment && line.strip_suffix("-->").map(str::trim) == Some(fence);
    let Some(close) = (start + 1..lines.len()).find(|&i| {
        let l = lines[i].trim_end();
        l == fence || (fence == "---" && l == "...") || closes_comment(l)
    }) else {
        return BTreeMap::new();
    };
    let mut end = close;
    if comment && !closes_comment(lines[close].trim_end()) {
        match (close + 1..lines.len()).find(|&i| !lines[i].trim().is_empty()) {
            Some(i) if lines[i].trim() == "-->" => end = i,
            _ => return BTreeMap::new(),
        }
    }
    let body = &lines[start + 1..close];
    let keys = if fence == "+++" {
        toml_keys(&body.join("\n"))
    } else {
        yaml_keys(body)
    };
    let blanked: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if (first..=end).contains(&i) { "" } else { l })
        .collect();
    *text = blanked.join("\n");
    keys
}

/// Top-level `key: value` pairs of a YAML block, and `key:` followed by `- item` lists.
fn yaml_keys(lines: &[&str]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut list_key: Option<String> = None;
    for line in lines {
        if let Some(item) = line.trim_start().strip_prefix("- ")
            && line.starts_with([' ', '-'])
        {
            if let Some(key) = &list_key {
                let entry: &mut String = out.entry(key.clone()).or_default();
                if !entry.is_empty() {
                    entry.push_str(", ");
                }
                entry.push_str(unquote(item.trim()));
            }
            continue;
        }
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        list_key = None;
        if value.is_empty() {
            list_key = Some(key);
            continue;
        }
        let value = if value.starts_with('[') && value.ends_with(']') {
            value[1..value.len() - 1]
                .split(',')
                .map(|v| unquote(v.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            unquote(value).to_string()
        };
        out.insert(key, value);
    }
    out
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

fn toml_keys(body: &str) -> BTreeMap<String, String> {
    let Ok(table) = body.parse::<toml::Table>() else {
        return yaml_keys(&body.split('\n').map(|l| l.trim_end()).collect::<Vec<_>>())
            .into_iter()
            .map(|(k, v)| (k, v.replace(" = ", "")))
            .collect();
    };
    table
        .into_iter()
        .filter_map(|(k, v)| {
            let value = match v {
                toml::Value::String(s) => s,
                toml::Value::Array(items) => items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                _ => return None,
            };
            Some((k.to_ascii_lowercase(), value))
        })
        .collect()
}

/// Line-by-line repairs that keep the line count: `##Heading` → `## Heading`; typographic
/// bullets (`●`, `•`, `▪`, ...) → `- `.
fn fix_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes)
            && trimmed[hashes..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic())
        {
            out.push_str(indent);
            out.push_str(&trimmed[..hashes]);
            out.push(' ');
            out.push_str(&trimmed[hashes..]);
            continue;
        }
        let mut chars = trimmed.chars();
        if let Some(
            b @ ('●' | '•' | '▪' | '◦' | '‣' | '∙' | '·' | '○' | '■' | '►' | '➢' | '✓' | '✔'),
        ) = chars.next()
        {
            let rest = chars.as_str().trim_start();
            let _ = b;
            out.push_str(indent);
            out.push_str("- ");
            out.push_str(rest);
            continue;
        }
        out.push_str(line);
    }
    out
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "li",
    "ul",
    "ol",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
];

fn looks_like_html(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "<p>", "<p ", "<li>", "<li ", "<br", "<div", "<ul>", "<dl", "<h2", "<h3", "<table",
    ];
    // Any case, without a lower-cased copy of the text: every tag starts with '<'.
    let t = text.as_bytes();
    t.iter().enumerate().any(|(at, &b)| {
        b == b'<'
            && TAGS.iter().any(|tag| {
                t[at..].len() >= tag.len()
                    && t[at..at + tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            })
    })
}

/// Rewrites HTML into the markdown the section parser reads: block tags become line breaks,
/// `<li>` a bullet, `<hN>` a heading, `<strong>`/`<b>` bold; scripts, styles and comments are
/// dropped with their content; entities are decoded; indentation is removed (it would read as
/// code). Markdown already in the text passes through.
fn html_to_markdown(text: &str) -> (String, Vec<u32>) {
    let mut w = LineWriter::default();
    let mut src_line = 1u32;
    let mut depth = 0usize; // list depth
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            src_line += 1;
            w.newline(1);
            i += 1;
            continue;
        }
        if c == b'<' {
            if text[i..].starts_with("<!--") {
                let end = text[i..]
                    .find("-->")
                    .map(|e| i + e + 3)
                    .unwrap_or(bytes.len());
                src_line += text[i..end].matches('\n').count() as u32;
                i = end;
                continue;
            }
            if let Some((tag, closing, len)) = parse_tag(&text[i..]) {
                src_line += text[i..i + len].matches('\n').count() as u32;
                i += len;
                if !closing && (tag == "script" || tag == "style") {
                    let close = format!("</{tag}");
                    // Never lower-case the rest of the text per tag: that is quadratic in
                    // the number of scripts.
                    let end = find_ascii_ci(&text[i..], &close)
                        .map(|e| i + e)
                        .unwrap_or(bytes.len());
                    src_line += text[i..end].matches('\n').count() as u32;
                    i = end;
                    if let Some(gt) = text[i..].find('>') {
                        i += gt + 1;
                    }
                    continue;
                }
                match (tag.as_str(), closing) {
                    ("br", _) => w.newline(1),
                    ("li", false) => {
                        w.newline(2);
                        w.push_str(&"  ".repeat(depth.saturating_sub(1)), src_line);
                        w.push_str("- ", src_line);
                    }
                    ("ul" | "ol", false) => {
                        depth += 1;
                        w.newline(2);
                    }
                    ("ul" | "ol", true) => {
                        depth = depth.saturating_sub(1);
                        w.newline(2);
                    }
                    ("strong" | "b", _) => w.push_str("**", src_line),
                    (h, false)
                        if h.len() == 2
                            && h.starts_with('h')
                            && h.as_bytes()[1].is_ascii_digit() =>
                    {
                        w.newline(2);
                        let level = (h.as_bytes()[1] - b'0') as usize;
                        w.push_str(&"#".repeat(level.clamp(1, 6)), src_line);
                        w.push_str(" ", src_line);
                    }
                    (t, _) if BLOCK_TAGS.contains(&t) => {
                        w.newline(if depth > 0 && t != "p" { 1 } else { 2 })
                    }
                    _ => {}
                }
                continue;
            }
        }
        if c == b'&'
            && let Some((decoded, len)) = decode_entity(&text[i..])
        {
            // `&lt;b&gt;` is the text "<b>": escaped, so the markdown reader does not take it
            // for a tag (or `&#42;` for emphasis).
            for c in decoded.chars() {
                if c.is_ascii_punctuation() {
                    w.push_char('\\', src_line);
                }
                w.push_char(c, src_line);
            }
            i += len;
            continue;
        }
        // Plain text up to the next line break, tag or entity, copied at once; spaces and tabs
        // that would open a line (and read as code) left out.
        let end = bytes[i + 1..]
            .iter()
            .position(|&b| matches!(b, b'\n' | b'<' | b'&'))
            .map_or(bytes.len(), |e| i + 1 + e);
        let mut run = &text[i..end];
        if w.at_line_start() {
            run = run.trim_start_matches([' ', '\t']);
        }
        w.push_str(run, src_line);
        i = end;
    }
    w.finish()
}

/// `<tag ...>` or `</tag>` at the start of `s`: (lower-case name, closing, byte length).
fn parse_tag(s: &str) -> Option<(String, bool, usize)> {
    let rest = s.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let after = &rest[name_len..];
    if !after.starts_with(['>', ' ', '/', '\n', '\t']) {
        return None;
    }
    // Stop at the first `<` as well: scanning on to a distant `>` for every `<` of a text with
    // many unclosed tags would be quadratic.
    let gt = after.find(['<', '>'])?;
    if after.as_bytes()[gt] == b'<' {
        return None;
    }
    let len = s.len() - after.len() + gt + 1;
    Some((rest[..name_len].to_ascii_lowercase(), closing, len))
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `haystack`.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let first = n.first()?.to_ascii_lowercase();
    (0..h.len().saturating_sub(n.len() - 1))
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Decodes one entity at the start of `s`: (text, byte length). Numeric entities for control
/// characters (`&#27;`, `&#10;`) decode to a space: an escape sequence or a line break must not
/// enter the text through an entity.
pub fn decode_entity(s: &str) -> Option<(String, usize)> {
    // Bytes, not a `str` slice: byte 12 may fall inside a multi-byte character.
    let semi = s.as_bytes()[..s.len().min(12)]
        .iter()
        .position(|&b| b == b';')?;
    let body = s.get(1..semi)?;
    let text = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => {
                num.parse().ok()?
            }
            _ => return None,
        };
        let c = char::from_u32(code).filter(|c| *c != '\0')?;
        if c.is_control() { ' ' } else { c }.to_string()
    } else {
        match body {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => " ",
            "rsquo" | "lsquo" => "'",
            "ldquo" | "rdquo" => "\"",
            "mdash" => "—",
            "ndash" => "–",
            "hellip" => "…",
            "bull" | "middot" => "·",
            "copy" => "©",
            "reg" => "®",
            "trade" => "™",
            _ => return None,
        }
        .to_string()
    };
    Some((text, semi + 1))
}

/// Output text plus the original line of each output line; collapses runs of blank lines.
#[derive(Default)]
struct LineWriter {
    out: String,
    origin: Vec<u32>,
    /// Newlines owed before the next text (1 = line break, 2 = paragraph break).
    pending: usize,
}

impl LineWriter {
    fn newline(&mut self, n: usize) {
        self.pending = self.pending.max(n);
    }

    fn at_line_start(&self) -> bool {
        self.pending > 0 || self.out.is_empty() || self.out.ends_with('\n')
    }

    /// Pushes `s`, which holds no line break.
    fn push_str(&mut self, s: &str, line: u32) {
        if s.is_empty() {
            return;
        }
        self.owed_lines(line);
        self.out.push_str(s);
    }

    fn push_char(&mut self, c: char, line: u32) {
        self.owed_lines(line);
        self.out.push(c);
    }

    /// Writes the line breaks owed before the next text.
    fn owed_lines(&mut self, line: u32) {
        if self.origin.is_empty() {
            self.origin.push(line);
        }
        if self.pending > 0 {
            if !self.out.is_empty() {
                for _ in 0..self.pending {
                    self.out.push('\n');
                    self.origin.push(line);
                }
            }
            self.pending = 0;
        }
    }

    fn finish(self) -> (String, Vec<u32>) {
        (self.out, self.origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_read_and_blanked() {
        let p = prepare("---\ntitle: \"Dev\"\ntags:\n  - python\n  - sql\n---\n# Body\n");
        assert_eq!(p.front_matter["title"], "Dev");
        assert_eq!(p.front_matter["tags"], "python, sql");
        assert!(!p.text.contains("title"));
        assert_eq!(p.line_at(p.text.find("# Body").unwrap()), 7);
    }

    #[test]
    fn comment_wrapped_and_toml_front_matter() {
        let p = prepare("<!--\n---\ntitle: X\n---\n-->\nBody\n");
        assert_eq!(p.front_matter["title"], "X");
        let p = prepare("<!-- ---\ntitle: X2\n--- -->\nBody\n");
        assert_eq!(p.front_matter["title"], "X2");
        let p = prepare("+++\ntitle = \"Y\"\ncompany = \"Z\"\n+++\nBody\n");
        assert_eq!(p.front_matter["company"], "Z");
    }

    #[test]
    fn unclosed_front_matter_stays_text() {
        let p = prepare("---\ntitle: X\nno end\n");
        assert!(p.front_matter.is_empty());
        assert!(p.text.contains("title: X"));
    }

    #[test]
    fn html_becomes_markdown_with_original_lines() {
        let p =
            prepare("<p><strong>Requirements</strong></p>\n<ul>\n  <li>Rust &amp; C</li>\n</ul>\n");
        assert!(p.text.contains("**Requirements**"), "{}", p.text);
        assert!(p.text.contains("- Rust \\& C"), "{}", p.text);
        assert_eq!(p.line_at(p.text.find("- Rust").unwrap()), 3);
    }

    #[test]
    fn plain_text_repairs_keep_lines() {
        let p = prepare("TITLE\r\n\r\n● one\r\n##Two\r\n");
        assert_eq!(p.text, "TITLE\n\n- one\n## Two\n");
    }

    // Found by the `posting` fuzz target: the 12-byte look-ahead for `;` sliced a `str` inside
    // a multi-byte character and panicked.
    #[test]
    fn entity_lookahead_inside_a_multibyte_char() {
        assert_eq!(decode_entity("&abcdefghi\u{fffd}x;"), None);
        assert_eq!(decode_entity("&amp\u{fffd};"), None);
        assert_eq!(decode_entity("&\u{1f600};"), None);
        let fuzzed =
            include_bytes!("../../tests/hostile/regressions/entity-before-multibyte-char.md");
        let _ = prepare(&String::from_utf8_lossy(fuzzed));
    }

    #[test]
    fn entities_never_decode_to_controls_or_markup() {
        assert_eq!(decode_entity("&#27;[31m").unwrap().0, " ");
        assert_eq!(decode_entity("&#x7;").unwrap().0, " ");
        assert_eq!(decode_entity("&#10;").unwrap().0, " ");
        assert_eq!(decode_entity("&#0;"), None);
        assert_eq!(decode_entity("&#x110000;"), None);
        assert_eq!(decode_entity("&#99999999999;"), None);
        assert_eq!(decode_entity("&#+65;"), None);
        assert_eq!(decode_entity("&#x;"), None);
        assert_eq!(decode_entity("&#;"), None);
        assert_eq!(decode_entity("&#x41;").unwrap(), ("A".to_string(), 6));
        let p = prepare("<p>&lt;b&gt; &#42;not bold&#42;</p>");
        assert_eq!(p.text, "\\<b\\> \\*not bold\\*");
    }

    #[test]
    fn script_close_tag_found_in_any_case() {
        assert_eq!(find_ascii_ci("abc</ScRiPt>", "</script"), Some(3));
        assert_eq!(find_ascii_ci("</scrip", "</script"), None);
        assert_eq!(find_ascii_ci("", "</script"), None);
        let p = prepare("<p>keep</p><SCRIPT>drop</script ><p>kept\u{e9}</p>");
        assert_eq!(p.text, "keep\n\nkept\u{e9}");
    }
}
