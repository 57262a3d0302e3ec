//! GitHub, GitLab and Gitea/Forgejo: OAuth 2.0 sign-in (no ID token), the person read
//! from the forge's own "who am I" API with the access token. The code is exchanged
//! with PKCE, like OpenID Connect's; the account is the forge's numeric user id, which
//! survives renames.

use openidconnect::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, Scope, TokenUrl,
};
use serde::Deserialize;

use app::services::identities::ProviderPerson;

use super::{Failure, Providers, token_error_kind};

/// The most of a forge's user document read.
const USER_DOCUMENT_MAX: usize = 256 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresetKind {
    GitHub,
    GitLab,
    Gitea,
}

impl PresetKind {
    /// The provider's name in URLs (`/oauth/{slug}`), as Opengist names it.
    pub fn slug(self) -> &'static str {
        match self {
            PresetKind::GitHub => "github",
            PresetKind::GitLab => "gitlab",
            PresetKind::Gitea => "gitea",
        }
    }

    /// Where an instance of this forge is when none is configured.
    pub fn default_url(self) -> &'static str {
        match self {
            PresetKind::GitHub => "https://github.com",
            PresetKind::GitLab => "https://gitlab.com",
            PresetKind::Gitea => "https://gitea.com",
        }
    }

    pub fn default_name(self) -> &'static str {
        match self {
            PresetKind::GitHub => "GitHub",
            PresetKind::GitLab => "GitLab",
            PresetKind::Gitea => "Gitea",
        }
    }

    /// (authorize, token, user API, scopes) for a forge at `base`.
    fn endpoints(self, base: &str) -> (String, String, String, &'static [&'static str]) {
        match self {
            PresetKind::GitHub => (
                format!("{base}/login/oauth/authorize"),
                format!("{base}/login/oauth/access_token"),
                // github.com's API lives on its own host; GitHub Enterprise's under /api/v3.
                if base == "https://github.com" {
                    "https://api.github.com/user".to_owned()
                } else {
                    format!("{base}/api/v3/user")
                },
                &["read:user", "user:email"],
            ),
            PresetKind::GitLab => (
                format!("{base}/oauth/authorize"),
                format!("{base}/oauth/token"),
                format!("{base}/api/v4/user"),
                &["read_user"],
            ),
            PresetKind::Gitea => (
                format!("{base}/login/oauth/authorize"),
                format!("{base}/login/oauth/access_token"),
                format!("{base}/api/v1/user"),
                &["read:user"],
            ),
        }
    }
}

/// `github.*`, `gitlab.*` or `gitea.*` in the configuration.
#[derive(Clone, PartialEq)]
pub struct Preset {
    pub kind: PresetKind,
    /// As the "Sign in with ..." button names it.
    pub name: String,
    pub client_key: String,
    pub secret: String,
    /// The forge's address, without a trailing slash.
    pub url: String,
}

impl std::fmt::Debug for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preset")
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("client_key", &self.client_key)
            .field("secret", &"<hidden>")
            .field("url", &self.url)
            .finish()
    }
}

/// The parts of GitHub's, GitLab's and Gitea's user documents we read.
#[derive(Deserialize)]
struct ForgeUser {
    id: serde_json::Value,
    /// GitHub and Gitea.
    login: Option<String>,
    /// GitLab.
    username: Option<String>,
    email: Option<String>,
}

type PresetClient = oauth2::basic::BasicClient<
    oauth2::EndpointSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

impl Providers {
    fn preset_client(&self, preset: &Preset) -> Result<PresetClient, Failure> {
        let (authorize, token, _, _) = preset.kind.endpoints(&preset.url);
        let mut client = oauth2::basic::BasicClient::new(ClientId::new(preset.client_key.clone()))
            .set_client_secret(ClientSecret::new(preset.secret.clone()))
            .set_auth_uri(AuthUrl::new(authorize).map_err(|_| Failure::Internal)?)
            .set_token_uri(TokenUrl::new(token).map_err(|_| Failure::Internal)?)
            .set_redirect_uri(self.callback_url(preset.kind.slug())?);
        if preset.kind == PresetKind::GitHub {
            // GitHub reads the client's credentials from the form, not Basic auth.
            client = client.set_auth_type(oauth2::AuthType::RequestBody);
        }
        Ok(client)
    }

