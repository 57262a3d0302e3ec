//! What a server function needs from its request: the app state, the caller (the
//! [`Viewer`] the server resolved), the caller's address; and what it sets on the response.

use http::header::SET_COOKIE;
use leptos::prelude::*;

use crate::access::{Credential, Viewer};
use crate::entities::user;
use crate::error::{Error, Result};
use crate::services::sessions::COOKIE as SESSION_COOKIE;
use crate::state::AppState;

pub fn state() -> Result<AppState> {
    use_context::<AppState>()
        .ok_or_else(|| Error::internal("server function without state", "no AppState in context"))
}

fn request() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// Who is calling, as the server's `identify` layer resolved it for this request. An SSR
/// render and every server function it runs share the one lookup.
pub fn viewer() -> Viewer {
    request()
        .map(|parts| Viewer::of(&parts))
        .unwrap_or_default()
}

/// The signed-in user, or `Unauthenticated`.
pub fn require_user() -> Result<user::Model> {
    viewer().require_user().cloned()
}

/// The signed-in admin; anyone else gets `NotFound` (see [`AppState::admin`]).
pub async fn require_admin() -> Result<user::Model> {
    state()?.admin(&viewer()).await
}

/// The value of the request's cookie `name`.
pub fn cookie(name: &str) -> Option<String> {
    request()?
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| crate::rules::cookie::value(v, name).map(str::to_owned))
}

/// The secret of the caller's session, if they have one.
pub fn session_secret() -> Option<String> {
    match viewer().credential() {
        Some(Credential::Session { secret }) => Some(secret.clone()),
        _ => None,
    }
}

/// The client's address (for throttling), as the edge decided it.
pub fn client_address() -> String {
    request()
        .and_then(|p| {
            p.extensions
                .get::<crate::services::ratelimit::ClientAddress>()
                .map(|c| c.0.to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

pub fn set_cookie(value: String) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&value),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// Starts a session and hands the browser its cookie: HttpOnly, SameSite=Lax, and
/// Secure when the instance is served over https.
pub async fn start_session(user_id: i64) -> Result<()> {
    let state = state()?;
    let secret = state.sessions.create(user_id).await?;
    set_cookie(crate::services::sessions::cookie(
        &secret,
        state.external_url.starts_with("https://"),
    ));
    Ok(())
}

/// Carries a sign-in's next step ([`crate::sign_in::Step`]) to the browser: the
/// session's cookie, or the waiting sign-in's. Returns where the browser goes next.
pub fn take_step(step: crate::sign_in::Step) -> Result<String> {
    use crate::sign_in::{SECOND_FACTOR_PAGE, Step, clear_pending_cookie, pending_cookie};
    let secure = state()?.external_url.starts_with("https://");
    Ok(match step {
        Step::Session { secret, next } => {
            set_cookie(crate::services::sessions::cookie(&secret, secure));
            set_cookie(clear_pending_cookie());
            next
        }
        Step::SecondFactor { pending } => {
            set_cookie(pending_cookie(&pending, secure));
            SECOND_FACTOR_PAGE.to_owned()
        }
    })
}

pub async fn end_session() -> Result<()> {
    if let Some(secret) = session_secret() {
        state()?.sessions.end(&secret).await?;
    }
    set_cookie(format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
    ));
    Ok(())
}
