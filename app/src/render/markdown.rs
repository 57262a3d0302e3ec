//! Markdown as GitHub renders it: GFM (tables, task lists, strikethrough, autolinks,
//! footnotes), alerts (`> [!NOTE]`...), heading anchors, math, Mermaid blocks, highlighted
//! code, and the safe subset of inline HTML.
//!
//! Two kinds of markup end up on the page, and they never mix:
//! - what the writer wrote (their HTML, and the HTML pulldown-cmark makes of their
//!   Markdown) goes through [`super::sanitize::clean`] as a whole;
//! - what we make (highlighted code blocks, alert frames, task checkboxes, heading anchors,
//!   math and diagram sources for the browser to draw) is built here from escaped text and
//!   fixed strings, stands in the Markdown as a marker (two private-use characters around
//!   its number, characters removed from the writer's text beforehand), and is spliced in
//!   after the sanitiser ran. So the sanitiser can refuse every `class` and every form
//!   control a writer types, and still the page gets ours.

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html,
};

use crate::highlight::escape;

/// Marks a trusted piece: `OPEN` + its number + `CLOSE`.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The most time one document's code blocks may spend being highlighted.
const HIGHLIGHT_BUDGET: std::time::Duration = std::time::Duration::from_millis(200);

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
        | Options::ENABLE_MATH
}

/// The writer's Markdown with our marker characters taken out (same byte lengths, so a
/// task's offset in it is its offset in the file).
fn without_markers(markdown: &str) -> Cow<'_, str> {
    if markdown.contains([OPEN, CLOSE]) {
        Cow::Owned(markdown.replace([OPEN, CLOSE], "\u{FFFD}"))
    } else {
        Cow::Borrowed(markdown)
    }
}

/// Markdown to HTML that is safe to insert into a page.
pub fn render(markdown: &str) -> String {
    let source = without_markers(markdown);
    let events: Vec<Event<'_>> = Parser::new_ext(&source, options()).collect();
    let mut slugs = heading_slugs(&events).into_iter();
    let mut trusted: Vec<String> = Vec::new();
    let mut mark = |piece: String| -> Event<'static> {
        trusted.push(piece);
        Event::Text(CowStr::from(format!("{OPEN}{}{CLOSE}", trusted.len() - 1)))
    };

    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut code: Option<(String, String)> = None;
    // Inside a link or an image: no autolinks, and (images) no markup in the text.
    let mut in_image = 0usize;
    let mut tasks = 0usize;
    let highlight_started = std::time::Instant::now();
    for event in events {
        if let Some((_, body)) = code.as_mut() {
            match event {
                Event::Text(text) => body.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    let (info, body) = code.take().unwrap_or_default();
                    let spent = highlight_started.elapsed();
                    out.push(mark(code_block(
                        &info,
                        &body,
                        HIGHLIGHT_BUDGET.saturating_sub(spent),
                    )));
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, String::new()));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let slug = slugs.next().unwrap_or_default();
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(slug.clone())),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                out.push(mark(format!(
                    "<a class=\"anchor\" href=\"#{}{slug}\" aria-label=\"Link to this section\">{LINK_ICON}</a>",
                    super::sanitize::ID_PREFIX
                )));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (name, title, icon) = alert(kind);
                out.push(mark(format!(
                    "<div class=\"markdown-alert markdown-alert-{name}\" dir=\"auto\">\
                     <p class=\"markdown-alert-title\">{icon}{title}</p>"
                )));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => out.push(mark("</div>".to_owned())),
            Event::TaskListMarker(checked) => {
                out.push(mark(format!(
                    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" data-task=\"{tasks}\" \
                     aria-label=\"Task {}\" disabled{}>",
                    tasks + 1,
                    if checked { " checked" } else { "" }
                )));
                tasks += 1;
            }
            // An image's text becomes its `alt` attribute: no markup may go there.
            Event::InlineMath(tex) | Event::DisplayMath(tex) if in_image > 0 => {
                out.push(Event::Text(tex));
            }
            Event::InlineMath(tex) => out.push(mark(format!(
                "<span class=\"math math-inline\">{}</span>",
                escape(&tex)
            ))),
            Event::DisplayMath(tex) => out.push(mark(format!(
                "<span class=\"math math-display\">{}</span>",
                escape(&tex)
            ))),
            Event::Start(Tag::Image { .. } | Tag::Link { .. }) => {
                in_image += 1;
                out.push(event);
            }
            Event::End(TagEnd::Image | TagEnd::Link) => {
                in_image = in_image.saturating_sub(1);
                out.push(event);
            }
            Event::Text(text) if in_image == 0 => autolink(text, &mut out),
            other => out.push(other),
        }
    }
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut raw, out.into_iter());
    splice(&super::sanitize::clean(&raw), &trusted)
}

