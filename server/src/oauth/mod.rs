//! Signing in through an identity provider: `/oauth/{provider}` leaves for the provider,
//! `/oauth/{provider}/callback` comes back, at the paths Opengist uses so that a client
//! registered for Opengist works unchanged; `/oauth/{provider}/link` does the same for a
//! signed-in user linking the provider from settings. The providers are OpenID Connect
//! (here) and the GitHub, GitLab and Gitea presets ([`presets`]); which account a
//! provider's person is, is decided in `app::services::identities`.
//!
//! OpenID Connect is the `openidconnect` crate: discovery, the authorization code flow
//! with PKCE (S256), and the ID token's signature, issuer, audience, expiry and nonce.
//! What this module adds is where each value lives between the two requests: the PKCE
//! verifier and the nonce in the database (`login_flows`, so the callback may reach
//! another server), taken once; the `state` also in a cookie scoped to `/oauth`, so a
//! callback only completes in the browser that started it (no login CSRF).
//!
//! Every failure sends the browser to `/login?error=<code>`: the login page shows a fixed
//! message for each code (nothing the provider wrote is echoed), no account is created,
//! and the log says what failed without the code, tokens or secrets.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::Deserialize;

pub mod presets;

use app::functions::auth::{SignInProvider, local_path};
use app::services::identities::{NewFlow, ProviderPerson};
use app::state::AppState;

/// The provider's name in URLs, as Opengist names it.
pub const OPENID_CONNECT: &str = "openid-connect";

/// The cookie holding a flow's `state` while the browser is at the provider.
const FLOW_COOKIE: &str = "gistful_oauth";

/// How long a provider's discovery document (endpoints, signing keys) is reused.
const METADATA_LIFETIME: Duration = Duration::from_secs(300);

/// `oidc.*` in the configuration.
#[derive(Clone, PartialEq)]
pub struct OidcConfig {
    pub provider_name: String,
    pub client_key: String,
    pub secret: String,
    /// The issuer, from `oidc.discovery-url` without `/.well-known/openid-configuration`.
    pub issuer: String,
    pub group_claim_name: String,
    /// Membership in this group (in the group claim) makes an admin, at each sign-in.
    pub admin_group: Option<String>,
}

impl std::fmt::Debug for OidcConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcConfig")
            .field("provider_name", &self.provider_name)
            .field("client_key", &self.client_key)
            .field("secret", &"<hidden>")
            .field("issuer", &self.issuer)
            .field("group_claim_name", &self.group_claim_name)
            .field("admin_group", &self.admin_group)
            .finish()
    }
}

/// The issuer a discovery URL names: Opengist's setting is the whole
/// `.../.well-known/openid-configuration` URL, the protocol's the part before it.
pub fn issuer_of(discovery_url: &str) -> Result<String, &'static str> {
    let url = discovery_url.trim();
    let issuer = url
        .strip_suffix("/.well-known/openid-configuration")
        .unwrap_or(url)
        .trim_end_matches('/');
    match url::Url::parse(issuer) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some() => {
            Ok(issuer.to_owned())
        }
        _ => Err("is not an http(s) URL"),
    }
}

/// Why a sign-in did not complete, as the login page names it (`?error=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// The person refused, or cancelled, at the provider.
    Denied,
    /// No flow for this `state` in this browser: tampered, replayed, or expired.
    State,
    /// The provider could not be reached, or its answer did not verify.
    Provider,
    /// Sign-ups are closed and no account is linked.
    Closed,
    /// An account already has this email.
    Email,
    /// Linking: the provider's person is another account's, or this account has another.
    Taken,
    /// Too many sign-ins are waiting for their provider.
    Busy,
    Internal,
}

impl Failure {
    fn code(self) -> &'static str {
        match self {
            Failure::Denied => "denied",
            Failure::State => "state",
            Failure::Provider => "provider",
            Failure::Closed => "closed",
            Failure::Email => "email",
            Failure::Taken => "taken",
            Failure::Busy => "busy",
            Failure::Internal => "internal",
        }
    }
}

/// The identity providers this instance is configured with.
pub struct Providers {
    oidc: Option<Oidc>,
    presets: Vec<presets::Preset>,
    http: openidconnect::reqwest::Client,
    /// `{external-url}/oauth`.
    base: String,
}

