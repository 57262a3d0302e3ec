//! Every word the web UI shows, in the visitor's language (issue 23).
//!
//! One catalogue per language, in Mozilla's Fluent format (`app/locales/<tag>.ftl`),
//! compiled into the binary and the wasm alike, so the server renders a page in the very
//! words the browser then hydrates. Fluent picks plural forms by the language's CLDR rules
//! (Arabic has six; "1 fork" is not "1 forks"), and every number an argument carries is
//! grouped the way the language writes it. A key missing from a language falls back to
//! English (a test fails on any such key; see `tests` below and `app/tests/i18n.rs`).
//!
//! The language of a page is decided once per request on the server ([`request`]): the
//! signed-in person's setting, else the picker's cookie on this device, else
//! `Accept-Language`, else the instance's `default-locale`. The browser reads what the
//! server decided from `<html lang>`. The REST API and the logs stay English.

mod negotiate;
#[cfg(feature = "ssr")]
pub mod request;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;

pub use negotiate::negotiate;

/// The cookie the language picker sets.
pub const COOKIE: &str = "locale";

/// The languages the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
    Es,
    PtBr,
    Ja,
    ZhCn,
    Ru,
    Uk,
    Ar,
}

impl Locale {
    pub const ALL: [Locale; 10] = [
        Locale::En,
        Locale::De,
        Locale::Fr,
        Locale::Es,
        Locale::PtBr,
        Locale::Ja,
        Locale::ZhCn,
        Locale::Ru,
        Locale::Uk,
        Locale::Ar,
    ];

    /// The BCP 47 tag: `<html lang>`, the cookie, the setting.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::PtBr => "pt-BR",
            Locale::Ja => "ja",
            Locale::ZhCn => "zh-CN",
            Locale::Ru => "ru",
            Locale::Uk => "uk",
            Locale::Ar => "ar",
        }
    }

    /// What the picker shows: each language in its own words.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::PtBr => "Português (Brasil)",
            Locale::Ja => "日本語",
            Locale::ZhCn => "简体中文",
            Locale::Ru => "Русский",
            Locale::Uk => "Українська",
            Locale::Ar => "العربية",
        }
    }

    /// A tag we speak exactly (case-insensitive), as stored or sent back by the picker.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }

    /// `<html dir>`: the layout mirrors for right-to-left languages.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    fn index(self) -> usize {
        Locale::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    /// The catalogue's source text.
    pub fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("../../locales/en.ftl"),
            Locale::De => include_str!("../../locales/de.ftl"),
            Locale::Fr => include_str!("../../locales/fr.ftl"),
            Locale::Es => include_str!("../../locales/es.ftl"),
            Locale::PtBr => include_str!("../../locales/pt-BR.ftl"),
            Locale::Ja => include_str!("../../locales/ja.ftl"),
            Locale::ZhCn => include_str!("../../locales/zh-CN.ftl"),
            Locale::Ru => include_str!("../../locales/ru.ftl"),
            Locale::Uk => include_str!("../../locales/uk.ftl"),
            Locale::Ar => include_str!("../../locales/ar.ftl"),
        }
    }

    fn number_format(self) -> &'static num_format::Locale {
        use num_format::Locale as N;
        match self {
            Locale::En => &N::en,
            Locale::De => &N::de,
            Locale::Fr => &N::fr,
            Locale::Es => &N::es,
            Locale::PtBr => &N::pt,
            Locale::Ja => &N::ja,
            Locale::ZhCn => &N::zh,
            Locale::Ru => &N::ru,
            Locale::Uk => &N::uk,
            Locale::Ar => &N::ar,
        }
    }

    /// `1234.5` as this language writes it (`1,234.5`, `1.234,5`); at most two decimals.
    pub fn decimal(self, value: f64) -> String {
        let hundredths = (value.abs() * 100.0).round() as i64;
        let (whole, fraction) = (hundredths / 100, hundredths % 100);
        let sign = if value < 0.0 && hundredths != 0 {
            "-"
        } else {
            ""
        };
        let whole = self.number(whole);
        match fraction {
            0 => format!("{sign}{whole}"),
            f if f % 10 == 0 => {
                format!("{sign}{whole}{}{}", self.number_format().decimal(), f / 10)
            }
            f => format!("{sign}{whole}{}{f:02}", self.number_format().decimal()),
        }
    }

    /// `12345` as this language writes it: `12,345`, `12.345`, `12 345`...
    pub fn number(self, n: i64) -> String {
        use num_format::ToFormattedString;
        n.to_formatted_string(self.number_format())
    }
}

type Bundle = FluentBundle<FluentResource>;

/// Fluent asks a bundle's formatter for every number it prints; one function per language
/// (a formatter is a plain `fn`, so the language is a type parameter).
fn grouped<const L: usize, M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.is_finite() && n.value.abs() < 1e15 => {
            Some(Locale::ALL[L].decimal(n.value))
        }
        _ => None,
    }
}

