//! What a server function needs from its request: the app state, the session cookie,
//! the caller's address; and what it sets on the response.

use http::header::{COOKIE, SET_COOKIE};
use leptos::prelude::*;

use crate::entities::user;
use crate::error::{Error, Result};
use crate::services::sessions::{COOKIE as SESSION_COOKIE, LIFETIME_DAYS, SessionService};
use crate::state::AppState;

pub fn state() -> Result<AppState> {
    use_context::<AppState>()
        .ok_or_else(|| Error::internal("server function without state", "no AppState in context"))
}

fn request() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The value of one request cookie.
pub fn cookie(name: &str) -> Option<String> {
    let parts = request()?;
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The signed-in user, if any.
pub async fn session_user() -> Result<Option<user::Model>> {
    let Some(secret) = cookie(SESSION_COOKIE) else {
        return Ok(None);
    };
    SessionService::new(state()?.db.clone()).user(&secret).await
}

/// The signed-in user, or `Unauthenticated`.
pub async fn require_user() -> Result<user::Model> {
    session_user().await?.ok_or(Error::Unauthenticated)
}

/// The signed-in admin. Anyone else gets `NotFound`: the admin panel does not exist for
/// them.
pub async fn require_admin() -> Result<user::Model> {
    match session_user().await? {
        Some(user) if user.is_admin => Ok(user),
        _ => Err(Error::NotFound),
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

fn set_cookie(value: String) {
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
    let secret = SessionService::new(state.db.clone())
        .create(user_id)
        .await?;
    let secure = if state.external_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let max_age = LIFETIME_DAYS * 24 * 60 * 60;
    set_cookie(format!(
        "{SESSION_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ));
    Ok(())
}

pub async fn end_session() -> Result<()> {
    if let Some(secret) = cookie(SESSION_COOKIE) {
        SessionService::new(state()?.db.clone())
            .end(&secret)
            .await?;
    }
    set_cookie(format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
    ));
    Ok(())
}