/// A configured provider.
enum Kind<'p> {
    Oidc(&'p Oidc),
    Preset(&'p presets::Preset),
}

struct Oidc {
    config: OidcConfig,
    metadata: tokio::sync::Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

impl Providers {
    pub fn new(
        oidc: Option<OidcConfig>,
        presets: Vec<presets::Preset>,
        external_url: &str,
    ) -> anyhow::Result<Providers> {
        let http = openidconnect::reqwest::Client::builder()
            // A provider's endpoints answer directly; following redirects invites SSRF.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Providers {
            oidc: oidc.map(|config| Oidc {
                config,
                metadata: tokio::sync::Mutex::new(None),
            }),
            presets,
            http,
            base: format!("{}/oauth", external_url.trim_end_matches('/')),
        })
    }

    /// What the login page offers.
    pub fn buttons(&self) -> Vec<SignInProvider> {
        let oidc = self.oidc.iter().map(|oidc| SignInProvider {
            path: format!("/oauth/{OPENID_CONNECT}"),
            name: oidc.config.provider_name.clone(),
        });
        let presets = self.presets.iter().map(|preset| SignInProvider {
            path: format!("/oauth/{}", preset.kind.slug()),
            name: preset.name.clone(),
        });
        oidc.chain(presets).collect()
    }

    /// The provider a URL names, if this instance has it.
    fn find(&self, provider: &str) -> Option<Kind<'_>> {
        if provider == OPENID_CONNECT {
            return self.oidc.as_ref().map(Kind::Oidc);
        }
        self.presets
            .iter()
            .find(|p| p.kind.slug() == provider)
            .map(Kind::Preset)
    }

    /// The person an OpenID provider's ID token names, once the code is exchanged and the
    /// token verified (signature, issuer, audience, expiry, nonce).
    async fn oidc_person(
        &self,
        oidc: &Oidc,
        provider: &str,
        code: AuthorizationCode,
        verifier: PkceCodeVerifier,
        nonce: Nonce,
    ) -> Result<ProviderPerson, Failure> {
        let client = self.client(oidc).await?;
        let tokens = client
            .exchange_code(code)
            .map_err(|_| Failure::Provider)?
            .set_pkce_verifier(verifier)
            .request_async(&self.http)
            .await
            .map_err(|e| {
                // The error names the kind only: a response body could hold a token.
                tracing::warn!(
                    error = token_error_kind(&e),
                    "oidc: the code exchange failed"
                );
                Failure::Provider
            })?;
        let id_token = tokens.id_token().ok_or_else(|| {
            tracing::warn!("oidc: the token response has no ID token");
            Failure::Provider
        })?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &nonce)
            .map_err(|e| {
                tracing::warn!(error = %e, "oidc: the ID token did not verify");
                Failure::Provider
            })?;
        let preferred_username = claims
            .preferred_username()
            .map(|u| u.as_str().to_owned())
            .or_else(|| {
                claims
                    .email()
                    .map(|e| e.as_str().split('@').next().unwrap_or_default().to_owned())
            })
            .unwrap_or_default();
        let email = claims
            .email()
            .filter(|_| claims.email_verified().unwrap_or(true))
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default();
        let admin = oidc.config.admin_group.as_ref().map(|group| {
            groups_in(&id_token.to_string(), &oidc.config.group_claim_name)
                .iter()
                .any(|g| g == group)
        });
        Ok(ProviderPerson {
            provider: provider.to_owned(),
            subject: claims.subject().as_str().to_owned(),
            preferred_username,
            email,
            admin,
        })
    }

    fn callback_url(&self, provider: &str) -> Result<RedirectUrl, Failure> {
        RedirectUrl::new(format!("{}/{provider}/callback", self.base))
            .map_err(|_| Failure::Internal)
    }

    /// The client for the provider, from its discovery document (fetched at most every
    /// [`METADATA_LIFETIME`]).
    async fn client(
        &self,
        oidc: &Oidc,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        Failure,
    > {
        let metadata = {
            let mut cached = oidc.metadata.lock().await;
            match cached.as_ref() {
                Some((at, metadata)) if at.elapsed() < METADATA_LIFETIME => metadata.clone(),
                _ => {
                    let issuer = IssuerUrl::new(oidc.config.issuer.clone()).map_err(|e| {
                        tracing::warn!(error = %e, "oidc: the issuer is not a URL");
                        Failure::Provider
                    })?;
                    let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
                        .await
                        .map_err(|e| {
                            tracing::warn!(error = %e, "oidc: discovery failed");
                            Failure::Provider
                        })?;
                    *cached = Some((Instant::now(), metadata.clone()));
                    metadata
                }
            }
        };
        let redirect = self.callback_url(OPENID_CONNECT)?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(oidc.config.client_key.clone()),
            Some(ClientSecret::new(oidc.config.secret.clone())),
        )
        .set_redirect_uri(redirect))
    }
}

