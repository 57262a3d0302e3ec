//! The language picker's one action: remember the reader's language.

use leptos::prelude::*;

use crate::error::Error;

/// Sets the UI language: on this device (a cookie) and, for a signed-in person, on the
/// account, so it follows them to every device. An empty `locale` means "automatic"
/// (the browser's languages). A plain form post from the footer, with or without
/// JavaScript; it goes back to the page it came from (`next`, else the `Referer` when it
/// is this site's), where every word is then rendered again in the new language. The
/// form does not carry the page's address itself: a page must not echo what it was
/// asked for (a 404 page says nothing of the path that found nothing).
#[server(prefix = "/sfn", endpoint = "set_locale")]
pub async fn set_locale(locale: String, #[server(default)] next: String) -> Result<(), Error> {
    use crate::i18n::{COOKIE, Locale};

    let chosen = match locale.trim() {
        "" => None,
        tag => Some(Locale::from_tag(tag).ok_or_else(|| {
            Error::invalid(
                "User",
                "locale",
                format!("{tag:?} is not a language this site speaks"),
            )
        })?),
    };
    if let Some(user) = super::context::viewer().user() {
        super::context::state()?
            .users
            .set_locale(user.id, chosen)
            .await?;
    }
    super::context::set_cookie(match chosen {
        Some(l) => format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            l.tag()
        ),
        None => format!("{COOKIE}=; Path=/; Max-Age=0; SameSite=Lax"),
    });
    let next = Some(next).filter(|n| !n.is_empty()).or_else(came_from);
    leptos_axum::redirect(&super::auth::local_path(next));
    Ok(())
}

/// The path and query of the page that posted, if it is one of this site's.
#[cfg(feature = "ssr")]
fn came_from() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let referer: http::Uri = parts
        .headers
        .get(http::header::REFERER)?
        .to_str()
        .ok()?
        .parse()
        .ok()?;
    let host = parts.headers.get(http::header::HOST)?.to_str().ok()?;
    (referer.authority()?.as_str() == host)
        .then(|| referer.path_and_query().map(|p| p.to_string()))?
}
