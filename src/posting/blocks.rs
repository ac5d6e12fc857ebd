//! From prepared markdown to the posting's blocks: headings, list items and sentences, each
//! with its source offset. Works on `pulldown-cmark` events, not on raw lines, so emphasis,
//! links, entities and list structure are CommonMark's; on top of that it recognises what
//! CommonMark cannot: a bold line or an ALL-CAPS line acting as a heading, a `**Label:** text`
//! line, a plain "Requirements:" label, and a bold pseudo-heading that CommonMark folded into
//! the previous list item as a lazy continuation line (it ends that item and opens a section).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A unit of the posting after structure is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: markdown (`level` 1–6) or inferred (`level` 7: bold line, label, capitals).
    Heading {
        text: String,
        level: u8,
        offset: usize,
    },
    /// A list item, its lines joined; `depth` 1 for top-level items (0 for a paragraph
    /// lead-in joined with the list under it, which stands at paragraph level).
    Item {
        text: String,
        depth: u8,
        offset: usize,
    },
    /// A paragraph's text outside lists; split into sentences by the caller.
    Paragraph { text: String, offset: usize },
    /// `Label: value` for a posting field written in the body (`**Location:** Remote`).
    Field {
        label: String,
        value: String,
        offset: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Heading(u8),
    Item(u32, u8),
    Para(u32),
}

/// One visual line of a container: text between soft or hard breaks.
#[derive(Debug, Default)]
struct Line {
    text: String,
    offset: Option<usize>,
    /// Text outside bold after the bold run that opens the line, if it opens with one.
    plain: String,
    /// The bold run that opens the line, if the line opens with one.
    lead_bold: Option<String>,
    /// Text after the leading bold run.
    after_lead: String,
    lead_open: bool,
}

pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        reader.event(event, range.start);
    }
    reader.flush_line();
    reader.flush_block();
    reader.out
}

#[derive(Default)]
struct Reader {
    out: Vec<Block>,
    container: Vec<Container>,
    next_id: u32,
    list_depth: u8,
    strong: u32,
    line: Line,
    /// Containers whose remaining lines must start a fresh paragraph (after a pseudo-heading).
    broken: Option<Container>,
    /// The block being built from consecutive lines of one container.
    open: Option<(Container, String, usize)>,
    in_code: bool,
}

impl Reader {
    fn current(&self) -> Option<Container> {
        self.container.last().copied()
    }