#[derive(Clone)]
struct OAuth {
    app: AppState,
    providers: Arc<Providers>,
}

/// `/{provider}`, `/{provider}/link` and `/{provider}/callback`, nested under `/oauth`.
pub fn router(app: AppState, providers: Arc<Providers>) -> Router {
    Router::new()
        .route("/{provider}", get(start))
        .route("/{provider}/link", get(link))
        .route("/{provider}/callback", get(callback))
        .with_state(OAuth { app, providers })
}

#[derive(Deserialize)]
struct StartQuery {
    next: Option<String>,
}

/// Leaves for the provider's sign-in page.
async fn start(
    State(oauth): State<OAuth>,
    Path(provider): Path<String>,
    Query(query): Query<StartQuery>,
) -> Response {
    start_flow(&oauth, &provider, local_path(query.next), None).await
}

#[derive(Deserialize)]
struct LinkQuery {
    token: Option<String>,
}

/// Leaves for the provider to link it to the signed-in account, from a link on the
/// settings page. The link carries a token of the session
/// ([`app::services::sessions::link_token`]): a link started by another site could attach
/// the attacker's provider account to the victim's.
async fn link(
    State(oauth): State<OAuth>,
    Path(provider): Path<String>,
    Query(query): Query<LinkQuery>,
    viewer: Option<axum::Extension<app::access::Viewer>>,
) -> Response {
    let viewer = viewer.map(|v| v.0).unwrap_or_default();
    let (Some(user), Some(app::access::Credential::Session { secret })) =
        (viewer.user(), viewer.credential())
    else {
        return redirect("/login?next=/settings", &[]);
    };
    if query.token.as_deref() != Some(app::services::sessions::link_token(secret).as_str()) {
        return (
            StatusCode::FORBIDDEN,
            "This link is not from your settings page\n",
        )
            .into_response();
    }
    start_flow(&oauth, &provider, "/settings".into(), Some(user.id)).await
}