/// GFM's extended autolinks: bare `https://...`, `www....` and e-mail addresses in text
/// become links (linkify finds where they end, around punctuation and brackets).
fn autolink<'a>(text: CowStr<'a>, out: &mut Vec<Event<'a>>) {
    let mut finder = linkify::LinkFinder::new();
    finder.url_must_have_scheme(false);
    if finder.links(&text).next().is_none() {
        out.push(Event::Text(text));
        return;
    }
    for span in finder.spans(&text) {
        let piece = CowStr::from(span.as_str().to_owned());
        let target = match span.kind() {
            Some(linkify::LinkKind::Url) if span.as_str().contains("://") => piece.to_string(),
            Some(linkify::LinkKind::Url) => format!("http://{}", span.as_str()),
            Some(linkify::LinkKind::Email) => format!("mailto:{}", span.as_str()),
            _ => {
                out.push(Event::Text(piece));
                continue;
            }
        };
        out.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Autolink,
            dest_url: CowStr::from(target),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        out.push(Event::Text(piece));
        out.push(Event::End(TagEnd::Link));
    }
}

/// `clean` with each marker replaced by its trusted piece.
fn splice(clean: &str, trusted: &[String]) -> String {
    let mut out =
        String::with_capacity(clean.len() + trusted.iter().map(String::len).sum::<usize>());
    let mut rest = clean;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        rest = &rest[at + OPEN.len_utf8()..];
        if let Some(end) = rest.find(CLOSE)
            && let Some(piece) = rest[..end]
                .parse::<usize>()
                .ok()
                .and_then(|n| trusted.get(n))
        {
            out.push_str(piece);
            rest = &rest[end + CLOSE.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// A fenced block: a Mermaid diagram's or a formula's source for the browser to draw
/// (readable as it is without JavaScript), or highlighted code.
fn code_block(info: &str, body: &str, budget: std::time::Duration) -> String {
    let language = info
        .split([' ', ',', '{'])
        .next()
        .unwrap_or_default()
        .trim();
    match language.to_ascii_lowercase().as_str() {
        "mermaid" => format!(
            "<pre class=\"mermaid-source\"><code>{}</code></pre>",
            escape(body)
        ),
        "math" => format!("<span class=\"math math-display\">{}</span>", escape(body)),
        _ => format!(
            "<pre class=\"code-block\"><code>{}</code></pre>",
            crate::highlight::highlight_token(language, body, budget)
        ),
    }
}

/// Each heading's anchor, as GitHub makes them: lower case, letters, digits, `-` and `_`
/// kept, spaces to `-`; a repeated one gets `-1`, `-2`...
fn heading_slugs(events: &[Event<'_>]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut slugs = Vec::new();
    let mut text: Option<String> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { .. }) => text = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base: String = text
                    .take()
                    .unwrap_or_default()
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter_map(|c| match c {
                        ' ' => Some('-'),
                        c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                        _ => None,
                    })
                    .collect();
                let count = seen.entry(base.clone()).or_insert(0);
                slugs.push(if *count == 0 {
                    base
                } else {
                    format!("{base}-{count}")
                });
                *count += 1;
            }
            _ => {}
        }
    }
    slugs
}

