//! Who is calling, and may they get past the instance's login requirement: resolved once
//! per request, in front of every door, and kept in the request as a [`Viewer`].
//!
//! Each door takes the credential its clients send: the REST API an `Authorization`
//! token (`Bearer og_...` or `token og_...`), git HTTP Basic (a password or a token), the
//! web (pages, server functions, raw files, ZIPs, embeds) the session cookie. This is
//! the only code that reads a cookie or a token; what a caller may do is asked of
//! [`app::access`].

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;

use app::access::{self, Credential, Gate, Viewer};
use app::route::Route;
use app::services::ratelimit::ClientAddress;
use app::services::sessions::COOKIE;
use app::state::AppState;

use crate::api::ApiError;
use crate::git_http;

/// What an `Authorization` header carries.
#[derive(Debug, PartialEq, Eq)]
enum Authorization<'a> {
    /// `Bearer <token>` or `token <token>`, scheme case-insensitive.
    Token(&'a str),
    /// `Basic base64(user:secret)`.
    Basic { user: String, secret: String },
    /// Something else, or nothing readable.
    Unusable,
}

/// The one parser of `Authorization`.
fn authorization(value: &str) -> Authorization<'_> {
    let Some((scheme, rest)) = value.trim().split_once(' ') else {
        return Authorization::Unusable;
    };
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("token") {
        return if rest.is_empty() {
            Authorization::Unusable
        } else {
            Authorization::Token(rest)
        };
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(rest)
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        if let Some((user, secret)) = decoded.as_deref().and_then(|d| d.split_once(':')) {
            return Authorization::Basic {
                user: user.trim().to_owned(),
                secret: secret.to_owned(),
            };
        }
    }
    Authorization::Unusable
}

/// The session cookie's value, from any of the request's `Cookie` headers.
fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| app::rules::cookie::value(h, COOKIE))
}

/// What git shows someone who pushes with the password of an account with a second factor.
pub const SECOND_FACTOR_GIT: &str = "Password authentication is not available for accounts with \
a second factor (two-factor authentication). Use a personal access token as the password: \
create one in Settings, Access tokens.";

/// Why a credential was refused; each door says it its own way.
enum Refused {
    /// A token or password that is wrong, expired or unreadable.
    BadCredentials,
    /// Too many failed passwords from this address or for this user.
    Throttled,
    /// A password for an account with a second factor: git must use a token.
    SecondFactor,
    /// The database could not be asked.
    Internal,
}

/// The middleware: resolve the caller, apply the login gate, hand the caller on.
pub async fn layer(State(state): State<AppState>, mut req: Request<Body>, next: Next) -> Response {
    let route = match req.extensions().get::<Route>() {
        Some(route) => route.clone(),
        None => Route::parse(req.uri().path()),
    };
    // The site's own files and the health probe need nobody.
    if matches!(route, Route::Asset | Route::Health) {
        return next.run(req).await;
    }
    let settings = match state.settings.load().await {
        Ok(settings) => settings,
        Err(e) => return refusal(&route, Refused::Internal, e.to_string()),
    };
    if matches!(route, Route::Api(_)) && !access::api(state.api_enabled, &settings) {
        return ApiError::forbidden("The API is disabled on this instance").into_response();
    }
    // The headers and address, not the request: its body is not `Sync`, so a borrow of
    // the request cannot be held across an await.
    let address = req
        .extensions()
        .get::<ClientAddress>()
        .map(|c| c.0.to_string())
        .unwrap_or_else(|| "unknown".into());
    let viewer = match resolve(&state, &route, req.headers(), &address).await {
        Ok(viewer) => viewer,
        Err(refused) => return refusal(&route, refused, String::new()),
    };
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    if access::gate(route.reach(read), &viewer, &settings) == Gate::SignIn {
        return sign_in_first(&route, req.uri().path());
    }
    req.extensions_mut().insert(viewer);
    req.extensions_mut().insert(route);
    next.run(req).await
}

/// The caller, from the credential this route's door takes.
async fn resolve(
    state: &AppState,
    route: &Route,
    headers: &HeaderMap,
    address: &str,
) -> Result<Viewer, Refused> {
    match route {
        Route::Api(_) => {
            let Some(value) = headers.get(header::AUTHORIZATION) else {
                return Ok(Viewer::anonymous());
            };
            let Authorization::Token(token) = value
                .to_str()
                .map_or(Authorization::Unusable, authorization)
            else {
                return Err(Refused::BadCredentials);
            };
            let identity = state.tokens.verify(token).await.map_err(|e| match e {
                app::Error::BadCredentials => Refused::BadCredentials,
                _ => Refused::Internal,
            })?;
            Ok(Viewer::new(
                identity.user,
                Credential::Token {
                    scopes: identity.scopes,
                },
            ))
        }
        Route::Git(..) => {
            let Some(value) = headers.get(header::AUTHORIZATION) else {
                return Ok(Viewer::anonymous());
            };
            let Authorization::Basic { user, secret } = value
                .to_str()
                .map_or(Authorization::Unusable, authorization)
            else {
                return Err(Refused::BadCredentials);
            };
            git_credentials(state, &user, &secret, address).await
        }
        _ => {
            let Some(secret) = session_cookie(headers) else {
                return Ok(Viewer::anonymous());
            };
            match state.sessions.user(secret).await {
                Ok(Some(user)) => Ok(Viewer::new(
                    user,
                    Credential::Session {
                        secret: secret.to_owned(),
                    },
                )),
                // An ended or unknown session is nobody: the page shows "sign in".
                Ok(None) => Ok(Viewer::anonymous()),
                Err(_) => Err(Refused::Internal),
            }
        }
    }
}