async fn start_flow(
    oauth: &OAuth,
    provider: &str,
    next: String,
    link_user_id: Option<i64>,
) -> Response {
    let Some(kind) = oauth.providers.find(provider) else {
        return (StatusCode::NOT_FOUND, "No such sign-in provider\n").into_response();
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = match kind {
        Kind::Oidc(oidc) => {
            let client = match oauth.providers.client(oidc).await {
                Ok(client) => client,
                Err(failure) => return to_login(failure),
            };
            let mut request = client
                .authorize_url(
                    CoreAuthenticationFlow::AuthorizationCode,
                    CsrfToken::new_random,
                    Nonce::new_random,
                )
                .add_scope(Scope::new("profile".into()))
                .add_scope(Scope::new("email".into()))
                .set_pkce_challenge(challenge);
            if oidc.config.admin_group.is_some() {
                request = request.add_scope(Scope::new(oidc.config.group_claim_name.clone()));
            }
            let (url, state, nonce) = request.url();
            (url, state, nonce.secret().clone())
        }
        Kind::Preset(preset) => match oauth.providers.preset_url(preset, challenge) {
            Ok((url, state)) => (url, state, String::new()),
            Err(failure) => return to_login(failure),
        },
    };
    let flow = NewFlow {
        state: state.secret().clone(),
        provider: provider.to_owned(),
        pkce_verifier: verifier.secret().clone(),
        nonce,
        next,
        link_user_id,
    };
    match oauth.app.identities.begin(flow).await {
        Ok(()) => {}
        Err(app::Error::RateLimited) => {
            tracing::warn!("oauth: too many sign-ins waiting for their provider");
            return to_login(Failure::Busy);
        }
        Err(e) => {
            tracing::error!(error = %e, "oauth: cannot keep the sign-in flow");
            return to_login(Failure::Internal);
        }
    }
    let secure = oauth.app.external_url.starts_with("https://");
    let cookie = format!(
        "{FLOW_COOKIE}={}; Path=/oauth; HttpOnly; SameSite=Lax; Max-Age={}{}",
        state.secret(),
        app::services::identities::FLOW_LIFETIME_MINUTES * 60,
        if secure { "; Secure" } else { "" }
    );
    redirect(url.as_str(), &[cookie])
}

#[derive(Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Back from the provider: check everything, then sign in (or create the account).
async fn callback(
    State(oauth): State<OAuth>,
    Path(provider): Path<String>,
    Query(query): Query<CallbackQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(kind) = oauth.providers.find(&provider) else {
        return (StatusCode::NOT_FOUND, "No such sign-in provider\n").into_response();
    };
    let mut linking = false;
    match finish(&oauth, kind, &provider, query, &headers, &mut linking).await {
        Ok(Outcome::SignedIn(step)) => {
            use app::sign_in::{SECOND_FACTOR_PAGE, Step, pending_cookie};
            let secure = oauth.app.external_url.starts_with("https://");
            match step {
                Step::Session { secret, next } => redirect(
                    &next,
                    &[
                        app::services::sessions::cookie(&secret, secure),
                        clear_flow_cookie(),
                    ],
                ),
                Step::SecondFactor { pending } => redirect(
                    SECOND_FACTOR_PAGE,
                    &[pending_cookie(&pending, secure), clear_flow_cookie()],
                ),
            }
        }
        Ok(Outcome::Linked) => redirect(
            &format!("/settings?linked={provider}"),
            &[clear_flow_cookie()],
        ),
        Err(failure) if linking => redirect(
            &format!("/settings?link_error={}", failure.code()),
            &[clear_flow_cookie()],
        ),
        Err(failure) => to_login(failure),
    }
}

/// How a callback ends well.
enum Outcome {
    /// Signed in, or a second factor still owed.
    SignedIn(app::sign_in::Step),
    /// The provider was linked to the signed-in account.
    Linked,
}

async fn finish(
    oauth: &OAuth,
    kind: Kind<'_>,
    provider: &str,
    query: CallbackQuery,
    headers: &HeaderMap,
    linking: &mut bool,
) -> Result<Outcome, Failure> {
    let state = query.state.filter(|s| !s.is_empty() && s.len() <= 256);
    // The flow is taken whatever happens next: a `state` works once.
    let flow = match &state {
        Some(state) => oauth
            .app
            .identities
            .take(state, provider)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "oauth: cannot read the sign-in flow");
                Failure::Internal
            })?,
        None => None,
    };
    *linking = flow.as_ref().is_some_and(|f| f.link_user_id.is_some());
    if let Some(error) = query.error {
        tracing::info!(error = %error.chars().take(64).collect::<String>(), "oauth: the provider refused the sign-in");
        return Err(Failure::Denied);
    }
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| app::rules::cookie::value(v, FLOW_COOKIE));
    let (Some(flow), Some(state), Some(cookie)) = (flow, state, cookie) else {
        tracing::info!("oauth: a callback with an unknown, used or expired state");
        return Err(Failure::State);
    };
    if cookie != state {
        tracing::info!("oauth: a callback whose state is not this browser's");
        return Err(Failure::State);
    }
    let code = query
        .code
        .filter(|c| !c.is_empty() && c.len() <= 2048)
        .ok_or(Failure::Provider)?;

    let verifier = PkceCodeVerifier::new(flow.pkce_verifier);
    let code = AuthorizationCode::new(code);
    let person = match kind {
        Kind::Oidc(oidc) => {
            oauth
                .providers
                .oidc_person(oidc, provider, code, verifier, Nonce::new(flow.nonce))
                .await?
        }
        Kind::Preset(preset) => {
            oauth
                .providers
                .preset_person(preset, code, verifier)
                .await?
        }
    };
    if let Some(user_id) = flow.link_user_id {
        return match oauth.app.identities.link(user_id, person).await {
            Ok(()) => Ok(Outcome::Linked),
            Err(app::Error::Conflict(_)) => Err(Failure::Taken),
            Err(e) => {
                tracing::error!(error = %e, "oauth: cannot link");
                Err(Failure::Internal)
            }
        };
    }
    let signup = match oauth.app.settings.load().await {
        Ok(settings) => !settings.disable_signup,
        Err(e) => {
            tracing::error!(error = %e, "oauth: cannot read the instance settings");
            return Err(Failure::Internal);
        }
    };
    let user = oauth
        .app
        .identities
        .sign_in(person, signup)
        .await
        .map_err(|e| match e {
            app::Error::Forbidden(_) => Failure::Closed,
            app::Error::Conflict(_) => Failure::Email,
            other => {
                tracing::error!(error = %other, "oauth: cannot sign in");
                Failure::Internal
            }
        })?;
    let step = oauth
        .app
        .first_factor_proved(&user, &flow.next)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "oauth: cannot start a session");
            Failure::Internal
        })?;
    Ok(Outcome::SignedIn(step))
}