    fn fresh_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) | Event::Code(t) => {
                if self.in_code {
                    // Indented "code" in pasted plain text is prose: read it line by line.
                    for (k, part) in t.split('\n').enumerate() {
                        if k > 0 {
                            self.flush_line();
                        }
                        self.text(part, offset);
                    }
                } else {
                    self.text(&t, offset)
                }
            }
            Event::SoftBreak | Event::HardBreak => self.flush_line(),
            Event::InlineHtml(_) | Event::Html(_) => {}
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_line();
                self.flush_block();
                self.container
                    .push(Container::Heading(heading_level(level)));
            }
            Tag::Paragraph => {
                // A paragraph inside a list item belongs to the item.
                if !matches!(self.current(), Some(Container::Item(..))) {
                    self.flush_line();
                    self.flush_block();
                    let id = self.fresh_id();
                    self.container.push(Container::Para(id));
                } else {
                    self.flush_line();
                }
            }
            Tag::List(_) => {
                self.flush_line();
                self.flush_block();
                self.list_depth = self.list_depth.saturating_add(1);
            }
            Tag::Item => {
                self.flush_line();
                self.flush_block();
                let id = self.fresh_id();
                self.container
                    .push(Container::Item(id, self.list_depth.max(1)));
            }
            Tag::CodeBlock(_) => {
                self.flush_line();
                self.flush_block();
                let id = self.fresh_id();
                self.container.push(Container::Para(id));
                self.in_code = true;
            }
            Tag::TableCell if !self.line.text.is_empty() => {
                self.line.text.push_str("; ");
            }
            Tag::TableRow | Tag::TableHead => {
                self.flush_line();
                self.flush_block();
                let id = self.fresh_id();
                self.container.push(Container::Para(id));
            }
            Tag::Strong => {
                if self.line.text.trim().is_empty() && self.line.lead_bold.is_none() {
                    self.line.lead_open = true;
                    self.line.lead_bold = Some(String::new());
                }
                self.strong += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead => {
                self.flush_line();
                self.flush_block();
                self.container.pop();
            }
            TagEnd::Paragraph => {
                if matches!(self.current(), Some(Container::Para(_))) {
                    self.flush_line();
                    self.flush_block();
                    self.container.pop();
                } else {
                    self.flush_line();
                }
            }
            TagEnd::CodeBlock => {
                self.flush_line();
                self.flush_block();
                self.container.pop();
                self.in_code = false;
            }
            TagEnd::List(_) => {
                self.flush_line();
                self.flush_block();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::Strong => {
                self.strong = self.strong.saturating_sub(1);
                if self.strong == 0 {
                    self.line.lead_open = false;
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str, offset: usize) {
        if self.line.offset.is_none() && !t.trim().is_empty() {
            self.line.offset = Some(offset);
        }
        self.line.text.push_str(t);
        if self.line.lead_open {
            if let Some(lead) = self.line.lead_bold.as_mut() {
                lead.push_str(t);
            }
        } else {
            // Text outside bold only matters on a line that opens in bold, and whatever came
            // before that bold run was white space.
            if self.line.lead_bold.is_some() {
                self.line.after_lead.push_str(t);
                if self.strong == 0 {
                    self.line.plain.push_str(t);
                }
            }
        }
    }

    /// Ends one visual line and decides what it is.
    fn flush_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let Some(offset) = line.offset else {
            return;
        };
        let Some(container) = self.current() else {
            return;
        };
        let text = clean(&line.text);
        if text.is_empty() {
            return;
        }
        if let Container::Heading(level) = container {
            self.append(container, &text, offset);
            let _ = level;
            return;
        }
        let plain_rest = line
            .plain
            .trim()
            .trim_matches(|c: char| c == ':' || c == '*' || c.is_whitespace());
        if let Some(lead) = &line.lead_bold {
            let label = clean(lead);
            // A whole line in bold: a pseudo-heading, even inside a list item (lazy
            // continuation).
            if plain_rest.is_empty() && clean_looks_like_heading(&label) {
                self.heading(container, &label, offset);
                return;
            }
            // "**Label:** text" / "**Label** text" opening a line.
            let rest = clean(line.after_lead.trim_start_matches([':', ' ', '*']));
            let colon =
                lead.trim_end().ends_with(':') || line.after_lead.trim_start().starts_with(':');
            if let Some(field) = field_label(&label) {
                self.flush_block();
                self.out.push(Block::Field {
                    label: field.to_string(),
                    value: rest,
                    offset,
                });
                return;
            }
            let known = super::section::classify(&label).is_some();
            let is_item = matches!(container, Container::Item(..));
            // An unknown label opens a section only when nothing follows it on the line:
            // "**Reports to:** Engineering Manager" is content, "**Perks:**" a heading.
            if clean_looks_like_heading(&label) && (known || (colon && !is_item && rest.is_empty()))
            {
                self.heading(container, &label, offset);
                if !rest.is_empty() {
                    let id = self.fresh_id();
                    self.append(Container::Para(id), &rest, offset);
                }
                return;
            }
        }
        if let Container::Para(_) = container {
            let is_first_line = !matches!(self.open, Some((c, _, _)) if c == container);
            // "Requirements:" — a short plain label.
            if let Some(label) = text.strip_suffix(':')
                && looks_like_heading(label)
                && label.split_whitespace().count() <= 6
            {
                if let Some(field) = field_label(label) {
                    let _ = field;
                } else {
                    self.heading(container, label, offset);
                    return;
                }
            }
            // "Location: Remote" — a field written as a plain line.
            if let Some((label, value)) = text.split_once(':')
                && let Some(field) = field_label(label)
                && !value.trim().is_empty()
            {
                self.flush_block();
                self.out.push(Block::Field {
                    label: field.to_string(),
                    value: clean(value),
                    offset,
                });
                return;
            }
            if all_caps_heading(&text) && (is_first_line || text.len() < 60) {
                self.heading(container, &text, offset);
                return;
            }
        }
        let container = match self.broken {
            Some(b) if b == container => {
                // Lines after a pseudo-heading inside an item or paragraph start a new paragraph.
                let id = self.fresh_id();
                let fresh = Container::Para(id);
                self.broken = None;
                self.flush_block();
                if let Some(c) = self.container.last_mut() {
                    *c = fresh;
                }
                fresh
            }
            _ => container,
        };
        self.append(container, &text, offset);
    }

    fn heading(&mut self, container: Container, text: &str, offset: usize) {
        self.flush_block();
        self.out.push(Block::Heading {
            text: clean(text).trim_end_matches(':').trim().to_string(),
            level: 7,
            offset,
        });
        self.broken = Some(container);
    }

    /// Adds a line to the open block of `container`; `text` is clean and not empty.
    fn append(&mut self, container: Container, text: &str, offset: usize) {
        debug_assert!(!text.is_empty() && clean(text) == text, "{text:?}");
        match &mut self.open {
            Some((c, buf, _)) if *c == container => {
                buf.push(' ');
                buf.push_str(text);
            }
            _ => {
                self.flush_block();
                self.open = Some((container, text.to_string(), offset));
            }
        }
    }

    fn flush_block(&mut self) {
        // Every piece appended was cleaned and is not empty, so the text is clean.
        let Some((container, text, offset)) = self.open.take() else {
            return;
        };
        if text.is_empty() {
            return;
        }
        self.out.push(match container {
            Container::Heading(level) => Block::Heading {
                text: text.trim_end_matches(':').trim().to_string(),
                level,
                offset,
            },
            Container::Item(_, depth) => Block::Item {
                text,
                depth,
                offset,
            },
            Container::Para(_) => Block::Paragraph { text, offset },
        });
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whitespace collapsed; stray emphasis markers left by unbalanced `**` removed. Cleaning
/// clean text changes nothing, and clean texts joined by a space are clean.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    // Words between runs of whitespace (what `str::split_whitespace` gives), read a byte at a
    // time where they are ASCII, noting on the way whether a word holds a '*' and whether it
    // is nothing but emphasis markers.
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            if is_ascii_space(bytes[i]) {
                i += 1;
                continue;
            }
        } else if let (true, len) = char_at(text, i) {
            i += len;
            continue;
        }
        let start = i;
        let (mut star, mut markers_only) = (false, true);
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                star |= b == b'*';
                markers_only &= b == b'*' || b == b'_';
                i += 1;
            } else {
                let (space, len) = char_at(text, i);
                if space {
                    break;
                }
                markers_only = false;
                i += len;
            }
        }
        let word = &text[start..i];
        if markers_only {
            continue;
        }
        if !star {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            continue;
        }
        // Leading and trailing "**" runs go, then every other "**", scanning left to right
        // (what `replace("**", "")` does), without a substring searcher per word.
        let mut w = word;
        while let Some(rest) = w.strip_prefix("**") {
            w = rest;
        }
        while let Some(rest) = w.strip_suffix("**") {
            w = rest;
        }
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let bytes = w.as_bytes();
        let (mut from, mut i) = (0, 0);
        while i + 1 < bytes.len() {
            if bytes[i] == b'*' && bytes[i + 1] == b'*' {
                out.push_str(&w[from..i]);
                i += 2;
                from = i;
            } else {
                i += 1;
            }
        }
        out.push_str(&w[from..]);
    }
    out
}

