//! The caller of a request, resolved once by the server's `identify` layer from whatever
//! credential the door takes (the session cookie, an `Authorization` token, git's Basic
//! auth) and kept in the request's extensions. Handlers take it as an extractor; server
//! functions and SSR renders read it from the request parts in their context.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use http::request::Parts;

use crate::entities::user;
use crate::error::{Error, Result};
use crate::rules::Scope;

/// How the caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A browser session. `secret` is the cookie's value (logging out ends it).
    Session { secret: String },
    /// A personal access token, limited to its scopes.
    Token { scopes: Vec<Scope> },
    /// A password, given to git over HTTP Basic.
    Password,
    /// A registered SSH key (git over SSH).
    SshKey,
}

/// Who is calling: nobody, or a user with the credential they used.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    signed_in: Option<(Arc<user::Model>, Credential)>,
}

impl Viewer {
    pub fn anonymous() -> Viewer {
        Viewer::default()
    }

    pub fn new(user: user::Model, credential: Credential) -> Viewer {
        Viewer {
            signed_in: Some((Arc::new(user), credential)),
        }
    }

    pub fn user(&self) -> Option<&user::Model> {
        self.signed_in.as_ref().map(|(u, _)| u.as_ref())
    }

    pub fn id(&self) -> Option<i64> {
        self.user().map(|u| u.id)
    }

    pub fn credential(&self) -> Option<&Credential> {
        self.signed_in.as_ref().map(|(_, c)| c)
    }

    /// Whether the credential covers `needed`: a session or a password covers
    /// everything its user may do, a token only its scopes.
    pub fn allows(&self, needed: Scope) -> bool {
        match self.credential() {
            None => false,
            Some(Credential::Session { .. } | Credential::Password | Credential::SshKey) => true,
            Some(Credential::Token { scopes }) => scopes.iter().any(|s| s.grants(needed)),
        }
    }

    /// The user to read private gists as: only if the credential may read gists. A token
    /// without `gist:read` sees what anonymous callers see.
    pub fn reader(&self) -> Option<i64> {
        self.id().filter(|_| self.allows(Scope::GistRead))
    }

    /// The signed-in user, whatever the credential's scopes; `Unauthenticated` otherwise.
    pub fn require_user(&self) -> Result<&user::Model> {
        self.user().ok_or(Error::Unauthenticated)
    }

    /// The user, whose credential must cover `scope`: `Unauthenticated` without one,
    /// `Forbidden` when a token lacks the scope.
    pub fn require(&self, scope: Scope) -> Result<&user::Model> {
        let user = self.require_user()?;
        if !self.allows(scope) {
            return Err(Error::Forbidden(format!(
                "This token lacks the {scope} scope"
            )));
        }
        Ok(user)
    }

    /// The signed-in admin. Anyone else gets `NotFound`: the admin panel does not exist
    /// for them.
    pub fn require_admin(&self) -> Result<&user::Model> {
        match self.user() {
            Some(user) if super::admin(self) => Ok(user),
            _ => Err(Error::NotFound),
        }
    }

    /// The one the server's layer put in `parts`; anonymous if none did.
    pub fn of(parts: &Parts) -> Viewer {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .unwrap_or_default()
    }
}

/// `Viewer` as a handler argument: what the `identify` layer resolved for this request.
impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _: &S,
    ) -> std::result::Result<Self, Self::Rejection> {
        Ok(Viewer::of(parts))
    }
}