/// The groups an ID token's (already verified) payload lists under `claim`: a list of
/// strings, or one string.
fn groups_in(jwt: &str, claim: &str) -> Vec<String> {
    let payload = jwt
        .split('.')
        .nth(1)
        .and_then(|p| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .ok()
        })
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok());
    match payload.as_ref().and_then(|p| p.get(claim)) {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|g| g.as_str().map(str::to_owned))
            .collect(),
        Some(serde_json::Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

fn token_error_kind<RE: std::error::Error + 'static, T: openidconnect::ErrorResponse>(
    e: &openidconnect::RequestTokenError<RE, T>,
) -> &'static str {
    match e {
        openidconnect::RequestTokenError::ServerResponse(_) => "the provider refused the code",
        openidconnect::RequestTokenError::Request(_) => "the provider could not be reached",
        openidconnect::RequestTokenError::Parse(..) => "the provider's answer was not understood",
        openidconnect::RequestTokenError::Other(_) => "other",
    }
}

fn clear_flow_cookie() -> String {
    format!("{FLOW_COOKIE}=; Path=/oauth; HttpOnly; SameSite=Lax; Max-Age=0")
}

fn to_login(failure: Failure) -> Response {
    redirect(
        &format!("/login?error={}", failure.code()),
        &[clear_flow_cookie()],
    )
}

fn redirect(location: &str, cookies: &[String]) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(location) {
        headers.insert(header::LOCATION, value);
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_urls_name_their_issuer() {
        assert_eq!(
            issuer_of("https://id.example/realms/x/.well-known/openid-configuration").unwrap(),
            "https://id.example/realms/x"
        );
        assert_eq!(
            issuer_of("https://id.example/").unwrap(),
            "https://id.example"
        );
        assert!(issuer_of("id.example").is_err());
        assert!(issuer_of("ftp://id.example").is_err());
    }

    #[test]
    fn groups_from_a_token_payload() {
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(br#"{"sub":"a","groups":["staff","admins"],"role":"admins"}"#);
        let jwt = format!("h.{payload}.s");
        assert_eq!(groups_in(&jwt, "groups"), ["staff", "admins"]);
        assert_eq!(groups_in(&jwt, "role"), ["admins"]);
        assert!(groups_in(&jwt, "missing").is_empty());
        assert!(groups_in("not a jwt", "groups").is_empty());
    }

    #[test]
    fn the_login_page_has_a_message_for_every_failure() {
        for failure in [
            Failure::Denied,
            Failure::State,
            Failure::Provider,
            Failure::Closed,
            Failure::Email,
            Failure::Taken,
            Failure::Busy,
            Failure::Internal,
        ] {
            assert!(
                app::rules::account::sign_in_failure(failure.code()).is_some(),
                "{failure:?}"
            );
        }
    }

    #[test]
    fn the_secret_stays_out_of_logs() {
        let config = OidcConfig {
            provider_name: "Id".into(),
            client_key: "key".into(),
            secret: "s3cr3t".into(),
            issuer: "https://id.example".into(),
            group_claim_name: "groups".into(),
            admin_group: None,
        };
        assert!(!format!("{config:?}").contains("s3cr3t"));
    }
}