    /// The forge's authorize URL for a new flow, and the flow's `state`.
    pub(super) fn preset_url(
        &self,
        preset: &Preset,
        challenge: PkceCodeChallenge,
    ) -> Result<(url::Url, CsrfToken), Failure> {
        let (_, _, _, scopes) = preset.kind.endpoints(&preset.url);
        let client = self.preset_client(preset)?;
        let mut request = client
            .authorize_url(CsrfToken::new_random)
            .set_pkce_challenge(challenge);
        for scope in scopes {
            request = request.add_scope(Scope::new((*scope).to_owned()));
        }
        Ok(request.url())
    }

    /// The person behind a code: the token, then the forge's user document.
    pub(super) async fn preset_person(
        &self,
        preset: &Preset,
        code: AuthorizationCode,
        verifier: PkceCodeVerifier,
    ) -> Result<ProviderPerson, Failure> {
        let slug = preset.kind.slug();
        let tokens = self
            .preset_client(preset)?
            .exchange_code(code)
            .set_pkce_verifier(verifier)
            .request_async(&self.http)
            .await
            .map_err(|e| {
                tracing::warn!(
                    provider = slug,
                    error = token_error_kind(&e),
                    "oauth: the code exchange failed"
                );
                Failure::Provider
            })?;
        let (_, _, user_url, _) = preset.kind.endpoints(&preset.url);
        let response = self
            .http
            .get(&user_url)
            .bearer_auth(tokens.access_token().secret())
            .header("accept", "application/json")
            // GitHub refuses API calls without one.
            .header("user-agent", "Gistful")
            .send()
            .await
            .map_err(|e| {
                tracing::warn!(provider = slug, error = %e.without_url(), "oauth: the user API could not be reached");
                Failure::Provider
            })?;
        if !response.status().is_success() {
            tracing::warn!(provider = slug, status = %response.status(), "oauth: the user API refused");
            return Err(Failure::Provider);
        }
        let body = read_bounded(response).await?;
        let user: ForgeUser = serde_json::from_slice(&body).map_err(|_| {
            tracing::warn!(
                provider = slug,
                "oauth: the user API's answer was not understood"
            );
            Failure::Provider
        })?;
        let subject = match &user.id {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) if !s.is_empty() => s.clone(),
            _ => return Err(Failure::Provider),
        };
        Ok(ProviderPerson {
            provider: slug.to_owned(),
            subject,
            preferred_username: user.login.or(user.username).unwrap_or_default(),
            email: user.email.unwrap_or_default(),
            admin: None,
        })
    }
}

/// The body, refused past [`USER_DOCUMENT_MAX`].
async fn read_bounded(mut response: reqwest::Response) -> Result<Vec<u8>, Failure> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|_| Failure::Provider)? {
        if body.len() + chunk.len() > USER_DOCUMENT_MAX {
            tracing::warn!("oauth: the user API's answer is too large");
            return Err(Failure::Provider);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_forge_has_its_own_endpoints() {
        let (authorize, token, user, _) = PresetKind::GitHub.endpoints("https://github.com");
        assert_eq!(authorize, "https://github.com/login/oauth/authorize");
        assert_eq!(token, "https://github.com/login/oauth/access_token");
        assert_eq!(user, "https://api.github.com/user");
        let (_, _, user, _) = PresetKind::GitHub.endpoints("https://ghe.corp.example");
        assert_eq!(user, "https://ghe.corp.example/api/v3/user");
        let (authorize, token, user, _) =
            PresetKind::GitLab.endpoints("https://gitlab.corp.example");
        assert_eq!(authorize, "https://gitlab.corp.example/oauth/authorize");
        assert_eq!(token, "https://gitlab.corp.example/oauth/token");
        assert_eq!(user, "https://gitlab.corp.example/api/v4/user");
        let (_, _, user, _) = PresetKind::Gitea.endpoints("https://codeberg.org");
        assert_eq!(user, "https://codeberg.org/api/v1/user");
    }
}
