//! Second factors: set up and remove authenticator apps and passkeys, recovery codes,
//! and the second step of a sign-in. The WebAuthn ceremonies are called by
//! `public/passkeys.js` (the browser's `navigator.credentials`), with form-encoded
//! arguments and JSON answers like every server function.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyItem {
    pub id: i64,
    pub name: String,
    pub added: String,
    pub last_used: String,
}

/// What the settings page shows of the signed-in user's second factors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorList {
    pub totp: bool,
    pub passkeys: Vec<PasskeyItem>,
    pub recovery_left: u64,
    /// Why passkeys cannot be used on this instance, if they cannot.
    pub passkeys_unavailable: Option<String>,
}

/// An authenticator app being set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    pub secret: String,
    pub uri: String,
    /// The QR code of `uri`, an SVG made on the server, as a `data:` URL.
    pub qr_image: String,
}

/// A WebAuthn ceremony under way: its secret, sent back with the answer, and the
/// options for `navigator.credentials` (JSON text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ceremony {
    pub challenge: String,
    pub options: String,
}

/// A sign-in waiting for its second factor, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    pub username: String,
    pub totp: bool,
    pub passkeys: bool,
}

#[server(prefix = "/sfn", endpoint = "second_factors")]
pub async fn second_factors() -> Result<SecondFactorList, Error> {
    let user = super::context::require_user()?;
    let state = super::context::state()?;
    let status = state.second_factor.status(user.id).await?;
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
    Ok(SecondFactorList {
        totp: status.totp,
        passkeys: status
            .passkeys
            .into_iter()
            .map(|p| PasskeyItem {
                id: p.id,
                name: p.name,
                added: day(p.created_at),
                last_used: p.last_used_at.map_or_else(|| "never".into(), day),
            })
            .collect(),
        recovery_left: status.recovery_left,
        passkeys_unavailable: state
            .second_factor
            .passkeys_unavailable()
            .map(str::to_owned),
    })
}

#[server(prefix = "/sfn", endpoint = "begin_totp")]
pub async fn begin_totp() -> Result<TotpSetup, Error> {
    let user = super::context::require_user()?;
    let setup = super::context::state()?
        .second_factor
        .totp_begin(&user)
        .await?;
    Ok(TotpSetup {
        secret: setup.secret,
        uri: setup.uri,
        qr_image: setup.qr_image,
    })
}

/// Returns the recovery codes made for a first second factor (none when the account
/// still has unused ones).
#[server(prefix = "/sfn", endpoint = "confirm_totp")]
pub async fn confirm_totp(code: String) -> Result<Vec<String>, Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .second_factor
        .totp_confirm(&user, &code)
        .await
}

#[server(prefix = "/sfn", endpoint = "remove_totp")]
pub async fn remove_totp() -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .second_factor
        .totp_remove(user.id)
        .await
}

#[server(prefix = "/sfn", endpoint = "new_recovery_codes")]
pub async fn new_recovery_codes() -> Result<Vec<String>, Error> {
    let user = super::context::require_user()?;
    let state = super::context::state()?;
    if !state.second_factor.has_second_factor(user.id).await? {
        return Err(Error::Conflict(
            "Set up an authenticator app or a passkey first".into(),
        ));
    }
    state.second_factor.regenerate_recovery_codes(user.id).await
}

#[server(prefix = "/sfn", endpoint = "remove_passkey")]
pub async fn remove_passkey(id: i64) -> Result<(), Error> {
    let user = super::context::require_user()?;
    super::context::state()?
        .second_factor
        .remove_passkey(user.id, id)
        .await
}

#[server(prefix = "/sfn", endpoint = "passkey_register_options")]
pub async fn passkey_register_options(name: String) -> Result<Ceremony, Error> {
    let user = super::context::require_user()?;
    let (challenge, options) = super::context::state()?
        .second_factor
        .register_begin(&user, &name)
        .await?;
    Ok(Ceremony {
        challenge,
        options: options.to_string(),
    })
}

