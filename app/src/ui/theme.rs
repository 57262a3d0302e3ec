//! Light and dark themes. Without a choice the page takes the instance's default theme
//! (the admin's branding: the system's unless they chose); a choice is kept
//! in a cookie so the server renders it right away (no flash of the wrong theme). A
//! signed-in person's saved preference (Settings → Preferences) counts where this device
//! has no cookie; saving it sets the cookie too. The browser starts from what the server
//! rendered, so both sides agree whichever of the two decided.

use leptos::prelude::*;

const COOKIE: &str = "theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    /// `light`, `dark`, anything else: follow the system.
    pub fn from_name(name: &str) -> Self {
        match name {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn from_cookie_header(header: &str) -> Self {
        crate::rules::cookie::value(header, COOKIE)
            .map(Theme::from_name)
            .unwrap_or(Theme::System)
    }

    /// The `data-theme` attribute; absent means "follow the system".
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    fn toggled(self, system_is_dark: bool) -> Self {
        match self {
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::System if system_is_dark => Theme::Light,
            Theme::System => Theme::Dark,
        }
    }
}

/// Reads the visitor's choice and shares it with the page.
pub fn provide_theme() -> RwSignal<Theme> {
    let theme = RwSignal::new(initial_theme());
    provide_context(theme);
    theme
}

#[cfg(feature = "ssr")]
fn initial_theme() -> Theme {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .map(Theme::from_cookie_header)
                .find(|theme| *theme != Theme::System)
        })
        .or_else(|| {
            let viewer = crate::functions::context::viewer();
            let theme = Theme::from_name(&viewer.user()?.pref_theme);
            (theme != Theme::System).then_some(theme)
        })
        // Nobody chose: the instance's default (the admin panel's branding).
        .unwrap_or_else(|| Theme::from_name(&super::branding::use_branding().theme))
}

#[cfg(not(feature = "ssr"))]
fn initial_theme() -> Theme {
    match browser::rendered_theme() {
        Some(name) => Theme::from_name(&name),
        None => browser::cookie_header()
            .map(|h| Theme::from_cookie_header(&h))
            .unwrap_or(Theme::System),
    }
}

/// Shows `theme` now and remembers it on this device (after the preference is saved).
pub fn apply_theme(theme: Theme) {
    if let Some(signal) = use_context::<RwSignal<Theme>>() {
        signal.set(theme);
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let t = crate::i18n::use_i18n();
    let theme = expect_context::<RwSignal<Theme>>();
    let toggle = move |_| {
        let next = theme.get_untracked().toggled(system_prefers_dark());
        theme.set(next);
        remember(next);
    };
    let label = move || match theme.get() {
        Theme::Dark => crate::tr!(t, "theme-switch-to-light"),
        Theme::Light => crate::tr!(t, "theme-switch-to-dark"),
        Theme::System => crate::tr!(t, "theme-toggle"),
    };
    view! {
        <button type="button" class="theme-toggle" on:click=toggle aria-label=label title=label>
            <span class="icon-sun" aria-hidden="true">"☀"</span>
            <span class="icon-moon" aria-hidden="true">"☾"</span>
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;

    fn document() -> Option<web_sys::HtmlDocument> {
        web_sys::window()?.document()?.dyn_into().ok()
    }

    pub fn cookie_header() -> Option<String> {
        document()?.cookie().ok()
    }

    /// The theme the server rendered the page in (`data-theme` on the app's root).
    pub fn rendered_theme() -> Option<String> {
        document()?
            .query_selector(".app[data-theme]")
            .ok()??
            .get_attribute("data-theme")
    }

    pub fn set_cookie(value: &str) {
        if let Some(doc) = document() {
            let _ = doc.set_cookie(value);
        }
    }

    pub fn prefers_dark() -> bool {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches())
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    #[cfg(not(feature = "ssr"))]
    pub fn cookie_header() -> Option<String> {
        None
    }
    #[cfg(not(feature = "ssr"))]
    pub fn rendered_theme() -> Option<String> {
        None
    }
    pub fn set_cookie(_: &str) {}
    pub fn prefers_dark() -> bool {
        false
    }
}

fn system_prefers_dark() -> bool {
    browser::prefers_dark()
}

fn remember(theme: Theme) {
    let value = theme.attribute().unwrap_or("system");
    browser::set_cookie(&format!(
        "{COOKIE}={value}; Path=/; Max-Age=31536000; SameSite=Lax"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookie_and_toggles() {
        assert_eq!(Theme::from_cookie_header("a=b; theme=dark"), Theme::Dark);
        assert_eq!(Theme::from_cookie_header("theme=light"), Theme::Light);
        assert_eq!(Theme::from_cookie_header("theme=bogus"), Theme::System);
        assert_eq!(Theme::from_cookie_header(""), Theme::System);
        assert_eq!(Theme::System.toggled(false), Theme::Dark);
        assert_eq!(Theme::System.toggled(true), Theme::Light);
        assert_eq!(Theme::Dark.toggled(false), Theme::Light);
    }
}
