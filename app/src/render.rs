//! A file as pages and embeds show it: highlighted code, rendered Markdown, a CSV table,
//! or a note that it is binary. All HTML here comes from escaped text or the sanitiser.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use crate::cache::ByteLru;
use crate::functions::gists::FileKind;
use crate::rules::language::language_for;
use crate::services::gists::is_binary;

#[derive(Clone)]
pub struct RenderedFile {
    pub language: &'static str,
    pub kind: FileKind,
    pub html: String,
    /// Lines of text (0 for a binary file), for the line-number gutter.
    pub lines: usize,
}

impl crate::cache::Weigh for RenderedFile {
    fn weight(&self) -> usize {
        self.html.len() + 64
    }
}

/// Rendering is a pure function of the name and the bytes, and highlighting is the most
/// expensive thing a page does: each distinct file is rendered once.
static RENDERED: LazyLock<ByteLru<(String, [u8; 32]), RenderedFile>> =
    LazyLock::new(|| ByteLru::new(64 * 1024 * 1024));

pub fn file(name: &str, content: &[u8]) -> RenderedFile {
    let key = (name.to_owned(), Sha256::digest(content).into());
    if let Some(done) = RENDERED.get(&key) {
        return done.as_ref().clone();
    }
    let rendered = render(name, content);
    RENDERED.put(key, std::sync::Arc::new(rendered.clone()));
    rendered
}

fn render(name: &str, content: &[u8]) -> RenderedFile {
    let language = language_for(name);
    if is_binary(content) {
        return RenderedFile {
            language,
            kind: FileKind::Binary,
            html: String::new(),
            lines: 0,
        };
    }
    let text = String::from_utf8_lossy(content);
    let lines = text.lines().count().max(1);
    let (kind, html) = if language == "Markdown" {
        (FileKind::Markdown, crate::rules::markdown::render(&text))
    } else if let Some(table) = (language == "CSV").then(|| csv_table(&text)).flatten() {
        (FileKind::Table, table)
    } else {
        (FileKind::Code, crate::highlight::highlight(name, &text))
    };
    RenderedFile {
        language,
        kind,
        html,
        lines,
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
        let first = file("cache_test.rs", code);
        let held = RENDERED.bytes();
        let again = file("cache_test.rs", code);
        assert_eq!(first.html, again.html);
        assert_eq!(
            RENDERED.bytes(),
            held,
            "served from the cache, nothing added"
        );
        assert!(first.html.contains("&lt;b&gt;") && first.kind == FileKind::Code);
        // Other bytes under the same name are another file.
        let other = file("cache_test.rs", b"fn changed() {}\n");
        assert!(other.html.contains("changed") && RENDERED.bytes() > held);
    }
}
