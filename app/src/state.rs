//! What every request handler and server function is given.

use std::path::PathBuf;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::search::SearchIndex;
use crate::services::ratelimit::LoginLimiter;
use crate::services::sessions::SessionService;
use crate::services::{
    BrandingService, CommentService, GistService, IdentityService, SecondFactorService,
    SettingsService, SshKeyService, TokenService, UserService,
};
use crate::store::GitStore;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The data directory: repositories and anything else kept on disk.
    pub home: PathBuf,
    /// The address clients reach us at, without a trailing slash.
    pub external_url: String,
    pub api_enabled: bool,
    pub store: GitStore,
    /// The services, built once: every door calls the same ones. `gists` holds the
    /// per-gist write locks and caches, so there must be only one.
    pub gists: GistService,
    pub comments: CommentService,
    pub users: UserService,
    pub tokens: TokenService,
    pub sessions: SessionService,
    pub identities: IdentityService,
    /// Authenticator apps, passkeys, recovery codes, sign-ins waiting for them.
    pub second_factor: SecondFactorService,
    /// The SSH keys that sign people in to git over SSH.
    pub ssh_keys: SshKeyService,
    /// The identity providers configured, as the login page offers them.
    pub sign_in: std::sync::Arc<Vec<crate::functions::auth::SignInProvider>>,
    /// Whether the login page has the username/password form (`disable-login-form`).
    #[from_ref(skip)]
    pub password_form: bool,
    pub settings: SettingsService,
    /// The instance's name, images, footer links, accent and defaults.
    pub branding: BrandingService,
    pub login_limiter: LoginLimiter,
    pub search: SearchIndex,
    /// What SSH clone URLs start with (`ssh://git@host:2222/`, `git@host:` on port 22);
    /// none when git over SSH is off.
    #[from_ref(skip)]
    pub ssh_clone: Option<String>,
    /// How much of a file pages and embeds show.
    pub display: crate::render::DisplayLimits,
    /// The UI's language when neither the person nor their browser chose one we speak.
    #[from_ref(skip)]
    pub default_locale: crate::i18n::Locale,
    /// The admin panel's background jobs (one at a time per server).
    pub maintenance: crate::services::maintenance::Maintenance,
    /// Users' and the instance's webhooks, and their delivery queue.
    pub webhooks: crate::services::webhooks::WebhookService,
}
