//! Jupyter notebooks (`.ipynb`, nbformat 4) drawn on the server, as GitHub shows them.
//!
//! Markdown cells go through our Markdown renderer (sanitiser included); code cells are
//! highlighted in the notebook's language with their `In [n]:` prompts; outputs are stream
//! text, errors with their tracebacks (ANSI colours mapped to classes, other escapes
//! dropped), PNG/JPEG/GIF/SVG images as `data:` images (SVG only ever as an image), HTML
//! through the same sanitiser as Markdown (a notebook's HTML output was a stored XSS in
//! Opengist), LaTeX as a math source for the browser's KaTeX, Markdown, and plain text.
//! A notebook that does not parse is shown as its highlighted JSON, with a note saying why.
//!
//! Bounded: the caller renders a notebook only up to the media display limit, cells are
//! walked once, and highlighting shares one time budget across the notebook.

use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;

use super::markdown;
use super::sanitize;
use crate::highlight::{escape, highlight_token, highlight_within};

/// Time all code cells of one notebook may spend being highlighted.
const HIGHLIGHT_BUDGET: Duration = Duration::from_millis(400);

#[derive(Deserialize)]
struct Notebook {
    nbformat: u32,
    cells: Vec<Cell>,
    #[serde(default)]
    metadata: Value,
}

#[derive(Deserialize)]
struct Cell {
    cell_type: String,
    #[serde(default)]
    source: Text,
    #[serde(default)]
    execution_count: Option<u64>,
    #[serde(default)]
    outputs: Vec<Output>,
}

/// nbformat's multi-line strings: one string, or a list of lines to join.
#[derive(Deserialize, Default)]
#[serde(untagged)]
enum Text {
    One(String),
    Lines(Vec<String>),
    #[default]
    Missing,
}

impl Text {
    fn joined(&self) -> String {
        match self {
            Text::One(text) => text.clone(),
            Text::Lines(lines) => lines.concat(),
            Text::Missing => String::new(),
        }
    }
}

#[derive(Deserialize)]
struct Output {
    output_type: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    text: Text,
    #[serde(default)]
    data: serde_json::Map<String, Value>,
    #[serde(default)]
    execution_count: Option<u64>,
    #[serde(default)]
    ename: String,
    #[serde(default)]
    evalue: String,
    #[serde(default)]
    traceback: Vec<String>,
}

/// The notebook as HTML, or its JSON with a note when it is not a notebook we can read.
pub fn render(name: &str, text: &str) -> String {
    match serde_json::from_str::<Notebook>(text) {
        Ok(notebook) if notebook.nbformat == 4 => notebook_html(&notebook),
        Ok(notebook) => fallback(
            name,
            text,
            &format!("nbformat {} is not supported (only 4)", notebook.nbformat),
        ),
        Err(e) => fallback(name, text, &e.to_string()),
    }
}

fn fallback(name: &str, text: &str, why: &str) -> String {
    let json = if text.len() <= 512 * 1024 {
        highlight_within(&format!("{name}.json"), text, HIGHLIGHT_BUDGET)
    } else {
        escape(text)
    };
    format!(
        "<p class=\"notebook-note\" role=\"note\">This notebook could not be read ({}); its JSON \
         is shown instead.</p><pre class=\"notebook-json\"><code>{json}</code></pre>",
        escape(why)
    )
}

fn language(notebook: &Notebook) -> String {
    let meta = &notebook.metadata;
    meta.pointer("/language_info/name")
        .or_else(|| meta.pointer("/kernelspec/language"))
        .and_then(Value::as_str)
        .unwrap_or("python")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-'))
        .take(32)
        .collect()
}

fn notebook_html(notebook: &Notebook) -> String {
    let language = language(notebook);
    let deadline = Instant::now() + HIGHLIGHT_BUDGET;
    let mut html = String::from("<div class=\"notebook\">");
    for cell in &notebook.cells {
        let source = cell.source.joined();
        match cell.cell_type.as_str() {
            "markdown" => {
                html.push_str("<div class=\"nb-cell nb-markdown\"><div class=\"nb-prompt\"></div><div class=\"nb-body\">");
                html.push_str(&markdown::render(&source));
                html.push_str("</div></div>");
            }
            "code" => {
                let left = deadline.saturating_duration_since(Instant::now());
                html.push_str(&format!(
                    "<div class=\"nb-cell nb-code\"><div class=\"nb-prompt nb-in\">{}</div>\
                     <div class=\"nb-body\"><pre class=\"nb-input\"><code>{}</code></pre></div></div>",
                    prompt("In", cell.execution_count),
                    highlight_token(&language, &source, left)
                ));
                for output in &cell.outputs {
                    html.push_str(&output_html(output));
                }
            }
            _ => {
                html.push_str(&format!(
                    "<div class=\"nb-cell nb-raw\"><div class=\"nb-prompt\"></div><div class=\"nb-body\"><pre>{}</pre></div></div>",
                    escape(&source)
                ));
            }
        }
    }
    html.push_str("</div>");
    html
}

