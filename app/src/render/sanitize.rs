//! The one HTML sanitiser: everything a visitor wrote that becomes markup on a page
//! (Markdown's inline HTML, a notebook's `text/html` output) passes through [`clean`].
//!
//! The allowlist is GitHub's (its `html-pipeline` sanitisation filter) minus the few
//! entries that only make sense to GitHub: elements that structure or annotate text,
//! tables, `details`/`summary`, `picture`/`source`, and images. No `style`, no event
//! handler, no `class` (our own classes come from [`super::markdown`]'s trusted pieces,
//! spliced in after this pass), no form controls, no `name` (it clobbers `document.*`).
//! Links keep `http`, `https`, `mailto` and relative URLs; an image may also be a
//! `data:image/...` URL. An `id` is prefixed `user-content-`, and so is a `#fragment`
//! link, so a document's own anchors work and none can clobber one of the page's.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The prefix of every `id` a visitor's HTML carries (GitHub's).
pub const ID_PREFIX: &str = "user-content-";

const TAGS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "b",
    "i",
    "strong",
    "em",
    "a",
    "pre",
    "code",
    "img",
    "tt",
    "div",
    "ins",
    "del",
    "sup",
    "sub",
    "p",
    "ol",
    "ul",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "kbd",
    "q",
    "samp",
    "var",
    "hr",
    "ruby",
    "rt",
    "rp",
    "li",
    "tr",
    "td",
    "th",
    "s",
    "strike",
    "summary",
    "details",
    "caption",
    "figure",
    "figcaption",
    "abbr",
    "bdo",
    "cite",
    "dfn",
    "mark",
    "small",
    "span",
    "time",
    "wbr",
    "picture",
    "source",
    "section",
];

/// Attributes any allowed element may carry (GitHub's list without the form-related ones).
const GENERIC: &[&str] = &[
    "abbr",
    "align",
    "alt",
    "aria-describedby",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
    "axis",
    "border",
    "cellpadding",
    "cellspacing",
    "clear",
    "colspan",
    "datetime",
    "dir",
    "headers",
    "height",
    "hreflang",
    "hspace",
    "id",
    "lang",
    "nowrap",
    "open",
    "rowspan",
    "scope",
    "span",
    "start",
    "summary",
    "title",
    "valign",
    "vspace",
    "width",
    "reversed",
];

/// Classes pulldown-cmark writes on footnotes, and which visitors may use as well (they
/// only style).
const CLASSES: &[(&str, &[&str])] = &[
    ("div", &["footnote-definition"]),
    ("sup", &["footnote-definition-label", "footnote-reference"]),
];

/// Elements whose content goes with them (not kept as text).
const CLEAN_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "noscript", "svg", "math",
];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(CLEAN_CONTENT.iter().copied().collect())
        .generic_attributes(GENERIC.iter().copied().collect())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("img", HashSet::from(["src", "srcset", "loading"])),
            (
                "source",
                HashSet::from(["srcset", "media", "type", "sizes"]),
            ),
            ("blockquote", HashSet::from(["cite"])),
            ("q", HashSet::from(["cite"])),
            ("del", HashSet::from(["cite"])),
            ("ins", HashSet::from(["cite"])),
            ("td", HashSet::from(["char", "charoff"])),
            ("th", HashSet::from(["char", "charoff"])),
        ]))
        .allowed_classes(
            CLASSES
                .iter()
                .map(|(tag, classes)| (*tag, classes.iter().copied().collect()))
                .collect(),
        )
        // `data` is checked per element below: images only, and only images in it.
        .url_schemes(HashSet::from(["http", "https", "mailto", "data"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("nofollow noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    builder
});

fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        (_, "id") if value.starts_with(ID_PREFIX) => Some(Cow::Borrowed(value)),
        (_, "id") => Some(Cow::Owned(format!("{ID_PREFIX}{value}"))),
        ("a", "href") if value.starts_with('#') && !value[1..].starts_with(ID_PREFIX) => {
            Some(Cow::Owned(format!("#{ID_PREFIX}{}", &value[1..])))
        }
        ("img", "src") if is_data_url(value) => {
            is_image_data(value).then_some(Cow::Borrowed(value))
        }
        (_, "src" | "href" | "cite" | "srcset") if is_data_url(value) => None,
        _ => Some(Cow::Borrowed(value)),
    }
}

