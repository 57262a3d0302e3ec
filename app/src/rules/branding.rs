//! How an instance looks like its own: its name, logo and favicon, footer links, accent
//! colour and the defaults a visitor starts from (theme, list order, code wrapping).
//!
//! The admin sets them in the admin panel; the configuration file may pin any of them
//! (Opengist's `custom.*` keys), and then the panel shows them as set by configuration.
//! The checks here run on the server, and the same [`Branding`] value is what the
//! browser renders with, so both sides draw the same header.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// The name shown when the admin chose none.
pub const DEFAULT_NAME: &str = "Gistful";
/// The longest instance name, in characters: it sits in the header of a phone screen.
pub const NAME_MAX: usize = 40;
/// Footer links at most, and the longest label and address of one.
pub const LINKS_MAX: usize = 8;
pub const LINK_LABEL_MAX: usize = 40;
pub const LINK_URL_MAX: usize = 200;
/// The widest or tallest logo or favicon, in pixels: a small file may still decode to a
/// huge bitmap in every visitor's browser.
pub const PIXELS_MAX: u32 = 4096;

/// Everything a page needs to look like this instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branding {
    /// Never empty: [`DEFAULT_NAME`] unless the admin chose one.
    pub name: String,
    /// Where the logo and the favicon are served, with their version, when uploaded.
    pub logo: Option<String>,
    pub favicon: Option<String>,
    pub links: Vec<FooterLink>,
    pub accent: Accent,
    /// `system`, `light` or `dark`: a visitor's theme before they choose one.
    pub theme: String,
    /// How lists are ordered when the address does not say.
    pub sort: ListSort,
    /// Whether long lines of code wrap for visitors who have no preference saved.
    pub soft_wrap: bool,
}

