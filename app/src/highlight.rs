//! Syntax highlighting on the server (syntect), as class names: the colours live in one
//! stylesheet with a light and a dark theme, so a theme switch needs no re-render.

use std::sync::LazyLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
/// Past this, a file is shown as plain text: highlighting is linear but not free.
const HIGHLIGHT_LIMIT: usize = 512 * 1024;

fn syntax_for(filename: &str, code: &str) -> &'static SyntaxReference {
    let set = &*SYNTAXES;
    let extension = filename
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .unwrap_or(filename);
    set.find_syntax_by_extension(extension)
        .or_else(|| set.find_syntax_by_extension(&extension.to_ascii_lowercase()))
        .or_else(|| set.find_syntax_by_first_line(code.lines().next().unwrap_or_default()))
        .unwrap_or_else(|| set.find_syntax_plain_text())
}

/// The file as HTML: escaped text inside `<span class="hl-...">`, nothing else.
pub fn highlight(filename: &str, code: &str) -> String {
    highlight_within(filename, code, std::time::Duration::MAX)
}

/// [`highlight`], giving up (plain escaped text) once `budget` is spent: no file can hold
/// a worker for longer than that, whatever its lines look like.
pub fn highlight_within(filename: &str, code: &str, budget: std::time::Duration) -> String {
    if code.len() > HIGHLIGHT_LIMIT {
        return escape(code);
    }
    // Loading the syntax set happens once per process: it is not this file's cost, and
    // counting it left the first files after a start (or on a busy machine) plain.
    highlight_with(syntax_for(filename, code), code, budget)
}

fn highlight_with(syntax: &SyntaxReference, code: &str, budget: std::time::Duration) -> String {
    let started = std::time::Instant::now();
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, STYLE);
    for (n, line) in LinesWithEndings::from(code).enumerate() {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
            || (n > 0 && n % 32 == 0 && started.elapsed() > budget)
        {
            return escape(code);
        }
    }
    generator.finalize()
}

/// A Markdown code block whose fence names its language (`rust`, `py`, `Shell`...): by
/// syntect's token lookup (names and extensions); unknown or none: escaped text.
pub fn highlight_token(token: &str, code: &str, budget: std::time::Duration) -> String {
    let set = &*SYNTAXES;
    match (!token.is_empty())
        .then(|| set.find_syntax_by_token(token))
        .flatten()
    {
        Some(syntax) if code.len() <= HIGHLIGHT_LIMIT => highlight_with(syntax, code, budget),
        _ => escape(code),
    }
}

/// Text made safe for element content.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The light colours alone, for embeds in other people's pages.
pub fn light_stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], STYLE).unwrap_or_default()
}

/// The dark colours alone, for embeds asking for a dark theme (nested under their class).
pub fn dark_stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], STYLE).unwrap_or_default()
}

/// `/highlight.css`: a light theme, and a dark one for dark pages (chosen or system).
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        css_for_theme_with_class_style(&themes.themes[name], STYLE).unwrap_or_default()
    };
    let dark = css("base16-ocean.dark");
    format!(
        "{}\n.app[data-theme=\"dark\"] {{\n{dark}\n}}\n@media (prefers-color-scheme: dark) {{\n.app:not([data-theme=\"light\"]) {{\n{dark}\n}}\n}}\n",
        css("InspiredGitHub")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_and_escapes() {
        let html = highlight("main.rs", "fn main() { let x = \"<b>\"; }\n");
        assert!(html.contains("hl-"), "{html}");
        assert!(
            html.contains("&lt;b&gt;") && !html.contains("<b>"),
            "{html}"
        );
        let plain = highlight("notes.unknownext", "<script>alert(1)</script>\n");
        assert!(!plain.contains("<script"), "{plain}");
        assert!(stylesheet().contains(".app[data-theme=\"dark\"]"));
    }

    /// The budget is the file's own work: the syntax set's one-time load (seconds in a
    /// debug build on a busy machine) is not charged to the first file, and the first
    /// 32 lines are always highlighted.
    #[test]
    fn the_budget_counts_only_the_file() {
        let short = highlight_within("main.rs", "fn main() {}\n", std::time::Duration::ZERO);
        assert!(short.contains("hl-"), "{short}");
        let long = "fn main() {}\n".repeat(100);
        let cut = highlight_within("main.rs", &long, std::time::Duration::ZERO);
        assert!(!cut.contains("hl-"), "past its budget a file is plain");
    }
}
