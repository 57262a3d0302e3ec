//! A file as pages and embeds show it: highlighted code, rendered Markdown, a CSV table,
//! or a note that it is binary. All HTML here comes from escaped text or the sanitiser.

use crate::functions::gists::FileKind;
use crate::rules::language::language_for;
use crate::services::gists::is_binary;

pub struct RenderedFile {
    pub language: &'static str,
    pub kind: FileKind,
    pub html: String,
    /// Lines of text (0 for a binary file), for the line-number gutter.
    pub lines: usize,
}

pub fn file(name: &str, content: &[u8]) -> RenderedFile {
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
