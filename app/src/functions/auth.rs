//! Register, log in, log out, and who is signed in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The signed-in user as pages see it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub username: String,
    pub name: String,
    pub is_admin: bool,
    pub preferences: crate::rules::preferences::Preferences,
}

#[server(prefix = "/sfn", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<SessionUser>, Error> {
    let user = super::context::viewer().user().cloned();
    Ok(user.map(|u| SessionUser {
        preferences: u.preferences(),
        name: u.display_name,
        username: u.username,
        is_admin: u.is_admin,
    }))
}

/// An identity provider the login page offers ("Sign in with ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInProvider {
    /// Where the sign-in starts: `/oauth/{provider}`.
    pub path: String,
    /// As the button names it.
    pub name: String,
}

/// How the login page lets people in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    pub providers: Vec<SignInProvider>,
    /// The username and password form (off with `disable-login-form`).
    pub password_form: bool,
}

#[server(prefix = "/sfn", endpoint = "sign_in_providers")]
pub async fn sign_in_providers() -> Result<SignInOptions, Error> {
    let state = super::context::state()?;
    Ok(SignInOptions {
        providers: state.sign_in.as_ref().clone(),
        password_form: state.password_form,
    })
}

/// Refused when the instance signs people in through its providers only.
#[cfg(feature = "ssr")]
fn password_form_allowed(state: &crate::state::AppState) -> Result<(), Error> {
    if state.password_form {
        Ok(())
    } else {
        Err(Error::Forbidden(
            "This instance signs people in through its sign-in providers only".into(),
        ))
    }
}

/// Only local paths: `next` must not send a fresh login to another site. Browsers drop
/// tabs and newlines from a `Location` and read a backslash as `/`, so `/\t/evil.example` would
/// become `//evil.example`: a path with any control character, whitespace or backslash
/// is refused, and so is one whose second character makes it scheme-relative.
#[cfg(any(feature = "ssr", test))]
pub fn local_path(next: Option<String>) -> String {
    next.filter(|n| {
        n.starts_with('/')
            && !n
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
            && !n[1..].starts_with('/')
    })
    .unwrap_or_else(|| "/".to_owned())
}

#[server(prefix = "/sfn", endpoint = "register")]
pub async fn register(username: String, email: String, password: String) -> Result<(), Error> {
    use crate::services::users::NewUser;

    let state = super::context::state()?;
    password_form_allowed(&state)?;
    if state.settings.load().await?.disable_signup {
        return Err(Error::Forbidden(
            "Registration is closed on this instance".into(),
        ));
    }
    let user = state
        .users
        .register(NewUser {
            username,
            email,
            password,
            admin: false,
        })
        .await?;
    super::context::start_session(user.id).await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "login")]
pub async fn login(username: String, password: String, next: Option<String>) -> Result<(), Error> {
    let state = super::context::state()?;
    password_form_allowed(&state)?;
    let address = super::context::client_address();
    if !state.login_limiter.allows(&username, &address) {
        return Err(Error::RateLimited);
    }
    let signup = !state.settings.load().await?.disable_signup;
    match state
        .identities
        .check_password(username.trim(), &password, signup)
        .await
    {
        Ok(user) => {
            state.login_limiter.succeeded(&username);
            let step = state.first_factor_proved(&user, &local_path(next)).await?;
            leptos_axum::redirect(&super::context::take_step(step)?);
            Ok(())
        }
        Err(Error::BadCredentials) => {
            state.login_limiter.failed(&username, &address);
            Err(Error::Forbidden("Incorrect username or password".into()))
        }
        Err(other) => Err(other),
    }
}

#[server(prefix = "/sfn", endpoint = "logout")]
pub async fn logout() -> Result<(), Error> {
    super::context::end_session().await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(local_path(Some("/alice/abc".into())), "/alice/abc");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r//evil.example",
            "/ /evil.example",
            "/\u{3000}/evil.example",
            "/\u{7f}/evil.example",
            "relative",
            "",
        ] {
            assert_eq!(local_path(Some(bad.into())), "/", "{bad}");
        }
        assert_eq!(local_path(None), "/");
    }
}