/// Git's Basic auth: the username with a personal access token or the password. A token
/// is checked by its hash (cheap) and never throttled, so failed passwords (anyone's
/// guesses) cannot lock the owner's scripts out; a wrong token still counts as a failure.
/// Passwords go through argon2 and the login throttle.
async fn git_credentials(
    state: &AppState,
    username: &str,
    secret: &str,
    address: &str,
) -> Result<Viewer, Refused> {
    if secret.starts_with(app::services::tokens::TOKEN_PREFIX) {
        let token = state
            .tokens
            .verify(secret)
            .await
            .ok()
            .filter(|t| t.user.username.eq_ignore_ascii_case(username));
        return match token {
            Some(t) => Ok(Viewer::new(t.user, Credential::Token { scopes: t.scopes })),
            None => {
                state.login_limiter.failed(username, address);
                Err(Refused::BadCredentials)
            }
        };
    }
    if !state.login_limiter.allows(username, address) {
        return Err(Refused::Throttled);
    }
    // An account with a second factor never takes its password over git (GitHub's
    // rule): refused before the password is even checked, so the answer does not tell
    // whether it was right.
    match state.users.find_by_username(username).await {
        Ok(Some(user)) => match state.second_factor.has_second_factor(user.id).await {
            Ok(true) => return Err(Refused::SecondFactor),
            Ok(false) => {}
            Err(_) => return Err(Refused::Internal),
        },
        Ok(None) => {}
        Err(_) => return Err(Refused::Internal),
    }
    let signup = match state.settings.load().await {
        Ok(settings) => !settings.disable_signup,
        Err(_) => return Err(Refused::Internal),
    };
    match state
        .identities
        .check_password(username, secret, signup)
        .await
    {
        Ok(user) => {
            state.login_limiter.succeeded(username);
            Ok(Viewer::new(user, Credential::Password))
        }
        Err(_) => {
            state.login_limiter.failed(username, address);
            Err(Refused::BadCredentials)
        }
    }
}

fn text(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{message}\n"),
    )
        .into_response()
}

fn refusal(route: &Route, refused: Refused, cause: String) -> Response {
    if let Refused::Internal = refused {
        tracing::error!(error = %cause, "cannot resolve the caller");
    }
    match (route, refused) {
        (Route::Api(_), Refused::BadCredentials) => {
            ApiError::from(app::Error::BadCredentials).into_response()
        }
        (Route::Api(_), _) => ApiError::from(app::Error::Internal).into_response(),
        (Route::Git(..), Refused::BadCredentials) => git_http::challenge(),
        // git prints a text/plain body of a 401 as `remote: ...` before giving up.
        (_, Refused::SecondFactor) => git_http::challenge_with(SECOND_FACTOR_GIT),
        (_, Refused::Throttled) => text(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many failed logins; wait a few minutes and try again",
        ),
        _ => text(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error"),
    }
}

/// "Sign in first", as each door says it.
fn sign_in_first(route: &Route, path: &str) -> Response {
    match route {
        Route::Api(_) => ApiError::from(app::Error::Unauthenticated).into_response(),
        // git asks for credentials itself (401), which a redirect would break.
        Route::Git(..) => git_http::challenge(),
        Route::Raw(_) | Route::Download(_) | Route::Archive(_) | Route::Embed(..) => text(
            StatusCode::UNAUTHORIZED,
            "Log in to read gists on this instance",
        ),
        Route::ServerFunction(_) => text(StatusCode::UNAUTHORIZED, "Log in first"),
        _ => {
            let next = url::form_urlencoded::byte_serialize(path.as_bytes()).collect::<String>();
            (
                StatusCode::FOUND,
                [(header::LOCATION, format!("/login?next={next}"))],
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_schemes() {
        use Authorization as A;
        assert_eq!(authorization("Bearer og_x"), A::Token("og_x"));
        assert_eq!(authorization("token og_x"), A::Token("og_x"));
        assert_eq!(authorization("TOKEN og_x"), A::Token("og_x"));
        assert_eq!(authorization("bearer  og_x "), A::Token("og_x"));
        assert_eq!(authorization("Bearer"), A::Unusable);
        assert_eq!(authorization("Bearer "), A::Unusable);
        // "alice:pa:ss" — a password may hold colons, a username may not.
        assert_eq!(
            authorization("Basic YWxpY2U6cGE6c3M="),
            A::Basic {
                user: "alice".into(),
                secret: "pa:ss".into()
            }
        );
        assert!(authorization("basic YWxpY2U6cGE6c3M=").is_basic());
        assert_eq!(authorization("Basic not-base64!"), A::Unusable);
        assert_eq!(authorization("Digest abc"), A::Unusable);
    }

    impl Authorization<'_> {
        fn is_basic(&self) -> bool {
            matches!(self, Authorization::Basic { .. })
        }
    }

    #[test]
    fn the_session_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, "theme=dark".parse().unwrap());
        headers.append(
            header::COOKIE,
            format!("a=b; {COOKIE}=s3cret").parse().unwrap(),
        );
        assert_eq!(session_cookie(&headers), Some("s3cret"));
        assert_eq!(session_cookie(&HeaderMap::new()), None);
    }
}