/// Returns the recovery codes made when this is the account's first second factor.
#[server(prefix = "/sfn", endpoint = "passkey_register")]
pub async fn passkey_register(challenge: String, credential: String) -> Result<Vec<String>, Error> {
    let user = super::context::require_user()?;
    let (_, codes) = super::context::state()?
        .second_factor
        .register_finish(&user, &challenge, &credential)
        .await?;
    Ok(codes)
}

#[server(prefix = "/sfn", endpoint = "passkey_login_options")]
pub async fn passkey_login_options() -> Result<Ceremony, Error> {
    let (challenge, options) = super::context::state()?.second_factor.login_begin().await?;
    Ok(Ceremony {
        challenge,
        options: options.to_string(),
    })
}

/// Signs in with a passkey alone (it proves both factors: something held, and the
/// device's own check of who holds it). Returns where to go.
#[server(prefix = "/sfn", endpoint = "passkey_login")]
pub async fn passkey_login(
    challenge: String,
    credential: String,
    next: Option<String>,
) -> Result<String, Error> {
    let state = super::context::state()?;
    let user = state
        .second_factor
        .login_finish(&challenge, &credential)
        .await?;
    let step = state
        .open_session(&user, &super::auth::local_path(next))
        .await?;
    super::context::take_step(step)
}

#[cfg(feature = "ssr")]
fn pending_secret() -> Result<String, Error> {
    super::context::cookie(crate::sign_in::PENDING_COOKIE)
        .ok_or_else(|| Error::Conflict("This sign-in expired; log in again".into()))
}

#[server(prefix = "/sfn", endpoint = "pending_sign_in")]
pub async fn pending_sign_in() -> Result<Option<Waiting>, Error> {
    let Ok(secret) = pending_secret() else {
        return Ok(None);
    };
    let pending = super::context::state()?
        .second_factor
        .pending(&secret)
        .await?;
    Ok(pending.map(|p| Waiting {
        username: p.user.username,
        totp: p.totp,
        passkeys: p.passkeys,
    }))
}

/// The second step of a sign-in: a code from the authenticator app, or a recovery
/// code. Wrong codes are throttled like wrong passwords.
#[server(prefix = "/sfn", endpoint = "second_factor")]
pub async fn second_factor(code: String) -> Result<(), Error> {
    let state = super::context::state()?;
    let secret = pending_secret()?;
    let Some(pending) = state.second_factor.pending(&secret).await? else {
        return Err(Error::Conflict("This sign-in expired; log in again".into()));
    };
    let username = pending.user.username.clone();
    let address = super::context::client_address();
    if !state.login_limiter.allows(&username, &address) {
        return Err(Error::RateLimited);
    }
    match state.second_factor.finish_with_code(&secret, &code).await {
        Ok(pending) => {
            state.login_limiter.succeeded(&username);
            let step = state.open_session(&pending.user, &pending.next).await?;
            leptos_axum::redirect(&super::context::take_step(step)?);
            Ok(())
        }
        Err(Error::BadCredentials) => {
            state.login_limiter.failed(&username, &address);
            Err(Error::Forbidden(
                "That code is not right (or was used already)".into(),
            ))
        }
        Err(other) => Err(other),
    }
}

#[server(prefix = "/sfn", endpoint = "second_factor_passkey_options")]
pub async fn second_factor_passkey_options() -> Result<Ceremony, Error> {
    let secret = pending_secret()?;
    let options = super::context::state()?
        .second_factor
        .second_factor_begin(&secret)
        .await?;
    Ok(Ceremony {
        challenge: String::new(),
        options: options.to_string(),
    })
}

/// The second step of a sign-in with one of the account's passkeys. Returns where to go.
#[server(prefix = "/sfn", endpoint = "second_factor_passkey")]
pub async fn second_factor_passkey(credential: String) -> Result<String, Error> {
    let state = super::context::state()?;
    let secret = pending_secret()?;
    let pending = state
        .second_factor
        .second_factor_finish(&secret, &credential)
        .await?;
    let step = state.open_session(&pending.user, &pending.next).await?;
    super::context::take_step(step)
}
