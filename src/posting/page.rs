//! Whole HTML pages saved from a careers site or a job board: the JSON-LD blocks they carry,
//! and their main text.
//!
//! The main text is the content of `<main>`, else of the first `<article>`, else of `<body>`,
//! with navigation, scripts, styles and (for `<body>`) the page header and footer dropped.
//! Everything dropped is replaced by its line breaks only, so the HTML that is left keeps the
//! line numbers of the saved file when [`super::source`] turns it into markdown.

/// True for a whole page rather than a fragment pasted from an applicant tracking system.
pub fn is_page(text: &str) -> bool {
    let head = text.get(..text.len().min(4096)).unwrap_or(text);
    let lower = head.trim_start().to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.contains("<body")
        || lower.contains("<head>")
}

/// The text of every `<script type="application/ld+json">` block, in page order.
pub fn json_ld_blocks(text: &str) -> Vec<&str> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let start = from + at;
        let Some(gt) = lower[start..].find('>') else {
            break;
        };
        let open = &lower[start..start + gt];
        let body_start = start + gt + 1;
        let body_end = lower[body_start..]
            .find("</script")
            .map(|e| body_start + e)
            .unwrap_or(text.len());
        if open.contains("application/ld+json") {
            let body = text[body_start..body_end].trim();
            let body = body
                .strip_prefix("<!--")
                .and_then(|b| b.strip_suffix("-->"))
                .unwrap_or(body);
            let body = body
                .trim()
                .strip_prefix("//<![CDATA[")
                .or_else(|| body.trim().strip_prefix("<![CDATA["))
                .map(|b| {
                    b.trim_end()
                        .trim_end_matches("//]]>")
                        .trim_end_matches("]]>")
                })
                .unwrap_or(body);
            out.push(body.trim());
        }
        from = body_end.max(start + 1);
    }
    out
}

/// Tags dropped with their content wherever they are.
const ALWAYS_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "iframe", "form", "button",
];
/// Page chrome, dropped when the main text is the whole `<body>`.
const CHROME: &[&str] = &["header", "footer", "aside"];

/// The page's main content as HTML, every other byte replaced by its line breaks.
pub fn main_text(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let (region, is_body) = ["main", "article"]
        .iter()
        .find_map(|tag| element(&lower, 0, tag).map(|r| (r, false)))
        .or_else(|| element(&lower, 0, "body").map(|r| (r, true)))
        .unwrap_or((0..text.len(), true));
    let mut keep = vec![false; text.len()];
    keep[region.clone()].iter_mut().for_each(|k| *k = true);
    let dropped = ALWAYS_DROPPED
        .iter()
        .chain(if is_body { CHROME } else { &[] });
    for tag in dropped {
        let mut from = region.start;
        while let Some(r) = element(&lower, from, tag) {
            if r.start >= region.end {
                break;
            }
            keep[r.clone()].iter_mut().for_each(|k| *k = false);
            from = r.end.max(r.start + 1);
        }
    }
    // Comments too: they may hide markup.
    let mut from = region.start;
    while let Some(at) = lower[from..region.end].find("<!--") {
        let start = from + at;
        let end = lower[start..]
            .find("-->")
            .map(|e| start + e + 3)
            .unwrap_or(text.len());
        keep[start..end].iter_mut().for_each(|k| *k = false);
        from = end;
        if from >= region.end {
            break;
        }
    }
    let mut out = String::with_capacity(region.len() + 64);
    for (i, c) in text.char_indices() {
        if keep[i] || c == '\n' {
            out.push(c);
        }
    }
    out
}

/// The byte range of the first `<tag ...>...</tag>` element at or after `from`, with nested
/// elements of the same name counted; an element never closed runs to the end.
fn element(lower: &str, from: usize, tag: &str) -> Option<std::ops::Range<usize>> {
    let start = find_tag(lower, from, tag, false)?;
    // Both cursors only move forward: linear in the length of the text.
    let mut next_open = find_tag(lower, start + 1, tag, false);
    let mut next_close = find_tag(lower, start + 1, tag, true);
    let mut depth = 0usize;
    loop {
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                next_open = find_tag(lower, o + 1, tag, false);
            }
            (_, Some(c)) => {
                if depth == 0 {
                    let end = lower[c..]
                        .find('>')
                        .map(|g| c + g + 1)
                        .unwrap_or(lower.len());
                    return Some(start..end);
                }
                depth -= 1;
                next_close = find_tag(lower, c + 1, tag, true);
            }
            (_, None) => return Some(start..lower.len()),
        }
    }
}

/// Where the next `<tag` (or `</tag`) followed by `>`, `/` or white space starts.
fn find_tag(lower: &str, from: usize, tag: &str, closing: bool) -> Option<usize> {
    let needle = if closing {
        format!("</{tag}")
    } else {
        format!("<{tag}")
    };
    let mut from = from;
    while from < lower.len() {
        let at = from + lower.get(from..)?.find(&needle)?;
        let next = lower.as_bytes().get(at + needle.len()).copied();
        if matches!(
            next,
            None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
        ) {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Jobs</title>\n\
<script type=\"application/ld+json\">{\"@type\": \"JobPosting\"}</script>\n</head>\n\
<body>\n<header><nav><a>Home</a></nav>Acme careers</header>\n<div>\n<h2>Requirements</h2>\n\
<ul><li>Python</li></ul>\n</div>\n<footer>© Acme</footer>\n</body></html>\n";

    #[test]
    fn pages_are_told_from_fragments() {
        assert!(is_page(PAGE));
        assert!(!is_page("<p>We need <b>Python</b></p>"));
    }

    #[test]
    fn json_ld_blocks_are_found() {
        assert_eq!(json_ld_blocks(PAGE), vec!["{\"@type\": \"JobPosting\"}"]);
        let wrapped = "<script type='application/ld+json'>\n//<![CDATA[\n{}\n//]]>\n</script>";
        assert_eq!(json_ld_blocks(wrapped), vec!["{}"]);
    }

    #[test]
    fn main_text_drops_chrome_and_keeps_lines() {
        let main = main_text(PAGE);
        assert!(!main.contains("Acme careers"), "{main}");
        assert!(!main.contains("Jobs"), "{main}");
        assert!(!main.contains("©"), "{main}");
        assert!(main.contains("<li>Python</li>"));
        assert_eq!(main.matches('\n').count(), PAGE.matches('\n').count());
        let line = main.lines().position(|l| l.contains("Requirements"));
        let orig = PAGE.lines().position(|l| l.contains("Requirements"));
        assert_eq!(line, orig);
    }

    #[test]
    fn many_unclosed_tags_stay_linear() {
        let page = format!(
            "<html><body>{}<p>x</p></body></html>",
            "<nav><div>".repeat(50_000)
        );
        let t = std::time::Instant::now();
        let main = main_text(&page);
        assert!(t.elapsed().as_secs() < 5);
        assert!(!main.contains("<p>x"), "an unclosed nav runs to the end");
    }

    #[test]
    fn main_and_article_win_over_body() {
        let page = "<html><body><div>Menu</div><main><header><h1>Engineer</h1></header>\
<p>Go</p></main><aside>x</aside></body></html>";
        let main = main_text(page);
        assert!(
            main.contains("Engineer") && !main.contains("Menu"),
            "{main}"
        );
        let nested = "<body><div><div>a</div><p>b</p></div></body>";
        assert!(main_text(nested).contains("<p>b</p>"));
    }
}