/// An alert's class name, title and icon.
fn alert(kind: BlockQuoteKind) -> (&'static str, &'static str, String) {
    let (name, title, shape) = match kind {
        BlockQuoteKind::Note => (
            "note",
            "Note",
            "<circle cx=\"8\" cy=\"8\" r=\"6.25\"/><path d=\"M8 7.25v4M8 4.75v.25\"/>",
        ),
        BlockQuoteKind::Tip => (
            "tip",
            "Tip",
            "<path d=\"M8 1.75a4.25 4.25 0 0 0-2.5 7.7c.4.3.75.8.75 1.3v.5h3.5v-.5c0-.5.35-1 .75-1.3A4.25 4.25 0 0 0 8 1.75zM6.25 14h3.5\"/>",
        ),
        BlockQuoteKind::Important => (
            "important",
            "Important",
            "<path d=\"M2 2.5h12V11H7.25L4.5 13.5V11H2zM8 5v2.75M8 9.25v.25\"/>",
        ),
        BlockQuoteKind::Warning => (
            "warning",
            "Warning",
            "<path d=\"M8 1.75 14.75 13.75H1.25zM8 6v3.5M8 11.5v.25\"/>",
        ),
        BlockQuoteKind::Caution => (
            "caution",
            "Caution",
            "<path d=\"M5.25 1.5h5.5l3.75 3.75v5.5l-3.75 3.75h-5.5L1.5 10.75v-5.5zM8 4.5v4M8 10.75v.25\"/>",
        ),
    };
    (
        name,
        title,
        format!(
            "<svg class=\"octicon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" \
             fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linecap=\"round\" \
             stroke-linejoin=\"round\">{shape}</svg>"
        ),
    )
}

const LINK_ICON: &str = "<svg class=\"octicon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" \
    aria-hidden=\"true\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" \
    stroke-linecap=\"round\"><path d=\"M6.5 9.5l3-3M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1\"/></svg>";

/// Why a task could not be ticked.
#[derive(Debug, PartialEq, Eq)]
pub enum TaskError {
    /// The file has no task with that number (it changed, or never had one).
    NoSuchTask,
}

