//! Which language this request's page is in: decided once, on the server.

use super::{COOKIE, Locale, negotiate};

/// The signed-in person's setting, else the picker's cookie, else `Accept-Language`,
/// else the instance's `default-locale`.
pub fn locale() -> Locale {
    let viewer = crate::functions::context::viewer();
    viewer
        .user()
        .and_then(|user| Locale::from_tag(&user.pref_locale))
        .or_else(|| crate::functions::context::cookie(COOKIE).and_then(|c| Locale::from_tag(&c)))
        .or_else(|| {
            let parts = leptos::prelude::use_context::<http::request::Parts>()?;
            let header = parts.headers.get(http::header::ACCEPT_LANGUAGE)?;
            negotiate(header.to_str().ok()?)
        })
        // No state while the router lists its routes at start-up: English then.
        .or_else(|| {
            leptos::prelude::use_context::<crate::state::AppState>().map(|s| s.default_locale)
        })
        .unwrap_or_default()
}

/// This request's [`I18n`](super::I18n), for words the server writes into a page's data
/// (relative times, expiries).
pub fn i18n() -> super::I18n {
    super::I18n { locale: locale() }
}
