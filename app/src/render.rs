//! A file as pages and embeds show it: highlighted code, rendered Markdown, a CSV table,
//! or a note that it is binary. All HTML here comes from escaped text or the sanitiser.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use crate::cache::ByteLru;
use crate::rules::language::language_for;
use crate::services::gists::is_binary;
use crate::views::gist::FileKind;

/// How much of a file a page shows. GitHub's behaviour: a file past `max_bytes` or
/// `max_lines` shows its first part with a link to the raw file; past `max_highlight_bytes`
/// (or with a line longer than [`HIGHLIGHT_LINE_MAX`]) the shown part is plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DisplayLimits {
    pub max_bytes: usize,
    pub max_lines: usize,
    pub max_highlight_bytes: usize,
}

impl Default for DisplayLimits {
    fn default() -> Self {
        DisplayLimits {
            max_bytes: 1024 * 1024,
            max_lines: 20_000,
            max_highlight_bytes: 256 * 1024,
        }
    }
}

/// A line this long (minified code, data on one line) is not highlighted: the
/// highlighter's work per line grows faster than the line.
pub const HIGHLIGHT_LINE_MAX: usize = 16 * 1024;

/// The most one file may spend being highlighted; past it the file is shown as text.
pub const HIGHLIGHT_BUDGET: std::time::Duration = std::time::Duration::from_millis(250);

#[derive(Clone)]
pub struct RenderedFile {
    pub language: &'static str,
    pub kind: FileKind,
    pub html: String,
    /// Lines of text shown (0 for a binary file), for the line-number gutter.
    pub lines: usize,
    /// Only the first part is shown (the file is past the display limits).
    pub truncated: bool,
}

impl crate::cache::Weigh for RenderedFile {
    fn weight(&self) -> usize {
        self.html.len() + 64
    }
}

type RenderKey = (String, [u8; 32], DisplayLimits);

/// Rendering is a pure function of the name and the bytes, and highlighting is the most
/// expensive thing a page does: each distinct file is rendered once.
static RENDERED: LazyLock<ByteLru<RenderKey, RenderedFile>> =
    LazyLock::new(|| ByteLru::new(64 * 1024 * 1024));

/// The file as pages and embeds show it. CPU-bound (highlighting): callers run it on the
/// blocking pool, never on an async worker.
pub fn file(name: &str, content: &[u8], limits: &DisplayLimits) -> RenderedFile {
    let key = (name.to_owned(), Sha256::digest(content).into(), *limits);
    if let Some(done) = RENDERED.get(&key) {
        return done.as_ref().clone();
    }
    let rendered = render(name, content, limits);
    RENDERED.put(key, std::sync::Arc::new(rendered.clone()));
    rendered
}

/// The part of `text` a page shows: at most `max_bytes` (cut at a line end when there is
/// one, else at a character boundary) and `max_lines` lines.
fn shown_part<'t>(text: &'t str, limits: &DisplayLimits) -> &'t str {
    let mut end = text.len().min(limits.max_bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len()
        && let Some(newline) = text[..end].rfind('\n')
    {
        end = newline + 1;
    }
    if let Some((at, _)) = text[..end]
        .match_indices('\n')
        .nth(limits.max_lines.saturating_sub(1))
    {
        end = end.min(at + 1);
    }
    &text[..end]
}

fn render(name: &str, content: &[u8], limits: &DisplayLimits) -> RenderedFile {
    let language = language_for(name);
    if is_binary(content) {
        return RenderedFile {
            language,
            kind: FileKind::Binary,
            html: String::new(),
            lines: 0,
            truncated: false,
        };
    }
    let text = String::from_utf8_lossy(content);
    let shown = shown_part(&text, limits);
    let truncated = shown.len() < text.len();
    let lines = shown.lines().count().max(1);
    let (kind, html) = if language == "Markdown" {
        (FileKind::Markdown, crate::rules::markdown::render(shown))
    } else if let Some(table) = (language == "CSV").then(|| csv_table(shown)).flatten() {
        (FileKind::Table, table)
    } else if shown.len() > limits.max_highlight_bytes
        || shown.lines().any(|line| line.len() > HIGHLIGHT_LINE_MAX)
    {
        (FileKind::Code, crate::highlight::escape(shown))
    } else {
        (
            FileKind::Code,
            crate::highlight::highlight_within(name, shown, HIGHLIGHT_BUDGET),
        )
    };
    RenderedFile {
        language,
        kind,
        html,
        lines,
        truncated,
    }
}

/// A CSV file as an HTML table of escaped cells (the first row as header); `None` if it
/// does not parse, so it is shown as code instead.
fn csv_table(text: &str) -> Option<String> {
    const MAX_ROWS: usize = 1000;
    let escape = |cell: &str| {
        cell.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut html = String::from("<table class=\"csv\">");
    for (index, record) in reader.records().take(MAX_ROWS).enumerate() {
        let record = record.ok()?;
        let cell = if index == 0 { "th" } else { "td" };
        match index {
            0 => html.push_str("<thead>"),
            1 => html.push_str("<tbody>"),
            _ => {}
        }
        html.push_str("<tr>");
        for value in record.iter() {
            html.push_str(&format!("<{cell}>{}</{cell}>", escape(value)));
        }
        html.push_str("</tr>");
        if index == 0 {
            html.push_str("</thead>");
        }
    }
    html.push_str("</tbody></table>");
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_distinct_file_is_rendered_once() {
        let code = b"fn cached_render_test() { let x = \"<b>\"; }\n";
        let limits = DisplayLimits::default();
        let first = file("cache_test.rs", code, &limits);
        let held = RENDERED.bytes();
        let again = file("cache_test.rs", code, &limits);
        assert_eq!(first.html, again.html);
        assert_eq!(
            RENDERED.bytes(),
            held,
            "served from the cache, nothing added"
        );
        assert!(first.html.contains("&lt;b&gt;") && first.kind == FileKind::Code);
        // Other bytes under the same name are another file.
        let other = file("cache_test.rs", b"fn changed() {}\n", &limits);
        assert!(other.html.contains("changed") && RENDERED.bytes() > held);
    }

    #[test]
    fn large_files_show_their_first_part() {
        let limits = DisplayLimits {
            max_bytes: 100,
            max_lines: 3,
            max_highlight_bytes: 20,
        };
        let lines = "let a = 1;\n".repeat(10);
        let shown = file("large_first_part.rs", lines.as_bytes(), &limits);
        assert!(shown.truncated);
        assert_eq!(shown.lines, 3);
        assert_eq!(
            shown.html,
            "let a = 1;\n".repeat(3),
            "past the highlight limit: plain"
        );
        let long = "x".repeat(150);
        let cut = file("large_one_line.txt", long.as_bytes(), &limits);
        assert!(
            cut.truncated && cut.html.len() == 100,
            "a character cut, no newline to cut at"
        );
        let euro = "€".repeat(40);
        let cut = file("large_utf8.txt", euro.as_bytes(), &limits);
        assert!(cut.html.len() <= 100 && cut.html.chars().all(|c| c == '€'));
        let small = file("large_small.rs", b"fn a() {}\n", &DisplayLimits::default());
        assert!(!small.truncated && small.html.contains("hl-"));
        let minified = format!("var a = [{}];\n", "1,".repeat(HIGHLIGHT_LINE_MAX));
        let plain = file(
            "large_minified.js",
            minified.as_bytes(),
            &DisplayLimits::default(),
        );
        assert!(
            !plain.html.contains("hl-"),
            "one very long line is not highlighted"
        );
    }
}