fn is_data_url(value: &str) -> bool {
    let start: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(5)
        .collect();
    start.eq_ignore_ascii_case("data:")
}

/// A `data:` URL of a raster image (an SVG image cannot run script either, but keeps to
/// the raster types GitHub shows).
fn is_image_data(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    [
        "data:image/png;",
        "data:image/jpeg;",
        "data:image/gif;",
        "data:image/webp;",
        "data:image/avif;",
        "data:image/svg+xml;",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
}

/// `html` with everything outside the allowlist removed.
pub fn clean(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn githubs_elements_stay() {
        let kept = clean(
            "<details open><summary>More</summary><kbd>Ctrl</kbd>+<kbd>C</kbd> H<sub>2</sub>O \
             x<sup>2</sup><br><img src=\"a.png\" width=\"40\" height=\"20\" align=\"right\" alt=\"A\">\
             <picture><source srcset=\"b.png\" media=\"(prefers-color-scheme: dark)\"><img src=\"c.png\"></picture>\
             <table><tbody><tr><td colspan=\"2\">t</td></tr></tbody></table><ins>i</ins><del>d</del></details>",
        );
        for part in [
            "<details open=\"\">",
            "<summary>More</summary>",
            "<kbd>Ctrl</kbd>",
            "<sub>2</sub>",
            "<sup>2</sup>",
            "<br>",
            "width=\"40\"",
            "height=\"20\"",
            "align=\"right\"",
            "<picture><source srcset=\"b.png\" media=\"(prefers-color-scheme: dark)\">",
            "<td colspan=\"2\">",
            "<ins>i</ins>",
            "<del>d</del>",
        ] {
            assert!(kept.contains(part), "{part} missing from {kept}");
        }
    }

    #[test]
    fn hostile_attributes_and_elements_go() {
        let corpus = [
            "<img src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>x</details>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVa&#09;ScRiPt:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">",
            "<kbd style=\"position:fixed;inset:0\">x</kbd>",
            "<script>alert(1)</script>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<form action=\"https://evil.example\"><input name=password></form>",
            "<img name=\"getElementById\" src=\"a.png\">",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<div class=\"gist-actions\">fake</div>",
        ];
        for input in corpus {
            let out = clean(input).to_ascii_lowercase();
            for bad in [
                "<script",
                "onerror",
                "ontoggle",
                "javascript",
                "vbscript",
                "data:text",
                "style=",
                "<svg",
                "<iframe",
                "<form",
                "<input",
                "name=",
                "<object",
                "<embed",
                "<base",
                "<meta",
                "gist-actions",
            ] {
                assert!(!out.contains(bad), "{input} kept {bad}: {out}");
            }
        }
    }

    #[test]
    fn ids_and_their_links_are_prefixed() {
        let out =
            clean("<h2 id=\"top\">T</h2><a href=\"#top\">up</a><a href=\"#user-content-x\">x</a>");
        assert!(out.contains("id=\"user-content-top\""), "{out}");
        assert!(out.contains("href=\"#user-content-top\""), "{out}");
        assert!(out.contains("href=\"#user-content-x\""), "{out}");
    }

    #[test]
    fn image_data_urls_only_in_images() {
        let png = "data:image/png;base64,iVBORw0KGgo=";
        assert!(clean(&format!("<img src=\"{png}\">")).contains(png));
        assert!(!clean(&format!("<a href=\"{png}\">x</a>")).contains("data:"));
        let kept = clean("<a href=\"https://example.com/\">x</a><a href=\"mailto:a@b.c\">m</a>");
        assert!(kept.contains("href=\"https://example.com/\"") && kept.contains("mailto:"));
        assert!(
            kept.contains("rel=\"nofollow noopener noreferrer\""),
            "{kept}"
        );
    }
}