fn formatter<M>(locale: Locale) -> fn(&FluentValue, &M) -> Option<String> {
    match locale.index() {
        0 => grouped::<0, M>,
        1 => grouped::<1, M>,
        2 => grouped::<2, M>,
        3 => grouped::<3, M>,
        4 => grouped::<4, M>,
        5 => grouped::<5, M>,
        6 => grouped::<6, M>,
        7 => grouped::<7, M>,
        8 => grouped::<8, M>,
        _ => grouped::<9, M>,
    }
}

fn bundle(locale: Locale) -> Bundle {
    let lang: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![lang]);
    // Usernames and file names inside a sentence are marked up by the page (`<bdi>`) where
    // it matters; Fluent's invisible isolation marks would end up in titles and values.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formatter(locale)));
    // A catalogue with a syntax error keeps the entries that parsed; the test suite fails
    // on any error, so none ships.
    let resource = match FluentResource::try_new(locale.source().to_owned()) {
        Ok(r) | Err((r, _)) => r,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

static BUNDLES: LazyLock<Vec<Bundle>> =
    LazyLock::new(|| Locale::ALL.into_iter().map(bundle).collect());

fn lookup(locale: Locale, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = &BUNDLES[locale.index()];
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// `key` in `locale`, else in English, else the key itself (never empty, never a panic).
pub fn message(locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
    lookup(locale, key, args)
        .or_else(|| lookup(Locale::En, key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// The page's language, shared with every component: `let t = use_i18n();` then
/// `tr!(t, "gist-edit")` or `tr!(t, "count-forks", count = n)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn get(self, key: &str) -> String {
        message(self.locale, key, None)
    }

    pub fn with(self, key: &str, args: &FluentArgs) -> String {
        message(self.locale, key, Some(args))
    }

    pub fn number(self, n: i64) -> String {
        self.locale.number(n)
    }
}

/// The page's language (English outside a page, e.g. in unit tests of components).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

/// Decides the page's language and shares it (the app's root calls this once).
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        locale: initial_locale(),
    };
    provide_context(i18n);
    i18n
}

#[cfg(feature = "ssr")]
fn initial_locale() -> Locale {
    request::locale()
}

/// The browser renders in the language the server chose: `<html lang>`.
#[cfg(not(feature = "ssr"))]
fn initial_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        web_sys_lang()
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Locale::En
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn web_sys_lang() -> Option<String> {
    let html = leptos::web_sys::window()?.document()?.document_element()?;
    html.get_attribute("lang")
}

/// `tr!(t, "count-forks", count = n)`: message `key` of the catalogue in `t`'s language,
/// with named arguments (numbers select plural forms).
#[macro_export]
macro_rules! tr {
    ($t:expr, $key:literal) => {
        $t.get($key)
    };
    ($t:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $t.with($key, &args)
    }};
}

pub type Args<'a> = FluentArgs<'a>;

/// Anything a message takes as an argument: text, or a number (which may pick a plural).
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_arabic_is_right_to_left() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
            assert_eq!(l.dir() == "rtl", l == Locale::Ar);
        }
        assert_eq!(Locale::from_tag("PT-br"), Some(Locale::PtBr));
        assert_eq!(Locale::from_tag("xx"), None);
    }

    #[test]
    fn plurals_follow_each_language() {
        let en = I18n { locale: Locale::En };
        assert_eq!(tr!(en, "count-forks", count = 1), "1 fork");
        assert_eq!(tr!(en, "count-forks", count = 2), "2 forks");
        let ru = I18n { locale: Locale::Ru };
        assert_eq!(tr!(ru, "count-forks", count = 1), "1 форк");
        assert_eq!(tr!(ru, "count-forks", count = 3), "3 форка");
        assert_eq!(tr!(ru, "count-forks", count = 5), "5 форков");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(Locale::En.number(1234567), "1,234,567");
        assert_eq!(Locale::De.number(1234567), "1.234.567");
        assert_eq!(Locale::De.decimal(1234.5), "1.234,5");
        assert_eq!(Locale::En.decimal(-0.25), "-0.25");
        assert_eq!(Locale::En.decimal(3.0), "3");
        let en = I18n { locale: Locale::En };
        assert_eq!(tr!(en, "count-stars", count = 12345), "12,345 stars");
        let de = I18n { locale: Locale::De };
        assert!(tr!(de, "count-stars", count = 12345).starts_with("12.345 "));
    }

    #[test]
    fn a_missing_key_falls_back_without_panicking() {
        let ar = I18n { locale: Locale::Ar };
        assert_eq!(ar.get("no-such-key"), "no-such-key");
    }
}
