//! GitHub-flavoured Markdown to HTML, safe to insert into a page: raw HTML is shown as
//! text, and links or images with script-capable URLs lose their URL.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        // Raw HTML becomes visible text: the renderer escapes Text events.
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Keeps relative URLs and the schemes a document legitimately links to.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    // Browsers ignore control characters and white space inside a scheme ("java\tscript:").
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = compact.split_once(':').map(|(s, _)| s);
    match scheme {
        None => url,
        Some(s) if s.contains(['/', '?', '#']) => url,
        Some("http" | "https" | "mailto") => url,
        Some(_) => CowStr::Borrowed(""),
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_gfm() {
        let html = render("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ - [x] done\n");
        assert!(html.contains("<h1>Title</h1>"));
        assert!(html.contains("<table>") && html.contains("<td>1</td>"));
        assert!(html.contains("<del>old</del>"));
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
        ];
        for input in corpus {
            let html = render(input);
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("<script"), "{input} -> {html}");
            assert!(!lower.contains("<img src=\"x\""), "{input} -> {html}");
            assert!(!lower.contains("<svg"), "{input} -> {html}");
            assert!(!lower.contains("<iframe"), "{input} -> {html}");
            assert!(!lower.contains("<a href=\"java"), "{input} -> {html}");
            assert!(!lower.contains("<a href=\"vbscript"), "{input} -> {html}");
            assert!(!lower.contains("src=\"data:"), "{input} -> {html}");
        }
        assert!(render("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;"));
        assert!(
            render("[ok](https://example.com/a?b)").contains("href=\"https://example.com/a?b\"")
        );
        assert!(render("[rel](./other.md)").contains("href=\"./other.md\""));
    }
}