/// The ASCII characters `char::is_whitespace` accepts.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether the character at byte `i` of `text` (a character boundary) is whitespace, and its
/// length.
#[inline]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes()[i] {
        b @ 0..0x80 => (is_ascii_space(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// Short enough, and not a sentence, to be a heading.
fn looks_like_heading(text: &str) -> bool {
    clean_looks_like_heading(&clean(text))
}

/// [`looks_like_heading`] for a text already cleaned.
fn clean_looks_like_heading(text: &str) -> bool {
    let t = text.trim_end_matches(':').trim();
    let words = t.split_whitespace().count();
    (1..=12).contains(&words)
        && t.len() <= 100
        && t.chars().any(|c| c.is_alphabetic())
        && !t.ends_with(['.', '!', '?', ','])
}

/// "REQUIREMENTS", "MINIMUM QUALIFICATIONS": a short line of capitals is a heading.
fn all_caps_heading(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 4 && text.split_whitespace().count() <= 8 && !text.ends_with(['.', ',', ';'])
}

/// Labels that introduce a posting field rather than a section.
fn field_label(label: &str) -> Option<&'static str> {
    let l = label
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase();
    Some(match l.as_str() {
        "title" | "job title" | "position" | "position title" | "role" | "job" => "title",
        "company" | "employer" | "organization" | "organisation" | "hiring company" => "company",
        "location" | "job location" | "locations" | "office" | "based in" | "work location" => {
            "location"
        }
        "type" | "job type" | "employment type" | "employment" | "contract" | "contract type"
        | "schedule" => "employment_type",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `clean` as first written, with a substring search per word.
    fn clean_reference(text: &str) -> String {
        let mut out = String::new();
        for word in text.split_whitespace() {
            if word.chars().all(|c| c == '*' || c == '_') {
                continue;
            }
            let word = word
                .trim_start_matches("**")
                .trim_end_matches("**")
                .replace("**", "");
            if word.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
        out
    }

    #[test]
    fn clean_matches_the_substring_version() {
        for text in [
            "**Skills:** Rust",
            "a***b ***c*** **** _ __ d**e**f",
            "***x *y* **z",
            "  é**ü**  ****é  ",
            "*",
            "**a**b**",
            "___ a_b __",
            "x\u{a0}**y**\u{2003}z",
            " a  b\tc\u{0b}d\u{0c}e\r\nf ",
            "non\u{a0}breaking\u{2003}em\u{3000}ideographic\u{85}next",
            "é ü\u{1c}x **é**\u{a0}_é_",
            "",
            "   ",
        ] {
            assert_eq!(clean(text), clean_reference(text), "{text:?}");
            assert_eq!(clean(&clean(text)), clean(text), "{text:?}");
        }
    }

    fn kinds(md: &str) -> Vec<String> {
        blocks(md)
            .into_iter()
            .map(|b| match b {
                Block::Heading { text, .. } => format!("H:{text}"),
                Block::Item { text, .. } => format!("I:{text}"),
                Block::Paragraph { text, .. } => format!("P:{text}"),
                Block::Field { label, value, .. } => format!("F:{label}={value}"),
            })
            .collect()
    }

    #[test]
    fn bold_line_folded_into_item_is_a_heading() {
        assert_eq!(
            kinds("- one\n**What You'll Do**:\n- two\n"),
            ["I:one", "H:What You'll Do", "I:two"]
        );
    }

    #[test]
    fn item_broken_mid_sentence_is_one_item() {
        assert_eq!(
            kinds("- Basic knowledge (i.e.\nOS courses); Containers\n- next\n"),
            ["I:Basic knowledge (i.e. OS courses); Containers", "I:next"]
        );
    }

    #[test]
    fn label_with_text_on_one_line() {
        assert_eq!(
            kinds("intro\n**Your Role and Responsibilities** As an intern you**:\n- Have APIs\n"),
            [
                "P:intro",
                "H:Your Role and Responsibilities",
                "P:As an intern you:",
                "I:Have APIs"
            ]
        );
        assert_eq!(kinds("**Location:** Remote\n"), ["F:location=Remote"]);
    }

    #[test]
    fn plain_labels_and_capitals() {
        assert_eq!(
            kinds("REQUIREMENTS\n\nRequirements:\n- a\n"),
            ["H:REQUIREMENTS", "H:Requirements", "I:a"]
        );
    }

    #[test]
    fn setext_and_atx() {
        assert_eq!(
            kinds("Title\n=====\n\n## Skills\ntext\n"),
            ["H:Title", "H:Skills", "P:text"]
        );
    }
}