impl Default for Branding {
    fn default() -> Self {
        Branding {
            name: DEFAULT_NAME.into(),
            logo: None,
            favicon: None,
            links: Vec::new(),
            accent: Accent::Blue,
            theme: "system".into(),
            sort: ListSort::Updated,
            soft_wrap: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FooterLink {
    pub label: String,
    /// `https://...`, `http://...`, or a path on this site (`/about`).
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListSort {
    /// Recently updated first.
    #[default]
    Updated,
    /// Newest first.
    Created,
}

impl ListSort {
    pub fn as_str(self) -> &'static str {
        match self {
            ListSort::Updated => "updated",
            ListSort::Created => "created",
        }
    }

    pub fn parse(name: &str) -> Option<ListSort> {
        match name {
            "updated" => Some(ListSort::Updated),
            "created" => Some(ListSort::Created),
            _ => None,
        }
    }

    /// The order a list is in: the address's `?sort=`, else the instance's default.
    pub fn of_query(query: Option<&str>, default: ListSort) -> ListSort {
        query.and_then(ListSort::parse).unwrap_or(default)
    }
}

/// The accent colours offered. Each is a pair (light theme, dark theme) for links, tabs
/// and focus rings, and a pair white text reads on; every one is checked against the
/// backgrounds it sits on (see the tests), so no choice breaks WCAG AA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Accent {
    #[default]
    Blue,
    Green,
    Purple,
    Orange,
    Red,
    Pink,
    Teal,
}

/// The page backgrounds of the stylesheet (`--bg`, `--bg-subtle`), light then dark.
pub const LIGHT_BACKGROUNDS: [&str; 2] = ["#ffffff", "#f6f8fa"];
pub const DARK_BACKGROUNDS: [&str; 2] = ["#0d1117", "#161b22"];
/// WCAG AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

impl Accent {
    pub const ALL: [Accent; 7] = [
        Accent::Blue,
        Accent::Green,
        Accent::Purple,
        Accent::Orange,
        Accent::Red,
        Accent::Pink,
        Accent::Teal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Accent::Blue => "blue",
            Accent::Green => "green",
            Accent::Purple => "purple",
            Accent::Orange => "orange",
            Accent::Red => "red",
            Accent::Pink => "pink",
            Accent::Teal => "teal",
        }
    }

    pub fn parse(name: &str) -> Option<Accent> {
        Accent::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// Text colour: (light theme, dark theme).
    pub fn text(self) -> (&'static str, &'static str) {
        match self {
            Accent::Blue => ("#0969da", "#4493f8"),
            Accent::Green => ("#1a7f37", "#3fb950"),
            Accent::Purple => ("#8250df", "#ab7df8"),
            Accent::Orange => ("#bc4c00", "#f0883e"),
            Accent::Red => ("#cf222e", "#f85149"),
            Accent::Pink => ("#bf3989", "#db61a2"),
            Accent::Teal => ("#0a7c72", "#2fb5a6"),
        }
    }

    /// A background for white text: (light theme, dark theme).
    pub fn emphasis(self) -> (&'static str, &'static str) {
        match self {
            Accent::Blue => ("#0969da", "#1f6feb"),
            Accent::Green => ("#1a7f37", "#238636"),
            Accent::Purple => ("#8250df", "#8957e5"),
            Accent::Orange => ("#bc4c00", "#bd561d"),
            Accent::Red => ("#cf222e", "#da3633"),
            Accent::Pink => ("#bf3989", "#bf4b8a"),
            Accent::Teal => ("#0a7c72", "#0e7d73"),
        }
    }

    /// The custom properties the page's root takes (the stylesheet's `--accent` and
    /// `--accent-emphasis`); none for the stylesheet's own blue.
    pub fn style(self) -> Option<String> {
        if self == Accent::Blue {
            return None;
        }
        let ((text_light, text_dark), (emph_light, emph_dark)) = (self.text(), self.emphasis());
        Some(format!(
            "--accent: light-dark({text_light}, {text_dark}); --accent-emphasis: light-dark({emph_light}, {emph_dark});"
        ))
    }
}

/// WCAG's contrast ratio of two `#rrggbb` colours (1 to 21); `None` for anything else.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#').filter(|h| h.len() == 6)?;
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

fn invalid(field: &str, message: impl Into<String>) -> FieldError {
    FieldError::new("Branding", field, "invalid", message.into())
}

/// The instance name as typed: trimmed; empty means the default. No control characters,
/// at most [`NAME_MAX`] characters.
pub fn validate_name(name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    if name.chars().count() > NAME_MAX {
        return Err(invalid(
            "name",
            format!("the name is at most {NAME_MAX} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(invalid("name", "the name is one line of plain text"));
    }
    Ok(name.to_owned())
}

/// Footer links from the admin panel's box: one per line, `Label | address`. Blank lines
/// are skipped. An address is `http(s)://` or a path on this site: nothing a browser
/// would run (`javascript:`, `data:`).
pub fn parse_links(text: &str) -> Result<Vec<FooterLink>, FieldError> {
    let mut links = Vec::new();
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() {
            continue;
        }
        if links.len() == LINKS_MAX {
            return Err(invalid(
                "links",
                format!("at most {LINKS_MAX} footer links"),
            ));
        }
        let Some((label, url)) = line.rsplit_once('|') else {
            return Err(invalid(
                "links",
                format!("line {number}: write it as `Label | https://address`"),
            ));
        };
        links.push(
            validate_link(label, url)
                .map_err(|m| invalid("links", format!("line {number}: {m}")))?,
        );
    }
    Ok(links)
}

/// One footer link, checked (also for the configuration's `custom.static-links`).
pub fn validate_link(label: &str, url: &str) -> Result<FooterLink, String> {
    let (label, url) = (label.trim(), url.trim());
    if label.is_empty() || label.chars().count() > LINK_LABEL_MAX {
        return Err(format!("a label is 1 to {LINK_LABEL_MAX} characters"));
    }
    if label.chars().any(char::is_control)
        || url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err("no control characters or spaces in an address".into());
    }
    if url.len() > LINK_URL_MAX {
        return Err(format!("an address is at most {LINK_URL_MAX} characters"));
    }
    let lower = url.to_ascii_lowercase();
    let web = ["https://", "http://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty())
    });
    let local = url.starts_with('/') && !url.starts_with("//") && !url.contains('\\');
    if !web && !local {
        return Err("an address starts with https://, http:// or /".into());
    }
    Ok(FooterLink {
        label: label.to_owned(),
        url: url.to_owned(),
    })
}

/// The links as the admin panel's box shows them (what [`parse_links`] reads back).
pub fn links_text(links: &[FooterLink]) -> String {
    links
        .iter()
        .map(|l| format!("{} | {}", l.label, l.url))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_accent_reads_on_every_background_in_both_themes() {
        for accent in Accent::ALL {
            let (light, dark) = accent.text();
            for bg in LIGHT_BACKGROUNDS {
                let ratio = contrast(light, bg).unwrap();
                assert!(
                    ratio >= MIN_CONTRAST,
                    "{accent:?} {light} on {bg}: {ratio:.2}"
                );
            }
            for bg in DARK_BACKGROUNDS {
                let ratio = contrast(dark, bg).unwrap();
                assert!(
                    ratio >= MIN_CONTRAST,
                    "{accent:?} {dark} on {bg}: {ratio:.2}"
                );
            }
            let (light, dark) = accent.emphasis();
            for fill in [light, dark] {
                let ratio = contrast("#ffffff", fill).unwrap();
                assert!(
                    ratio >= MIN_CONTRAST,
                    "white on {accent:?} {fill}: {ratio:.2}"
                );
            }
            assert_eq!(Accent::parse(accent.as_str()), Some(accent));
        }
    }

    #[test]
    fn contrast_is_wcags() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#777777").unwrap() - 1.0).abs() < 1e-9);
        // A colour that fails: light grey on white.
        assert!(contrast("#aaaaaa", "#ffffff").unwrap() < MIN_CONTRAST);
        assert_eq!(contrast("blue", "#ffffff"), None);
        assert_eq!(contrast("#12345", "#ffffff"), None);
    }

    #[test]
    fn the_default_accent_leaves_the_stylesheet_alone() {
        assert_eq!(Accent::Blue.style(), None);
        let style = Accent::Teal.style().unwrap();
        assert!(
            style.contains("--accent: light-dark(#0a7c72, #2fb5a6)"),
            "{style}"
        );
    }

    #[test]
    fn names() {
        assert_eq!(validate_name("  Acme snippets ").unwrap(), "Acme snippets");
        assert_eq!(validate_name("").unwrap(), "");
        assert!(validate_name(&"x".repeat(NAME_MAX + 1)).is_err());
        assert!(
            validate_name(&"é".repeat(NAME_MAX)).is_ok(),
            "characters, not bytes"
        );
        assert!(validate_name("two\nlines").is_err());
    }

    #[test]
    fn links() {
        let links = parse_links("Docs | https://example.com/docs\n\n About|/about \n").unwrap();
        assert_eq!(
            links,
            vec![
                FooterLink {
                    label: "Docs".into(),
                    url: "https://example.com/docs".into()
                },
                FooterLink {
                    label: "About".into(),
                    url: "/about".into()
                },
            ]
        );
        assert_eq!(parse_links(&links_text(&links)).unwrap(), links);
        for bad in [
            "Evil | javascript:alert(1)",
            "Evil | JAVASCRIPT:alert(1)",
            "Data | data:text/html,<script>",
            "Other | //evil.example",
            "Slash | /\\evil.example",
            "No address",
            " | https://example.com",
            "Space | https://exa mple.com",
            "Bare | https://",
        ] {
            assert!(parse_links(bad).is_err(), "{bad}");
        }
        let many = "A | /a\n".repeat(LINKS_MAX + 1);
        assert!(parse_links(&many).is_err());
        assert_eq!(
            parse_links(&"A | /a\n".repeat(LINKS_MAX)).unwrap().len(),
            LINKS_MAX
        );
    }

    #[test]
    fn list_sort_of_query() {
        assert_eq!(
            ListSort::of_query(None, ListSort::Created),
            ListSort::Created
        );
        assert_eq!(
            ListSort::of_query(Some("updated"), ListSort::Created),
            ListSort::Updated
        );
        assert_eq!(
            ListSort::of_query(Some("bogus"), ListSort::Created),
            ListSort::Created
        );
    }

    proptest! {
        /// Whatever is typed, a link that passes is a web address or a local path.
        #[test]
        fn accepted_links_never_run_code(
            label in "[a-z]{1,8}",
            url in "(?i)(https?://|/|//|javascript:|data:|)[a-z/.:\\\\]{0,20}",
        ) {
            let safe = |url: &str| {
                let lower = url.to_ascii_lowercase();
                lower.starts_with("https://") || lower.starts_with("http://")
                    || (lower.starts_with('/') && !lower.starts_with("//") && !lower.contains('\\'))
            };
            let only_safe = validate_link(&label, &url).map_or(true, |link| safe(&link.url));
            prop_assert!(only_safe);
            // And the other way: a safe address is taken.
            let bare_scheme = url.len() < 9 && url.contains("://");
            prop_assert!(!safe(&url) || bare_scheme || validate_link(&label, &url).is_ok());
        }

        /// A name that passes reads back unchanged.
        #[test]
        fn accepted_names_are_stable(name in "\\PC{0,50}") {
            let stable = validate_name(&name).map_or(true, |kept| {
                validate_name(&kept).as_ref() == Ok(&kept) && kept.chars().count() <= NAME_MAX
            });
            prop_assert!(stable);
        }
    }
}