/// `markdown` with its `index`-th task list box (in document order, as [`render`] numbers
/// them) ticked or cleared: only the character between the brackets changes.
pub fn set_task(markdown: &str, index: usize, checked: bool) -> Result<String, TaskError> {
    let source = without_markers(markdown);
    let range = Parser::new_ext(&source, options())
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::TaskListMarker(_)))
        .nth(index)
        .map(|(_, range)| range)
        .ok_or(TaskError::NoSuchTask)?;
    let marker = &markdown[range.clone()];
    let open = marker.find('[').ok_or(TaskError::NoSuchTask)?;
    let at = range.start + open + 1;
    let mut out = String::with_capacity(markdown.len());
    out.push_str(&markdown[..at]);
    out.push(if checked { 'x' } else { ' ' });
    out.push_str(&markdown[at + 1..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_gfm() {
        let html = render(
            "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ and https://example.com/x\n\nNote[^1].\n\n[^1]: The note.\n",
        );
        assert!(html.contains("<h1 id=\"user-content-title\">"), "{html}");
        assert!(html.contains("href=\"#user-content-title\""), "{html}");
        assert!(
            html.contains("<table>") && html.contains("<td>1</td>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("<a href=\"https://example.com/x\""), "{html}");
        assert!(html.contains("class=\"footnote-reference\""), "{html}");
    }

    #[test]
    fn githubs_html_is_markup_not_text() {
        let html = render(
            "<details><summary>Why</summary>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>\n\n</details>\n\n<img src=\"logo.png\" width=\"40\">\n",
        );
        assert!(html.contains("<details><summary>Why</summary>"), "{html}");
        assert!(html.contains("<kbd>Ctrl</kbd>"), "{html}");
        assert!(html.contains("<br>"), "{html}");
        assert!(
            html.contains("<img src=\"logo.png\" width=\"40\">"),
            "{html}"
        );
        assert!(!html.contains("&lt;"), "{html}");
    }

    #[test]
    fn alerts_tasks_and_anchors() {
        let html = render(
            "> [!WARNING]\n> Mind the gap.\n\n- [ ] one\n- [x] two\n\n## Two words\n\n## Two words\n",
        );
        assert!(
            html.contains("<div class=\"markdown-alert markdown-alert-warning\" dir=\"auto\"><p class=\"markdown-alert-title\"><svg"),
            "{html}"
        );
        assert!(
            html.contains("Warning</p>") && html.contains("Mind the gap."),
            "{html}"
        );
        assert!(!html.contains("<blockquote"), "{html}");
        // Each box is named for screen readers (axe: a form field needs a label).
        assert!(
            html.contains("data-task=\"0\" aria-label=\"Task 1\" disabled>"),
            "{html}"
        );
        assert!(
            html.contains("data-task=\"1\" aria-label=\"Task 2\" disabled checked>"),
            "{html}"
        );
        assert!(html.contains("id=\"user-content-two-words\""), "{html}");
        assert!(html.contains("id=\"user-content-two-words-1\""), "{html}");
    }

    #[test]
    fn math_diagrams_and_code() {
        let html = render(
            "Euler: $e^{i\\pi}+1=0$\n\n$$\\int_0^1 x\\,dx$$\n\n```mermaid\ngraph TD; A-->B<script>\n```\n\n```math\na<b\n```\n\n```rust\nfn main() {}\n```\n",
        );
        assert!(
            html.contains("<span class=\"math math-inline\">e^{i\\pi}+1=0</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"math math-display\">\\int_0^1 x\\,dx</span>"),
            "{html}"
        );
        assert!(
            html.contains("<pre class=\"mermaid-source\"><code>graph TD; A--&gt;B&lt;script&gt;\n</code></pre>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"math math-display\">a&lt;b\n</span>"),
            "{html}"
        );
        assert!(
            html.contains("<pre class=\"code-block\"><code><span class=\"hl-"),
            "{html}"
        );
    }

    #[test]
    fn no_script_survives() {
        let corpus = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)></svg>",
            "[click](javascript:alert(1))",
            "[click](JaVa\tScRiPt:alert(1))",
            "[x](vbscript:msgbox)",
            "![img](data:text/html;base64,PHNjcmlwdD4=)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=//evil></iframe>",
            "<details open ontoggle=alert(1)><summary>x</summary></details>",
            "<kbd style=\"position:fixed\" onclick=alert(1)>x</kbd>",
            // A writer's own marker characters cannot smuggle one of our pieces in.
            "\u{E000}0\u{E001} $x$ <b>\u{E000}0\u{E001}</b>",
            "$\\href{javascript:alert(1)}{x}$ <span class=\"math math-inline\">\\href{javascript:alert(1)}{y}</span>",
        ];
        for input in corpus {
            let html = render(input);
            let lower = html.to_ascii_lowercase();
            for bad in [
                "<script",
                "onerror=",
                "ontoggle",
                "onclick",
                "<svg onload",
                "<iframe",
                "href=\"java",
                "href=\"vbscript",
                "src=\"data:",
                "style=",
            ] {
                assert!(!lower.contains(bad), "{input} kept {bad}: {html}");
            }
        }
        let smuggled = render("\u{E000}0\u{E001} $x$ <b>\u{E000}0\u{E001}</b>");
        assert_eq!(smuggled.matches("class=\"math").count(), 1, "{smuggled}");
        let alt = render("![$\" onerror=\"alert(1)$](x.png)");
        assert!(
            alt.contains("alt=\"&quot; onerror=&quot;alert(1)\""),
            "{alt}"
        );
        assert!(render("[rel](./other.md)").contains("href=\"./other.md\""));
    }

    #[test]
    fn a_task_is_ticked_in_place() {
        let text = "# List\n\n- [ ] one\n- [x] two\n  * [ ] nested\n\n```\n- [ ] not a task\n```\n";
        assert_eq!(
            set_task(text, 0, true).unwrap(),
            text.replacen("- [ ] one", "- [x] one", 1)
        );
        assert_eq!(
            set_task(text, 1, false).unwrap(),
            text.replacen("- [x] two", "- [ ] two", 1)
        );
        assert_eq!(
            set_task(text, 2, true).unwrap(),
            text.replacen("* [ ] nested", "* [x] nested", 1)
        );
        assert_eq!(set_task(text, 3, true), Err(TaskError::NoSuchTask));
        // The numbers are the ones the page's boxes carry.
        let html = render(text);
        assert_eq!(html.matches("task-list-item-checkbox").count(), 3);
        assert!(html.contains("data-task=\"2\""));
    }
}