fn prompt(label: &str, count: Option<u64>) -> String {
    match count {
        Some(n) => format!("{label}&nbsp;[{n}]:"),
        None => format!("{label}&nbsp;[&nbsp;]:"),
    }
}

fn output_html(output: &Output) -> String {
    let (class, count, body) = match output.output_type.as_str() {
        "stream" => {
            let class = if output.name == "stderr" {
                "nb-stream nb-stderr"
            } else {
                "nb-stream"
            };
            (
                class,
                None,
                format!("<pre>{}</pre>", ansi_html(&output.text.joined())),
            )
        }
        "error" => {
            let trace = if output.traceback.is_empty() {
                format!("{}: {}", output.ename, output.evalue)
            } else {
                output.traceback.join("\n")
            };
            (
                "nb-error",
                None,
                format!("<pre>{}</pre>", ansi_html(&trace)),
            )
        }
        "execute_result" => ("nb-result", output.execution_count, data_html(&output.data)),
        "display_data" => ("nb-display", None, data_html(&output.data)),
        _ => return String::new(),
    };
    let prompt = count.map(|n| prompt("Out", Some(n))).unwrap_or_default();
    format!(
        "<div class=\"nb-cell nb-output {class}\"><div class=\"nb-prompt nb-out\">{prompt}</div><div class=\"nb-body\">{body}</div></div>"
    )
}

/// The richest representation a browser can show safely, as Jupyter picks it.
fn data_html(data: &serde_json::Map<String, Value>) -> String {
    let text = |key: &str| data.get(key).map(value_text);
    for (mime, kind) in [
        ("image/png", "png"),
        ("image/jpeg", "jpeg"),
        ("image/gif", "gif"),
    ] {
        if let Some(image) = text(mime)
            && let Some(img) = data_image(kind, &image)
        {
            return img;
        }
    }
    if let Some(svg) = text("image/svg+xml") {
        // Never inline markup: an image, from its own base64.
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(svg.as_bytes());
        return format!(
            "<img class=\"nb-image\" alt=\"\" src=\"data:image/svg+xml;base64,{encoded}\">"
        );
    }
    if let Some(html) = text("text/html") {
        return format!("<div class=\"nb-html\">{}</div>", sanitize::clean(&html));
    }
    if let Some(latex) = text("text/latex") {
        let tex = latex.trim().trim_matches('$').trim();
        return format!("<span class=\"math math-display\">{}</span>", escape(tex));
    }
    if let Some(md) = text("text/markdown") {
        return markdown::render(&md);
    }
    if let Some(plain) = text("text/plain") {
        return format!("<pre>{}</pre>", ansi_html(&plain));
    }
    String::new()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(lines) => lines.iter().filter_map(Value::as_str).collect(),
        _ => String::new(),
    }
}

/// A base64 image as an `<img>`, if the text is base64 and nothing else (it goes into an
/// attribute: one stray quote would be markup).
fn data_image(kind: &str, base64: &str) -> Option<String> {
    let clean: String = base64
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let valid = !clean.is_empty()
        && clean
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    valid.then(|| {
        format!("<img class=\"nb-image\" alt=\"\" src=\"data:image/{kind};base64,{clean}\">")
    })
}

/// Terminal text as HTML: SGR colours and bold become `ansi-*` classes; every other
/// escape sequence is dropped; the text itself is escaped.
pub fn ansi_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    let mut chars = text.chars().peekable();
    let mut plain = String::new();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            plain.push(c);
            continue;
        }
        out.push_str(&escape(&plain));
        plain.clear();
        if chars.peek() != Some(&'[') {
            continue;
        }
        chars.next();
        let mut params = String::new();
        let mut last = None;
        for c in chars.by_ref() {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                last = Some(c);
                break;
            }
            if params.len() < 64 {
                params.push(c);
            }
        }
        if last != Some('m') {
            continue;
        }
        if open {
            out.push_str("</span>");
            open = false;
        }
        let classes: Vec<&str> = params
            .split(';')
            .filter_map(|code| match code.parse::<u8>().ok()? {
                1 => Some("ansi-bold"),
                n @ 30..=37 => Some(COLOURS[usize::from(n - 30)]),
                n @ 90..=97 => Some(BRIGHT[usize::from(n - 90)]),
                _ => None,
            })
            .collect();
        if !classes.is_empty() {
            out.push_str(&format!("<span class=\"{}\">", classes.join(" ")));
            open = true;
        }
    }
    out.push_str(&escape(&plain));
    if open {
        out.push_str("</span>");
    }
    out
}

