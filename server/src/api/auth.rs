//! Who is calling: a personal access token in `Authorization`, or nobody.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use app::entities::user;
use app::rules::Scope;
use app::services::TokenService;
use app::services::tokens::TokenIdentity;
use app::state::AppState;

use super::error::ApiError;

/// The caller of an API request. Anonymous unless a valid token was sent; an invalid
/// token is refused outright (401 `Bad credentials`) rather than treated as anonymous.
#[derive(Clone)]
pub struct Caller(pub Option<TokenIdentity>);

impl Caller {
    pub fn user(&self) -> Option<&user::Model> {
        self.0.as_ref().map(|i| &i.user)
    }

    /// The user, who must hold `scope`: 401 without a token, 403 without the scope.
    pub fn require(&self, scope: Scope) -> Result<&user::Model, ApiError> {
        let identity = self.0.as_ref().ok_or(app::Error::Unauthenticated)?;
        if !identity.allows(scope) {
            return Err(ApiError::forbidden(format!(
                "This token lacks the {scope} scope"
            )));
        }
        Ok(&identity.user)
    }

    /// Any valid token, whatever its scopes.
    pub fn require_user(&self) -> Result<&user::Model, ApiError> {
        self.user()
            .ok_or_else(|| app::Error::Unauthenticated.into())
    }

    /// The user id to see private data with: only if the token may read gists.
    pub fn gist_reader(&self) -> Option<i64> {
        self.0
            .as_ref()
            .filter(|i| i.allows(Scope::GistRead))
            .map(|i| i.user.id)
    }
}

/// `Bearer <token>` or `token <token>`, scheme case-insensitive.
pub fn token_from_header(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    let known = scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("token");
    (known && !token.is_empty()).then_some(token)
}

impl Caller {
    /// Resolves the `Authorization` header; an unusable or unknown token is an error.
    pub async fn resolve(
        headers: &axum::http::HeaderMap,
        state: &AppState,
    ) -> Result<Caller, app::Error> {
        let Some(header) = headers.get(axum::http::header::AUTHORIZATION) else {
            return Ok(Caller(None));
        };
        let token = header
            .to_str()
            .ok()
            .and_then(token_from_header)
            .ok_or(app::Error::BadCredentials)?;
        let identity = TokenService::new(state.db.clone()).verify(token).await?;
        Ok(Caller(Some(identity)))
    }
}

/// Handlers read the caller the API's gate resolved (once per request).
impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Caller>()
            .cloned()
            .unwrap_or(Caller(None)))
    }
}

#[cfg(test)]
mod tests {
    use super::token_from_header;

    #[test]
    fn schemes() {
        assert_eq!(token_from_header("Bearer og_x"), Some("og_x"));
        assert_eq!(token_from_header("token og_x"), Some("og_x"));
        assert_eq!(token_from_header("TOKEN og_x"), Some("og_x"));
        assert_eq!(token_from_header("bearer  og_x "), Some("og_x"));
        assert_eq!(token_from_header("Basic abc"), None);
        assert_eq!(token_from_header("Bearer"), None);
    }
}