const COLOURS: [&str; 8] = [
    "ansi-black",
    "ansi-red",
    "ansi-green",
    "ansi-yellow",
    "ansi-blue",
    "ansi-magenta",
    "ansi-cyan",
    "ansi-white",
];
const BRIGHT: [&str; 8] = [
    "ansi-black ansi-bright",
    "ansi-red ansi-bright",
    "ansi-green ansi-bright",
    "ansi-yellow ansi-bright",
    "ansi-blue ansi-bright",
    "ansi-magenta ansi-bright",
    "ansi-cyan ansi-bright",
    "ansi-white ansi-bright",
];

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    fn notebook(cells: &str) -> String {
        format!(
            "{{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {{\"language_info\": {{\"name\": \"python\"}}}}, \"cells\": [{cells}]}}"
        )
    }

    #[test]
    fn cells_and_outputs() {
        let html = render(
            "demo.ipynb",
            &notebook(&format!(
                r##"{{"cell_type": "markdown", "metadata": {{}}, "source": ["# Title\n", "Some *text*"]}},
                {{"cell_type": "code", "execution_count": 3, "metadata": {{}}, "source": "print(1)\n1/0",
                  "outputs": [
                    {{"output_type": "stream", "name": "stdout", "text": ["1\n"]}},
                    {{"output_type": "execute_result", "execution_count": 3, "data": {{"text/plain": "2", "image/png": "{PNG}\n"}}, "metadata": {{}}}},
                    {{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero",
                      "traceback": ["\u001b[0;31mZeroDivisionError\u001b[0m: division by zero", "\u001b[2Kline <b>"]}}
                  ]}}"##
            )),
        );
        assert!(html.contains("<h1 id=\"user-content-title\">"), "{html}");
        assert!(html.contains("<em>text</em>"), "{html}");
        assert!(html.contains("In&nbsp;[3]:"), "{html}");
        assert!(html.contains("Out&nbsp;[3]:"), "{html}");
        assert!(html.contains("hl-"), "code is highlighted: {html}");
        assert!(html.contains("<pre>1\n</pre>"), "{html}");
        assert!(
            html.contains(&format!("src=\"data:image/png;base64,{PNG}\"")),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"ansi-red\">ZeroDivisionError</span>: division by zero"),
            "{html}"
        );
        assert!(
            html.contains("line &lt;b&gt;"),
            "other escapes dropped, text escaped: {html}"
        );
        assert!(!html.contains('\u{1b}'), "{html}");
    }

    #[test]
    fn hostile_outputs_are_made_safe() {
        let html = render(
            "x.ipynb",
            &notebook(
                r##"{"cell_type": "code", "execution_count": 1, "source": "", "outputs": [
                    {"output_type": "display_data", "data": {"text/html": ["<script>alert(1)</script><img src=x onerror=alert(2)><b onclick=alert(3)>bold</b><a href=\"javascript:alert(4)\">a</a>"]}},
                    {"output_type": "display_data", "data": {"image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(5)\"><script>alert(6)</script></svg>"}},
                    {"output_type": "display_data", "data": {"image/png": "AAAA\" onerror=\"alert(7)"}},
                    {"output_type": "display_data", "data": {"text/latex": "$$\\href{javascript:alert(8)}{x}$$"}}
                ]}"##,
            ),
        );
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:alert(4)",
            "onload",
            "<svg",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<b>bold</b>"), "{html}");
        assert!(html.contains("src=\"data:image/svg+xml;base64,"), "{html}");
        assert!(
            html.contains(
                "<span class=\"math math-display\">\\href{javascript:alert(8)}{x}</span>"
            ),
            "LaTeX goes to KaTeX (trust off) as text: {html}"
        );
    }

    #[test]
    fn malformed_notebooks_fall_back_to_json_with_a_note() {
        for bad in [
            "{not json",
            "[]",
            "{\"nbformat\": 4}",
            "{\"nbformat\": 3, \"cells\": []}",
            "{\"nbformat\": 4, \"cells\": [{\"source\": 1}]}",
            "{\"nbformat\": 4, \"cells\": \"<script>\"}",
        ] {
            let html = render("bad.ipynb", bad);
            assert!(
                html.starts_with("<p class=\"notebook-note\""),
                "{bad}: {html}"
            );
            assert!(html.contains("notebook-json"), "{bad}: {html}");
            assert!(!html.contains("<script>"), "{bad}: {html}");
        }
    }

    #[test]
    fn odd_but_valid_parts_do_not_break_the_page() {
        let html = render(
            "x.ipynb",
            &notebook(
                r##"{"cell_type": "raw", "source": "<i>raw</i>"},
                {"cell_type": "code", "source": ["x"], "outputs": [{"output_type": "unknown"}, {"output_type": "stream", "text": "\u001b[1;32mok\u001b[0m\u001b[38;5;12mz"}]}"##,
            ),
        );
        assert!(html.contains("&lt;i&gt;raw&lt;/i&gt;"), "{html}");
        assert!(html.contains("In&nbsp;[&nbsp;]:"), "{html}");
        assert!(
            html.contains("<span class=\"ansi-bold ansi-green\">ok</span>z"),
            "{html}"
        );
    }

    #[test]
    fn ansi_without_colours_is_plain_escaped_text() {
        assert_eq!(ansi_html("a < b"), "a &lt; b");
        assert_eq!(
            ansi_html("\u{1b}[31mred"),
            "<span class=\"ansi-red\">red</span>"
        );
        assert_eq!(ansi_html("\u{1b}"), "");
        assert_eq!(ansi_html("\u{1b}[999999999999m x"), " x");
    }
}
