//! Configuration: defaults < YAML file (`--config`) < `OG_*` environment variables.
//!
//! Keys and variable names follow Opengist's where the concept exists. Anything wrong
//! stops startup with one line naming the key.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The data directory: database (by default), repositories, indexes.
    pub home: PathBuf,
    pub host: IpAddr,
    pub port: u16,
    /// Where clients reach us, without a trailing slash.
    pub external_url: String,
    /// HTTPS served directly (`http.tls-enabled`), from these PEM files.
    pub tls: Option<TlsFiles>,
    /// A sea-orm/sqlx URI: `sqlite://...`, `postgres://...` or `mysql://...`.
    pub db_uri: String,
    pub api_enabled: bool,
    pub log_level: String,
    /// Size limits for gists.
    pub limits: app::rules::Limits,
    /// How far ahead a gist's expiry may be set, in days (`gist.max-expiry-days`).
    pub max_expiry_days: u64,
    /// How often expired gists are deleted, in seconds (`gist.expiry-sweep-seconds`).
    /// They answer 404 from the instant they expire whatever this is.
    pub expiry_sweep_seconds: u64,
    /// Memory for whole answers to repeated reads (0: none kept).
    pub response_cache_bytes: usize,
    /// This server's own full-text index (several servers never share one).
    pub search_dir: PathBuf,
    /// Proxies whose `X-Forwarded-For` names the real client (nobody else's is believed).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Origins besides the external URL's whose pages may call server functions.
    pub allowed_origins: Vec<String>,
    /// Bounds on one git request: the whole of it, and the wait for each piece of its body.
    pub git_timeouts: GitTimeouts,
    /// How much of a file pages and embeds show.
    pub display: app::render::DisplayLimits,
    /// Sign-in through an OpenID Connect provider, when configured.
    pub oidc: Option<crate::oauth::OidcConfig>,
    /// Sign-in through GitHub, GitLab or Gitea, each when configured.
    pub presets: Vec<crate::oauth::presets::Preset>,
    /// The login page offers only the sign-in providers (admins keep the CLI).
    pub disable_login_form: bool,
    /// Passwords also checked against an LDAP directory, when configured.
    pub ldap: Option<app::services::ldap::LdapConfig>,
    /// Git over SSH, when enabled (`ssh.git-enabled`, on by default).
    pub ssh: Option<SshConfig>,
    /// Where Prometheus scrapes, when `metrics.enabled` (off by default).
    pub metrics: Option<std::net::SocketAddr>,
    /// The UI's language for visitors whose browser asks for none we speak.
    pub default_locale: app::i18n::Locale,
    /// Branding the configuration pins (`custom.*`): the admin panel cannot change it.
    pub custom: app::services::branding::Pinned,
    /// The largest logo or favicon an admin may upload (`custom.max-image-size`, bytes).
    pub max_image_size: usize,
    /// Webhooks: whether hooks may point inside the network (`webhooks.allow-private`),
    /// and how deliveries are retried (`webhooks.max-attempts`, `webhooks.retry-base-seconds`).
    pub webhooks_allow_private: bool,
    pub webhooks_retry: app::services::webhooks::RetryPolicy,
    /// Things worth a warning once logging is up (unknown `OG_*` variables).
    pub warnings: Vec<String>,
}

/// `http(s)://{host}:{port}`, with localhost standing for "every address".
fn default_external_url(host: IpAddr, port: u16, tls: bool) -> String {
    let shown = if host.is_unspecified() {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        host
    };
    let scheme = if tls { "https" } else { "http" };
    format!("{scheme}://{}", SocketAddr::new(shown, port))
}

/// Opengist's `http.cert-file` and `http.key-file`: a PEM certificate chain and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
}

/// The built-in SSH server (Opengist's `ssh.*` keys, and our `ssh.external-port`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshConfig {
    pub host: IpAddr,
    /// 0: the system picks one (tests); the clone URLs then name the port we got.
    pub port: u16,
    /// The host name in the clone URLs shown (default: the external URL's host).
    pub external_domain: String,
    /// The port in the clone URLs shown (default: `port`).
    pub external_port: Option<u16>,
}

impl SshConfig {
    /// What the clone URLs shown start with: `ssh://git@host:port/`, or the scp form
    /// `git@host:` on port 22.
    pub fn clone_prefix(&self) -> String {
        match self.external_port.unwrap_or(self.port) {
            22 => format!("git@{}:", self.external_domain),
            port => format!("ssh://git@{}:{port}/", self.external_domain),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GitTimeouts {
    pub total: std::time::Duration,
    pub idle: std::time::Duration,
}

impl Default for GitTimeouts {
    fn default() -> Self {
        GitTimeouts {
            total: std::time::Duration::from_secs(600),
            idle: std::time::Duration::from_secs(30),
        }
    }
}

impl Config {
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }

    /// With `http.port` 0 the system picks a free port when we listen; an external URL
    /// left to its default then names the port we got.
    pub fn listening_on(&mut self, bound: SocketAddr) {
        let tls = self.tls.is_some();
        if self.port == 0 && self.external_url == default_external_url(self.host, 0, tls) {
            self.port = bound.port();
            self.external_url = default_external_url(self.host, bound.port(), tls);
            // The origins made from that URL carried the same port 0.
            for origin in &mut self.allowed_origins {
                if let Some(host) = origin.strip_suffix(":0") {
                    *origin = format!("{host}:{}", bound.port());
                }
            }
        }
    }

    /// The host in commits' no-reply addresses (`alice@users.noreply.{host}`).
    pub fn noreply_host(&self) -> String {
        url::Url::parse(&self.external_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "localhost".into())
    }

    pub fn repos_dir(&self) -> PathBuf {
        self.home.join("repos")
    }

    /// Largest request body: the whole gist, with room for JSON escaping.
    pub fn body_limit(&self) -> usize {
        let gist = self
            .limits
            .max_total_size
            .saturating_mul(2)
            .saturating_add(1024 * 1024);
        usize::try_from(gist)
            .unwrap_or(usize::MAX)
            .max(16 * 1024 * 1024)
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("config: {0}")]
pub struct ConfigError(String);

/// The YAML file's shape. Unknown keys are refused so that a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    home: Option<String>,
    http: Option<FileHttp>,
    external_url: Option<String>,
    db_uri: Option<String>,
    api: Option<FileApi>,
    log_level: Option<String>,
    gist: Option<FileGist>,
    git: Option<FileGit>,
    render: Option<FileRender>,
    response_cache_mb: Option<u64>,
    search_dir: Option<String>,
    oidc: Option<FileOidc>,
    ldap: Option<FileLdap>,
    github: Option<FileForge>,
    gitlab: Option<FileForge>,
    gitea: Option<FileForge>,
    disable_login_form: Option<bool>,
    ssh: Option<FileSsh>,
    metrics: Option<FileMetrics>,
    default_locale: Option<String>,
    custom: Option<FileCustom>,
    webhooks: Option<FileWebhooks>,
}

/// `webhooks.*`: ours (neither Opengist nor GitHub's gists have webhooks).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileWebhooks {
    allow_private: Option<bool>,
    max_attempts: Option<u64>,
    retry_base_seconds: Option<u64>,
}

/// `custom.*`: Opengist's branding keys (`name`, `logo`, `favicon`, `static-links`),
/// and ours for the upload limit.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileCustom {
    name: Option<String>,
    /// A file in `{home}/custom/` (or an absolute path), as in Opengist.
    logo: Option<String>,
    favicon: Option<String>,
    static_links: Option<Vec<FileLink>>,
    max_image_size: Option<u64>,
}

/// One of `custom.static-links`, with Opengist's field names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLink {
    name: String,
    path: String,
}

/// `metrics.*` (Opengist's keys). Its own listener, on loopback unless told otherwise, so
/// that it is never public by accident.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileMetrics {
    enabled: Option<bool>,
    host: Option<String>,
    port: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileSsh {
    git_enabled: Option<bool>,
    host: Option<String>,
    port: Option<u16>,
    external_domain: Option<String>,
    external_port: Option<u16>,
    /// Opengist's; not needed (the host key is made in-process), accepted and ignored.
    keygen_executable: Option<String>,
}

/// `github.*`, `gitlab.*`, `gitea.*` (GitHub has no `url` or `name` in Opengist; we take
/// them too, for GitHub Enterprise).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileForge {
    client_key: Option<String>,
    secret: Option<String>,
    url: Option<String>,
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileLdap {
    url: Option<String>,
    start_tls: Option<bool>,
    bind_dn: Option<String>,
    bind_credentials: Option<String>,
    search_base: Option<String>,
    search_filter: Option<String>,
    admin_group: Option<String>,
}

/// Opengist's names, so that its configuration carries over.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileOidc {
    provider_name: Option<String>,
    client_key: Option<String>,
    secret: Option<String>,
    discovery_url: Option<String>,
    group_claim_name: Option<String>,
    admin_group: Option<String>,
}

/// A list in YAML, or one comma-separated string (as in the environment).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum FileList {
    One(String),
    Many(Vec<String>),
}

impl FileList {
    fn joined(self) -> String {
        match self {
            FileList::One(s) => s,
            FileList::Many(items) => items.join(","),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileRender {
    max_display_size: Option<u64>,
    max_display_lines: Option<u64>,
    max_highlight_size: Option<u64>,
    max_media_size: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileGit {
    timeout: Option<u64>,
    idle_timeout: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileGist {
    max_file_size: Option<u64>,
    max_files: Option<u64>,
    max_total_size: Option<u64>,
    max_expiry_days: Option<u64>,
    expiry_sweep_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileHttp {
    host: Option<String>,
    port: Option<u16>,
    trusted_proxies: Option<FileList>,
    allowed_hosts: Option<FileList>,
    tls_enabled: Option<bool>,
    cert_file: Option<String>,
    key_file: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileApi {
    enabled: Option<bool>,
}

/// Every environment variable we read, with the key it overrides.
const ENV_KEYS: &[(&str, &str)] = &[
    ("OG_HOME", "home"),
    ("OG_HTTP_HOST", "http.host"),
    ("OG_HTTP_PORT", "http.port"),
    ("OG_HTTP_TRUSTED_PROXIES", "http.trusted-proxies"),
    ("OG_HTTP_ALLOWED_HOSTS", "http.allowed-hosts"),
    ("OG_HTTP_TLS_ENABLED", "http.tls-enabled"),
    ("OG_HTTP_CERT_FILE", "http.cert-file"),
    ("OG_HTTP_KEY_FILE", "http.key-file"),
    ("OG_GIT_TIMEOUT", "git.timeout"),
    ("OG_GIT_IDLE_TIMEOUT", "git.idle-timeout"),
    ("OG_RENDER_MAX_DISPLAY_SIZE", "render.max-display-size"),
    ("OG_RENDER_MAX_DISPLAY_LINES", "render.max-display-lines"),
    ("OG_RENDER_MAX_HIGHLIGHT_SIZE", "render.max-highlight-size"),
    ("OG_RENDER_MAX_MEDIA_SIZE", "render.max-media-size"),
    ("OG_EXTERNAL_URL", "external-url"),
    ("OG_DB_URI", "db-uri"),
    ("OG_API_ENABLED", "api.enabled"),
    ("OG_LOG_LEVEL", "log-level"),
    ("OG_GIST_MAX_FILE_SIZE", "gist.max-file-size"),
    ("OG_GIST_MAX_FILES", "gist.max-files"),
    ("OG_GIST_MAX_TOTAL_SIZE", "gist.max-total-size"),
    ("OG_GIST_MAX_EXPIRY_DAYS", "gist.max-expiry-days"),
    ("OG_GIST_EXPIRY_SWEEP_SECONDS", "gist.expiry-sweep-seconds"),
    ("OG_RESPONSE_CACHE_MB", "response-cache-mb"),
    ("OG_DEFAULT_LOCALE", "default-locale"),
    ("OG_CUSTOM_NAME", "custom.name"),
    ("OG_CUSTOM_LOGO", "custom.logo"),
    ("OG_CUSTOM_FAVICON", "custom.favicon"),
    ("OG_CUSTOM_MAX_IMAGE_SIZE", "custom.max-image-size"),
    ("OG_SEARCH_DIR", "search-dir"),
    ("OG_OIDC_PROVIDER_NAME", "oidc.provider-name"),
    ("OG_OIDC_CLIENT_KEY", "oidc.client-key"),
    ("OG_OIDC_SECRET", "oidc.secret"),
    ("OG_OIDC_DISCOVERY_URL", "oidc.discovery-url"),
    ("OG_OIDC_GROUP_CLAIM_NAME", "oidc.group-claim-name"),
    ("OG_OIDC_ADMIN_GROUP", "oidc.admin-group"),
    ("OG_GITHUB_CLIENT_KEY", "github.client-key"),
    ("OG_GITHUB_SECRET", "github.secret"),
    ("OG_GITHUB_URL", "github.url"),
    ("OG_GITHUB_NAME", "github.name"),
    ("OG_GITLAB_CLIENT_KEY", "gitlab.client-key"),
    ("OG_GITLAB_SECRET", "gitlab.secret"),
    ("OG_GITLAB_URL", "gitlab.url"),
    ("OG_GITLAB_NAME", "gitlab.name"),
    ("OG_GITEA_CLIENT_KEY", "gitea.client-key"),
    ("OG_GITEA_SECRET", "gitea.secret"),
    ("OG_GITEA_URL", "gitea.url"),
    ("OG_GITEA_NAME", "gitea.name"),
    ("OG_DISABLE_LOGIN_FORM", "disable-login-form"),
    ("OG_LDAP_URL", "ldap.url"),
    ("OG_LDAP_START_TLS", "ldap.start-tls"),
    ("OG_LDAP_BIND_DN", "ldap.bind-dn"),
    ("OG_LDAP_BIND_CREDENTIALS", "ldap.bind-credentials"),
    ("OG_LDAP_SEARCH_BASE", "ldap.search-base"),
    ("OG_LDAP_SEARCH_FILTER", "ldap.search-filter"),
    ("OG_LDAP_ADMIN_GROUP", "ldap.admin-group"),
    ("OG_SSH_GIT_ENABLED", "ssh.git-enabled"),
    ("OG_SSH_HOST", "ssh.host"),
    ("OG_SSH_PORT", "ssh.port"),
    ("OG_SSH_EXTERNAL_DOMAIN", "ssh.external-domain"),
    ("OG_SSH_EXTERNAL_PORT", "ssh.external-port"),
    ("OG_SSH_KEYGEN_EXECUTABLE", "ssh.keygen-executable"),
    ("OG_METRICS_ENABLED", "metrics.enabled"),
    ("OG_METRICS_HOST", "metrics.host"),
    ("OG_METRICS_PORT", "metrics.port"),
    ("OG_WEBHOOKS_ALLOW_PRIVATE", "webhooks.allow-private"),
    ("OG_WEBHOOKS_MAX_ATTEMPTS", "webhooks.max-attempts"),
    (
        "OG_WEBHOOKS_RETRY_BASE_SECONDS",
        "webhooks.retry-base-seconds",
    ),
];

/// One raw setting and where it came from, so errors can name it.
struct Raw {
    value: String,
    source: String,
}

impl Raw {
    fn error(&self, why: impl std::fmt::Display) -> ConfigError {
        ConfigError(format!("{}: `{}` {why}", self.source, self.value))
    }
}

/// Loads the configuration. `env` looks a variable up (the process environment in
/// production, a map in tests); `vars` lists the names present, to warn about unknown ones.
pub fn load(
    file: Option<&Path>,
    env: impl Fn(&str) -> Option<String>,
    vars: impl IntoIterator<Item = String>,
) -> Result<Config, ConfigError> {
    let from_file = match file {
        Some(path) => read_file(path)?,
        None => FileConfig::default(),
    };
    let http = from_file.http.unwrap_or_default();
    let api = from_file.api.unwrap_or_default();
    let gist = from_file.gist.unwrap_or_default();
    let git = from_file.git.unwrap_or_default();
    let render = from_file.render.unwrap_or_default();

    // The later source wins: environment over file.
    let pick = |key: &str, file_value: Option<String>| -> Option<Raw> {
        let env_name = ENV_KEYS.iter().find(|(_, k)| *k == key).map(|(e, _)| *e)?;
        env(env_name)
            .map(|value| Raw {
                value,
                source: format!("{key} ({env_name})"),
            })
            .or_else(|| {
                file_value.map(|value| Raw {
                    value,
                    source: key.to_owned(),
                })
            })
    };

    let home = match pick("home", from_file.home) {
        Some(raw) if raw.value.trim().is_empty() => return Err(raw.error("must not be empty")),
        Some(raw) => PathBuf::from(raw.value),
        None => PathBuf::from("data"),
    };
    let home = std::path::absolute(&home)
        .map_err(|e| ConfigError(format!("home: cannot resolve `{}`: {e}", home.display())))?;

    let host = match pick("http.host", http.host) {
        Some(raw) => parse_host(&raw)?,
        None => IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    let port = match pick("http.port", http.port.map(|p| p.to_string())) {
        Some(raw) => parse_port(&raw)?,
        None => 3000,
    };
    let tls = tls_files(
        &home,
        pick("http.tls-enabled", http.tls_enabled.map(|b| b.to_string())),
        pick("http.cert-file", http.cert_file),
        pick("http.key-file", http.key_file),
    )?;
    let external_url = match pick("external-url", from_file.external_url) {
        Some(raw) => parse_external_url(&raw)?,
        None => default_external_url(host, port, tls.is_some()),
    };
    let db_uri = match pick("db-uri", from_file.db_uri) {
        Some(raw) => parse_db_uri(&raw, &home)?,
        None => sqlite_uri(&home.join("gistful.db")),
    };
    let api_enabled = match pick("api.enabled", api.enabled.map(|b| b.to_string())) {
        Some(raw) => parse_bool(&raw)?,
        None => true,
    };
    let log_level = match pick("log-level", from_file.log_level) {
        Some(raw) => parse_log_level(&raw)?,
        None => "info".to_owned(),
    };

    let defaults = app::rules::Limits::default();
    let positive = |key: &str, file_value: Option<u64>, default: u64| -> Result<u64, ConfigError> {
        match pick(key, file_value.map(|v| v.to_string())) {
            Some(raw) => match raw.value.trim().parse::<u64>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(raw.error("is not a positive whole number")),
            },
            None => Ok(default),
        }
    };
    let limits = app::rules::Limits {
        max_file_size: positive(
            "gist.max-file-size",
            gist.max_file_size,
            defaults.max_file_size,
        )?,
        max_files: positive("gist.max-files", gist.max_files, defaults.max_files as u64)? as usize,
        max_total_size: positive(
            "gist.max-total-size",
            gist.max_total_size,
            defaults.max_total_size,
        )?,
    };
    // At most 100 years: the sum with "now" stays a valid time.
    let max_expiry_days = positive("gist.max-expiry-days", gist.max_expiry_days, 365)?;
    let expiry_sweep_seconds =
        positive("gist.expiry-sweep-seconds", gist.expiry_sweep_seconds, 60)?.min(86_400);
    if max_expiry_days > 36_500 {
        return Err(ConfigError(
            "gist.max-expiry-days must be at most 36500".into(),
        ));
    }

    // On by default with SQLite, where this process sees every write. PostgreSQL is there
    // for several instances, each blind to the others' writes for the answers' lifetime.
    let response_cache_mb = match pick(
        "response-cache-mb",
        from_file.response_cache_mb.map(|v| v.to_string()),
    ) {
        Some(raw) => match raw.value.trim().parse::<u64>() {
            Ok(mb) if mb <= 64 * 1024 => mb,
            _ => return Err(raw.error("is not a size in megabytes (0 to 65536)")),
        },
        None if db_uri.starts_with("sqlite:") => 16,
        None => 0,
    };
    let response_cache_bytes =
        usize::try_from(response_cache_mb * 1024 * 1024).unwrap_or(usize::MAX);

    let default_locale = match pick("default-locale", from_file.default_locale) {
        Some(raw) => app::i18n::Locale::from_tag(&raw.value).ok_or_else(|| {
            let known: Vec<&str> = app::i18n::Locale::ALL.iter().map(|l| l.tag()).collect();
            raw.error(format!("is not a language we speak ({})", known.join(", ")))
        })?,
        None => app::i18n::Locale::En,
    };

    let (custom, max_image_size) = custom(from_file.custom.unwrap_or_default(), &home, &pick)?;

    let hooks = from_file.webhooks.unwrap_or_default();
    let webhooks_allow_private = match pick(
        "webhooks.allow-private",
        hooks.allow_private.map(|b| b.to_string()),
    ) {
        Some(raw) => parse_bool(&raw)?,
        None => false,
    };
    let retry_default = app::services::webhooks::RetryPolicy::default();
    let bounded = |key: &str, value: Option<u64>, default: u64, max: u64| match pick(
        key,
        value.map(|v| v.to_string()),
    ) {
        Some(raw) => match raw.value.trim().parse::<u64>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(raw.error(format!("is not a whole number from 1 to {max}"))),
        },
        None => Ok(default),
    };
    let webhooks_retry = app::services::webhooks::RetryPolicy {
        attempts: bounded(
            "webhooks.max-attempts",
            hooks.max_attempts,
            u64::from(retry_default.attempts),
            20,
        )? as u32,
        base: std::time::Duration::from_secs(bounded(
            "webhooks.retry-base-seconds",
            hooks.retry_base_seconds,
            retry_default.base.as_secs(),
            3600,
        )?),
    };

    let search_dir = match pick("search-dir", from_file.search_dir) {
        Some(raw) if raw.value.trim().is_empty() => return Err(raw.error("must not be empty")),
        Some(raw) => home.join(raw.value.trim()),
        None => app::search::SearchIndex::default_dir(&home),
    };

    let trusted_proxies = match pick(
        "http.trusted-proxies",
        http.trusted_proxies.map(FileList::joined),
    ) {
        Some(raw) => parse_networks(&raw)?,
        None => Vec::new(),
    };
    let allowed_origins = allowed_origins(
        &external_url,
        pick(
            "http.allowed-hosts",
            http.allowed_hosts.map(FileList::joined),
        ),
    )?;
    let defaults = GitTimeouts::default();
    let seconds = |key: &str, file_value: Option<u64>, default: std::time::Duration| match pick(
        key,
        file_value.map(|v| v.to_string()),
    ) {
        Some(raw) => match raw.value.trim().parse::<u64>() {
            Ok(n) if (1..=86_400).contains(&n) => Ok(std::time::Duration::from_secs(n)),
            _ => Err(raw.error("is not a number of seconds (1 to 86400)")),
        },
        None => Ok(default),
    };
    let shown = app::render::DisplayLimits::default();
    let as_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let display = app::render::DisplayLimits {
        max_bytes: as_usize(positive(
            "render.max-display-size",
            render.max_display_size,
            shown.max_bytes as u64,
        )?),
        max_lines: as_usize(positive(
            "render.max-display-lines",
            render.max_display_lines,
            shown.max_lines as u64,
        )?),
        max_highlight_bytes: as_usize(positive(
            "render.max-highlight-size",
            render.max_highlight_size,
            shown.max_highlight_bytes as u64,
        )?),
        max_media_bytes: as_usize(positive(
            "render.max-media-size",
            render.max_media_size,
            shown.max_media_bytes as u64,
        )?),
    };
    let git_timeouts = GitTimeouts {
        total: seconds("git.timeout", git.timeout, defaults.total)?,
        idle: seconds("git.idle-timeout", git.idle_timeout, defaults.idle)?,
    };

    let oidc = {
        let file = from_file.oidc.unwrap_or_default();
        let text = |key: &str, value: Option<String>| {
            pick(key, value).filter(|raw| !raw.value.trim().is_empty())
        };
        let key = text("oidc.client-key", file.client_key);
        let secret = text("oidc.secret", file.secret);
        let discovery = text("oidc.discovery-url", file.discovery_url);
        match (key, secret, discovery) {
            (None, None, None) => None,
            (Some(key), Some(secret), Some(discovery)) => Some(crate::oauth::OidcConfig {
                provider_name: text("oidc.provider-name", file.provider_name).map_or_else(
                    || "OpenID Connect".to_owned(),
                    |raw| raw.value.trim().to_owned(),
                ),
                client_key: key.value.trim().to_owned(),
                secret: secret.value,
                issuer: crate::oauth::issuer_of(&discovery.value)
                    .map_err(|why| discovery.error(why))?,
                group_claim_name: text("oidc.group-claim-name", file.group_claim_name)
                    .map_or_else(|| "groups".to_owned(), |raw| raw.value.trim().to_owned()),
                admin_group: text("oidc.admin-group", file.admin_group)
                    .map(|raw| raw.value.trim().to_owned()),
            }),
            _ => {
                return Err(ConfigError(
                    "oidc: client-key, secret and discovery-url are needed together".into(),
                ));
            }
        }
    };

    let disable_login_form = match pick(
        "disable-login-form",
        from_file.disable_login_form.map(|b| b.to_string()),
    ) {
        Some(raw) => parse_bool(&raw)?,
        None => false,
    };
    let mut presets = Vec::new();
    for (kind, file) in [
        (crate::oauth::presets::PresetKind::GitHub, from_file.github),
        (crate::oauth::presets::PresetKind::GitLab, from_file.gitlab),
        (crate::oauth::presets::PresetKind::Gitea, from_file.gitea),
    ] {
        let file = file.unwrap_or_default();
        let slug = kind.slug();
        let text = |key: &str, value: Option<String>| {
            pick(&format!("{slug}.{key}"), value).filter(|raw| !raw.value.trim().is_empty())
        };
        match (
            text("client-key", file.client_key),
            text("secret", file.secret),
        ) {
            (None, None) => {}
            (Some(key), Some(secret)) => {
                let url = match text("url", file.url) {
                    Some(raw) => {
                        let value = raw.value.trim().trim_end_matches('/').to_owned();
                        match url::Url::parse(&value) {
                            Ok(u)
                                if matches!(u.scheme(), "http" | "https") && u.host().is_some() =>
                            {
                                value
                            }
                            _ => return Err(raw.error("is not an http(s) URL")),
                        }
                    }
                    None => kind.default_url().to_owned(),
                };
                presets.push(crate::oauth::presets::Preset {
                    kind,
                    name: text("name", file.name).map_or_else(
                        || kind.default_name().to_owned(),
                        |raw| raw.value.trim().to_owned(),
                    ),
                    client_key: key.value.trim().to_owned(),
                    secret: secret.value,
                    url,
                });
            }
            _ => {
                return Err(ConfigError(format!(
                    "{slug}: client-key and secret are needed together"
                )));
            }
        }
    }

    let ldap = {
        let file = from_file.ldap.unwrap_or_default();
        let text = |key: &str, value: Option<String>| {
            pick(key, value).filter(|raw| !raw.value.trim().is_empty())
        };
        match text("ldap.url", file.url) {
            None => None,
            Some(url) => {
                let parsed = url::Url::parse(url.value.trim())
                    .ok()
                    .filter(|u| matches!(u.scheme(), "ldap" | "ldaps") && u.host().is_some());
                if parsed.is_none() {
                    return Err(url.error("is not an ldap:// or ldaps:// URL"));
                }
                let search_base = text("ldap.search-base", file.search_base)
                    .ok_or_else(|| ConfigError("ldap: search-base is needed with url".into()))?;
                let search_filter = match text("ldap.search-filter", file.search_filter) {
                    Some(raw) if !raw.value.contains("%s") => {
                        return Err(raw.error("must contain %s where the username goes"));
                    }
                    Some(raw) => raw.value.trim().to_owned(),
                    None => "(uid=%s)".to_owned(),
                };
                let start_tls = match pick("ldap.start-tls", file.start_tls.map(|b| b.to_string()))
                {
                    Some(raw) => parse_bool(&raw)?,
                    None => false,
                };
                Some(app::services::ldap::LdapConfig {
                    url: url.value.trim().to_owned(),
                    start_tls,
                    bind_dn: text("ldap.bind-dn", file.bind_dn)
                        .map(|raw| raw.value.trim().to_owned())
                        .unwrap_or_default(),
                    bind_credentials: text("ldap.bind-credentials", file.bind_credentials)
                        .map(|raw| raw.value)
                        .unwrap_or_default(),
                    search_base: search_base.value.trim().to_owned(),
                    search_filter,
                    admin_group: text("ldap.admin-group", file.admin_group)
                        .map(|raw| raw.value.trim().to_owned()),
                })
            }
        }
    };

    let ssh = {
        let file = from_file.ssh.unwrap_or_default();
        // Opengist's `ssh.keygen-executable`: the host key is made in-process here.
        drop(pick("ssh.keygen-executable", file.keygen_executable));
        let enabled = match pick("ssh.git-enabled", file.git_enabled.map(|b| b.to_string())) {
            Some(raw) => parse_bool(&raw)?,
            None => true,
        };
        let port_of = |key: &str, value: Option<u16>| -> Result<Option<u16>, ConfigError> {
            pick(key, value.map(|p| p.to_string()))
                .map(|raw| parse_port(&raw))
                .transpose()
        };
        let ssh_host = match pick("ssh.host", file.host) {
            Some(raw) => parse_host(&raw)?,
            None => host,
        };
        let ssh_port = port_of("ssh.port", file.port)?.unwrap_or(2222);
        let external_port = port_of("ssh.external-port", file.external_port)?;
        let external_domain = match pick("ssh.external-domain", file.external_domain) {
            Some(raw) if raw.value.trim().is_empty() || raw.value.contains(['/', ' ', '@']) => {
                return Err(raw.error("is not a host name"));
            }
            Some(raw) => raw.value.trim().to_owned(),
            None => url::Url::parse(&external_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_else(|| "localhost".into()),
        };
        enabled.then_some(SshConfig {
            host: ssh_host,
            port: ssh_port,
            external_domain,
            external_port,
        })
    };

    let metrics = {
        let file = from_file.metrics.unwrap_or_default();
        let enabled = match pick("metrics.enabled", file.enabled.map(|b| b.to_string())) {
            Some(raw) => parse_bool(&raw)?,
            None => false,
        };
        let host = match pick("metrics.host", file.host) {
            Some(raw) => parse_host(&raw)?,
            None => IpAddr::V4(Ipv4Addr::LOCALHOST),
        };
        let port = match pick("metrics.port", file.port.map(|p| p.to_string())) {
            Some(raw) => parse_port(&raw)?,
            None => 6158,
        };
        enabled.then_some(SocketAddr::new(host, port))
    };

    let warnings = vars
        .into_iter()
        .filter(|name| name.starts_with("OG_") && !ENV_KEYS.iter().any(|(e, _)| e == name))
        .map(|name| format!("ignoring unknown environment variable {name}"))
        .collect();

    Ok(Config {
        home,
        host,
        port,
        external_url,
        tls,
        webhooks_allow_private,
        webhooks_retry,
        db_uri,
        api_enabled,
        log_level,
        limits,
        max_expiry_days,
        expiry_sweep_seconds,
        response_cache_bytes,
        search_dir,
        trusted_proxies,
        allowed_origins,
        git_timeouts,
        display,
        oidc,
        presets,
        ldap,
        disable_login_form,
        ssh,
        metrics,
        default_locale,
        custom,
        max_image_size,
        warnings,
    })
}

/// The branding the configuration pins. Images are read and checked now, like an
/// upload: a missing, huge or unsafe file stops startup naming its key.
fn custom(
    file: FileCustom,
    home: &Path,
    pick: &dyn Fn(&str, Option<String>) -> Option<Raw>,
) -> Result<(app::services::branding::Pinned, usize), ConfigError> {
    use app::services::branding::{IMAGE_MAX_DEFAULT, IMAGE_MAX_LIMIT, Image, Pinned};

    let max_image_size = match pick(
        "custom.max-image-size",
        file.max_image_size.map(|v| v.to_string()),
    ) {
        Some(raw) => match raw.value.trim().parse::<usize>() {
            Ok(size) if (1024..=IMAGE_MAX_LIMIT).contains(&size) => size,
            _ => {
                return Err(raw.error(format!(
                    "is not a size in bytes from 1024 to {IMAGE_MAX_LIMIT}"
                )));
            }
        },
        None => IMAGE_MAX_DEFAULT,
    };
    let name = match pick("custom.name", file.name) {
        Some(raw) => match app::rules::branding::validate_name(&raw.value) {
            Ok(name) if !name.is_empty() => Some(name),
            Ok(_) => None,
            Err(e) => return Err(raw.error(e.message)),
        },
        None => None,
    };
    let image = |key: &str, value: Option<String>| -> Result<Option<Image>, ConfigError> {
        let Some(raw) = pick(key, value).filter(|raw| !raw.value.trim().is_empty()) else {
            return Ok(None);
        };
        let path = home.join("custom").join(raw.value.trim());
        let body = std::fs::read(&path)
            .map_err(|e| raw.error(format!("cannot be read ({}): {e}", path.display())))?;
        Image::new(body, max_image_size)
            .map(Some)
            .map_err(|refusal| raw.error(refusal.message(max_image_size)))
    };
    let logo = image("custom.logo", file.logo)?;
    let favicon = image("custom.favicon", file.favicon)?;
    let links = file
        .static_links
        .map(|links| {
            links
                .iter()
                .enumerate()
                .map(|(i, link)| {
                    app::rules::branding::validate_link(&link.name, &link.path)
                        .map_err(|why| ConfigError(format!("custom.static-links[{i}]: {why}")))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    if let Some(links) = &links
        && links.len() > app::rules::branding::LINKS_MAX
    {
        return Err(ConfigError(format!(
            "custom.static-links: at most {} links",
            app::rules::branding::LINKS_MAX
        )));
    }
    Ok((
        Pinned {
            name,
            links,
            logo,
            favicon,
        },
        max_image_size,
    ))
}

/// `10.0.0.0/8, 192.168.1.7, ::1`: networks or single addresses.
fn parse_networks(raw: &Raw) -> Result<Vec<ipnet::IpNet>, ConfigError> {
    raw.value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| raw.error(format!("has `{item}`, which is not an address or network")))
        })
        .collect()
}

/// The origins whose pages may call server functions: the external URL's, those of the
/// extra hosts (`host` or `host:port`, same scheme), and, for an instance on a loopback
/// address, the same port on `localhost`. Never the request's own `Host`, which any page
/// can choose through DNS rebinding.
fn allowed_origins(external_url: &str, extra: Option<Raw>) -> Result<Vec<String>, ConfigError> {
    let url =
        url::Url::parse(external_url).map_err(|e| ConfigError(format!("external-url: {e}")))?;
    let mut origins = vec![url.origin().ascii_serialization()];
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    if loopback {
        for host in ["localhost", "127.0.0.1", "[::1]"] {
            origins.push(format!("{}://{host}{port}", url.scheme()));
        }
    }
    if let Some(raw) = extra {
        for host in raw
            .value
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            let origin = url::Url::parse(&format!("{}://{host}", url.scheme()))
                .ok()
                .filter(|u| u.host().is_some() && u.path() == "/" && u.username().is_empty())
                .ok_or_else(|| raw.error(format!("has `{host}`, which is not a host[:port]")))?;
            origins.push(origin.origin().ascii_serialization());
        }
    }
    origins.dedup();
    Ok(origins)
}

/// Loads from the real process environment.
pub fn load_from_env(file: Option<&Path>) -> Result<Config, ConfigError> {
    load(
        file,
        |name| std::env::var(name).ok(),
        std::env::vars().map(|(k, _)| k),
    )
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
    if text.trim().is_empty() {
        return Ok(FileConfig::default());
    }
    serde_norway::from_str(&text)
        .map_err(|e| ConfigError(format!("{}: {}", path.display(), one_line(&e.to_string()))))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_host(raw: &Raw) -> Result<IpAddr, ConfigError> {
    let value = raw.value.trim();
    if value.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    value
        .parse()
        .map_err(|_| raw.error("is not an IP address (e.g. 127.0.0.1 or 0.0.0.0)"))
}

/// `http.tls-enabled` needs both files; relative paths are under the data directory.
/// The files themselves are read when we start listening, so a bad one stops startup too.
fn tls_files(
    home: &Path,
    enabled: Option<Raw>,
    cert: Option<Raw>,
    key: Option<Raw>,
) -> Result<Option<TlsFiles>, ConfigError> {
    let enabled = match enabled {
        Some(raw) => parse_bool(&raw)?,
        None => false,
    };
    if !enabled {
        return Ok(None);
    }
    let path = |raw: Option<Raw>, key: &str| match raw {
        Some(raw) if raw.value.trim().is_empty() => Err(raw.error("must not be empty")),
        Some(raw) => Ok(home.join(raw.value.trim())),
        None => Err(ConfigError(format!(
            "{key} is required when http.tls-enabled is true"
        ))),
    };
    Ok(Some(TlsFiles {
        cert_file: path(cert, "http.cert-file")?,
        key_file: path(key, "http.key-file")?,
    }))
}

fn parse_external_url(raw: &Raw) -> Result<String, ConfigError> {
    let url =
        url::Url::parse(raw.value.trim()).map_err(|e| raw.error(format!("is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(raw.error("must be an http:// or https:// URL with a host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(raw.error("must not have a query or fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn parse_db_uri(raw: &Raw, home: &Path) -> Result<String, ConfigError> {
    let value = raw.value.trim();
    if value.starts_with("postgres://") || value.starts_with("postgresql://") {
        url::Url::parse(value).map_err(|e| raw.error(format!("is not a valid URI ({e})")))?;
        return Ok(value.to_owned());
    }
    // Opengist writes `mysql://`; `mariadb://` is the same server speaking the same wire.
    if let Some(rest) = value
        .strip_prefix("mysql://")
        .or_else(|| value.strip_prefix("mariadb://"))
    {
        let uri = format!("mysql://{rest}");
        let parsed =
            url::Url::parse(&uri).map_err(|e| raw.error(format!("is not a valid URI ({e})")))?;
        if parsed.path().trim_start_matches('/').is_empty() {
            return Err(raw.error("names no database (mysql://user:password@host:3306/gistful)"));
        }
        return Ok(uri);
    }
    if let Some(rest) = value.strip_prefix("sqlite:") {
        let path = rest.trim_start_matches("//");
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() {
            return Err(raw.error("names no database file"));
        }
        return Ok(sqlite_uri(&home.join(path)));
    }
    if value.contains("://") {
        return Err(raw.error("has an unsupported scheme (use sqlite://, postgres:// or mysql://)"));
    }
    if value.is_empty() {
        return Err(raw.error("must not be empty"));
    }
    // Opengist accepts a bare file name, relative to the home directory.
    Ok(sqlite_uri(&home.join(value)))
}

fn sqlite_uri(path: &Path) -> String {
    // `mode=rwc` creates the file on first start.
    format!("sqlite://{}?mode=rwc", path.display())
}

fn parse_port(raw: &Raw) -> Result<u16, ConfigError> {
    raw.value
        .trim()
        .parse::<u16>()
        .map_err(|_| raw.error("is not a port number (0-65535)"))
}

fn parse_bool(raw: &Raw) -> Result<bool, ConfigError> {
    match raw.value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(raw.error("is not a boolean (true or false)")),
    }
}

fn parse_log_level(raw: &Raw) -> Result<String, ConfigError> {
    let level = raw.value.trim().to_ascii_lowercase();
    match level.as_str() {
        "trace" | "debug" | "info" | "warn" | "error" | "off" => Ok(level),
        _ => Err(raw.error("is not a log level (trace, debug, info, warn, error or off)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::io::Write;

    fn load_with(yaml: Option<&str>, env: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let file = yaml.map(|text| {
            let mut f = tempfile::NamedTempFile::new().unwrap();
            f.write_all(text.as_bytes()).unwrap();
            f
        });
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let names: Vec<String> = env.keys().cloned().collect();
        load(
            file.as_ref().map(|f| f.path()),
            |k| env.get(k).cloned(),
            names,
        )
    }

    #[test]
    fn ssh_is_on_by_default_and_configurable() {
        let c = load_with(None, &[]).unwrap();
        let ssh = c.ssh.clone().unwrap();
        assert_eq!(ssh.port, 2222);
        assert_eq!(ssh.host, c.host);
        assert_eq!(ssh.clone_prefix(), "ssh://git@127.0.0.1:2222/");
        let yaml = "external-url: https://gists.example.com\nssh:\n  port: 2200\n  external-port: 22\n  keygen-executable: ssh-keygen\n";
        let c = load_with(Some(yaml), &[]).unwrap();
        assert_eq!(
            c.ssh.clone().unwrap().clone_prefix(),
            "git@gists.example.com:"
        );
        let c = load_with(
            None,
            &[
                ("OG_SSH_EXTERNAL_DOMAIN", "git.example.com"),
                ("OG_SSH_PORT", "2022"),
            ],
        )
        .unwrap();
        assert_eq!(
            c.ssh.unwrap().clone_prefix(),
            "ssh://git@git.example.com:2022/"
        );
        assert_eq!(
            load_with(None, &[("OG_SSH_GIT_ENABLED", "false")])
                .unwrap()
                .ssh,
            None
        );
        let err = load_with(None, &[("OG_SSH_PORT", "ssh")]).unwrap_err();
        assert!(err.to_string().contains("ssh.port (OG_SSH_PORT)"), "{err}");
    }

    #[test]
    fn metrics_are_off_by_default_and_on_loopback_when_on() {
        assert_eq!(load_with(None, &[]).unwrap().metrics, None);
        let c = load_with(Some("metrics:\n  enabled: true\n"), &[]).unwrap();
        assert_eq!(c.metrics, Some("127.0.0.1:6158".parse().unwrap()));
        let c = load_with(
            None,
            &[
                ("OG_METRICS_ENABLED", "true"),
                ("OG_METRICS_HOST", "0.0.0.0"),
                ("OG_METRICS_PORT", "9100"),
            ],
        )
        .unwrap();
        assert_eq!(c.metrics, Some("0.0.0.0:9100".parse().unwrap()));
        let err = load_with(None, &[("OG_METRICS_PORT", "x")]).unwrap_err();
        assert!(err.to_string().contains("metrics.port"), "{err}");
        let err = load_with(Some("metrics:\n  path: /m\n"), &[]).unwrap_err();
        assert!(err.to_string().contains("path"), "{err}");
    }

    #[test]
    fn proxies_origins_and_git_timeouts() {
        let c = load_with(None, &[]).unwrap();
        assert!(c.trusted_proxies.is_empty());
        assert_eq!(c.git_timeouts, GitTimeouts::default());
        assert!(
            c.allowed_origins
                .contains(&"http://127.0.0.1:3000".to_owned())
        );
        assert!(
            c.allowed_origins
                .contains(&"http://localhost:3000".to_owned())
        );
        let yaml = "external-url: https://gists.example.com\nhttp:\n  trusted-proxies: [10.0.0.0/8, 192.168.1.7]\n  allowed-hosts: gists.internal:8443\ngit:\n  timeout: 120\n  idle-timeout: 5\n";
        let c = load_with(Some(yaml), &[]).unwrap();
        assert_eq!(c.trusted_proxies.len(), 2);
        assert_eq!(
            c.allowed_origins,
            ["https://gists.example.com", "https://gists.internal:8443"]
        );
        assert_eq!(c.git_timeouts.total.as_secs(), 120);
        assert_eq!(c.git_timeouts.idle.as_secs(), 5);
        assert_eq!(c.display, app::render::DisplayLimits::default());
        let c = load_with(
            Some("ldap:\n  url: ldap://127.0.0.1:3389\n  search-base: dc=corp,dc=example\noidc:\n  client-key: k\n  secret: s\n  discovery-url: https://id.example/.well-known/openid-configuration\n"),
            &[("OG_LDAP_SEARCH_FILTER", "(mail=%s)")],
        )
        .unwrap();
        let ldap = c.ldap.unwrap();
        assert_eq!(ldap.search_filter, "(mail=%s)");
        assert_eq!(ldap.search_base, "dc=corp,dc=example");
        assert!(!ldap.start_tls);
        assert_eq!(c.oidc.unwrap().issuer, "https://id.example");
        let e = load_with(
            None,
            &[("OG_LDAP_URL", "http://x"), ("OG_LDAP_SEARCH_BASE", "dc=x")],
        )
        .unwrap_err();
        assert!(e.to_string().contains("ldap://"), "{e}");
        let e = load_with(
            None,
            &[
                ("OG_LDAP_URL", "ldap://x"),
                ("OG_LDAP_SEARCH_BASE", "dc=x"),
                ("OG_LDAP_SEARCH_FILTER", "(uid=*)"),
            ],
        )
        .unwrap_err();
        assert!(e.to_string().contains("%s"), "{e}");
        let c = load_with(
            Some("gitea:\n  client-key: k\n  secret: s\n  url: https://codeberg.org/\n  name: Codeberg\n"),
            &[("OG_GITHUB_CLIENT_KEY", "gk"), ("OG_GITHUB_SECRET", "gs")],
        )
        .unwrap();
        let names: Vec<(&str, &str, &str)> = c
            .presets
            .iter()
            .map(|p| (p.kind.slug(), p.name.as_str(), p.url.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("github", "GitHub", "https://github.com"),
                ("gitea", "Codeberg", "https://codeberg.org")
            ]
        );
        let e = load_with(None, &[("OG_GITLAB_CLIENT_KEY", "k")]).unwrap_err();
        assert!(e.to_string().contains("gitlab"), "{e}");
        let e = load_with(None, &[("OG_OIDC_CLIENT_KEY", "k")]).unwrap_err();
        assert!(e.to_string().contains("together"), "{e}");

        let c = load_with(None, &[("OG_RENDER_MAX_DISPLAY_LINES", "500")]).unwrap();
        assert_eq!(c.display.max_lines, 500);
        let e = load_with(None, &[("OG_RENDER_MAX_DISPLAY_SIZE", "big")]).unwrap_err();
        assert!(e.to_string().contains("render.max-display-size"), "{e}");
        let c = load_with(Some(yaml), &[("OG_HTTP_TRUSTED_PROXIES", "::1")]).unwrap();
        assert_eq!(
            c.trusted_proxies,
            ["::1/128".parse::<ipnet::IpNet>().unwrap()]
        );
        let e = load_with(None, &[("OG_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, nope")]).unwrap_err();
        assert!(
            e.to_string().contains("OG_HTTP_TRUSTED_PROXIES") && e.to_string().contains("nope"),
            "{e}"
        );
        let e = load_with(None, &[("OG_GIT_TIMEOUT", "0")]).unwrap_err();
        assert!(e.to_string().contains("git.timeout"), "{e}");
        let e = load_with(None, &[("OG_HTTP_ALLOWED_HOSTS", "a.example/path")]).unwrap_err();
        assert!(e.to_string().contains("http.allowed-hosts"), "{e}");
    }

    /// Port 0: the URL and origins follow the port we got, unless the URL was given.
    #[test]
    fn port_zero_follows_the_bound_port() {
        let bound: SocketAddr = "127.0.0.1:41234".parse().unwrap();
        let mut c = load_with(None, &[("OG_HTTP_PORT", "0")]).unwrap();
        c.listening_on(bound);
        assert_eq!(c.external_url, "http://127.0.0.1:41234");
        assert!(
            c.allowed_origins
                .contains(&"http://localhost:41234".to_owned())
        );
        assert!(!c.allowed_origins.iter().any(|o| o.ends_with(":0")));
        let given = [
            ("OG_HTTP_PORT", "0"),
            ("OG_EXTERNAL_URL", "https://g.example"),
        ];
        let mut c = load_with(None, &given).unwrap();
        c.listening_on(bound);
        assert_eq!(c.external_url, "https://g.example");
        let mut c = load_with(None, &[]).unwrap();
        c.listening_on(bound);
        assert_eq!(
            c.external_url, "http://127.0.0.1:3000",
            "a chosen port stays"
        );
    }

    #[test]
    fn defaults() {
        let c = load_with(None, &[]).unwrap();
        assert_eq!(c.addr().to_string(), "127.0.0.1:3000");
        assert_eq!(c.external_url, "http://127.0.0.1:3000");
        assert!(c.api_enabled);
        assert_eq!(c.log_level, "info");
        assert!(c.home.is_absolute() && c.home.ends_with("data"));
        assert_eq!(
            c.db_uri,
            format!("sqlite://{}/gistful.db?mode=rwc", c.home.display())
        );
    }

    #[test]
    fn file_then_environment() {
        let yaml = "home: /srv/gists\nhttp:\n  host: 0.0.0.0\n  port: 8080\napi:\n  enabled: false\nlog-level: debug\n";
        let c = load_with(Some(yaml), &[]).unwrap();
        assert_eq!(c.home, PathBuf::from("/srv/gists"));
        assert_eq!(c.addr().to_string(), "0.0.0.0:8080");
        assert_eq!(c.external_url, "http://127.0.0.1:8080");
        assert!(!c.api_enabled);
        assert_eq!(c.log_level, "debug");

        let c = load_with(
            Some(yaml),
            &[
                ("OG_HTTP_PORT", "9000"),
                ("OG_API_ENABLED", "TRUE"),
                ("OG_EXTERNAL_URL", "https://gists.example.com/"),
            ],
        )
        .unwrap();
        assert_eq!(c.port, 9000);
        assert!(c.api_enabled);
        assert_eq!(c.external_url, "https://gists.example.com");
        assert_eq!(
            c.home,
            PathBuf::from("/srv/gists"),
            "file value kept where env is silent"
        );
    }

    #[test]
    fn database_uris() {
        let c = load_with(Some("home: /h\ndb-uri: opengist.db\n"), &[]).unwrap();
        assert_eq!(c.db_uri, "sqlite:///h/opengist.db?mode=rwc");
        let c = load_with(
            None,
            &[("OG_HOME", "/h"), ("OG_DB_URI", "sqlite:///var/db.sqlite")],
        )
        .unwrap();
        assert_eq!(c.db_uri, "sqlite:///var/db.sqlite?mode=rwc");
        let pg = "postgres://u:p@127.0.0.1:5432/gistful";
        assert_eq!(load_with(None, &[("OG_DB_URI", pg)]).unwrap().db_uri, pg);
        let my = "mysql://u:p@127.0.0.1:3306/gistful";
        assert_eq!(load_with(None, &[("OG_DB_URI", my)]).unwrap().db_uri, my);
        let maria = "mariadb://u:p@127.0.0.1:3306/gistful";
        assert_eq!(load_with(None, &[("OG_DB_URI", maria)]).unwrap().db_uri, my);
        let err = load_with(None, &[("OG_DB_URI", "mysql://u@h")]).unwrap_err();
        assert!(err.to_string().contains("names no database"), "{err}");
        let err = load_with(None, &[("OG_DB_URI", "mongodb://x")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "config: db-uri (OG_DB_URI): `mongodb://x` has an unsupported scheme (use sqlite://, postgres:// or mysql://)"
        );
    }

    #[test]
    fn errors_name_the_key() {
        let err = load_with(Some("htp:\n  port: 1\n"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `htp`"), "{err}");
        let err = load_with(Some("http:\n  prot: 1\n"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `prot`"), "{err}");
        let err = load_with(Some("http:\n  port: abc\n"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("http.port") || err.contains("port"), "{err}");
        assert!(!err.contains('\n'));

        let cases = [
            (
                "OG_HTTP_PORT",
                "70000",
                "http.port (OG_HTTP_PORT): `70000` is not a port number",
            ),
            (
                "OG_HTTP_HOST",
                "example.com",
                "http.host (OG_HTTP_HOST): `example.com` is not an IP address",
            ),
            (
                "OG_API_ENABLED",
                "maybe",
                "api.enabled (OG_API_ENABLED): `maybe` is not a boolean",
            ),
            (
                "OG_LOG_LEVEL",
                "loud",
                "log-level (OG_LOG_LEVEL): `loud` is not a log level",
            ),
            (
                "OG_EXTERNAL_URL",
                "ftp://x",
                "external-url (OG_EXTERNAL_URL): `ftp://x` must be an http",
            ),
            ("OG_HOME", " ", "home (OG_HOME): ` ` must not be empty"),
        ];
        for (name, value, expected) in cases {
            let err = load_with(None, &[(name, value)]).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("config: {expected}")),
                "{name}: {err}"
            );
        }
    }

    #[test]
    fn gist_limits() {
        let c = load_with(
            Some("gist:\n  max-files: 3\n"),
            &[("OG_GIST_MAX_FILE_SIZE", "100")],
        )
        .unwrap();
        assert_eq!(c.limits.max_files, 3);
        assert_eq!(c.limits.max_file_size, 100);
        assert_eq!(
            c.limits.max_total_size,
            app::rules::Limits::default().max_total_size
        );
        let err = load_with(None, &[("OG_GIST_MAX_FILES", "0")])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "config: gist.max-files (OG_GIST_MAX_FILES): `0` is not a positive whole number"
        );
    }

    #[test]
    fn expiry_bounds() {
        let c = load_with(None, &[]).unwrap();
        assert_eq!((c.max_expiry_days, c.expiry_sweep_seconds), (365, 60));
        let c = load_with(
            Some("gist:\n  max-expiry-days: 30\n  expiry-sweep-seconds: 5\n"),
            &[],
        )
        .unwrap();
        assert_eq!((c.max_expiry_days, c.expiry_sweep_seconds), (30, 5));
        let err = load_with(None, &[("OG_GIST_MAX_EXPIRY_DAYS", "99999")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("gist.max-expiry-days"), "{err}");
        let err = load_with(None, &[("OG_GIST_EXPIRY_SWEEP_SECONDS", "0")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("gist.expiry-sweep-seconds"), "{err}");
    }

    #[test]
    fn custom_branding() {
        let c = load_with(None, &[]).unwrap();
        assert_eq!(c.custom, app::services::branding::Pinned::default());
        assert_eq!(c.max_image_size, 512 * 1024);

        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join("custom")).unwrap();
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\0\0\0\0";
        std::fs::write(home.path().join("custom/logo.png"), png).unwrap();
        std::fs::write(
            home.path().join("custom/evil.svg"),
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
        )
        .unwrap();
        let home_var = home.path().display().to_string();
        let yaml = "custom:\n  name: Acme snippets\n  logo: logo.png\n  static-links:\n    - name: Docs\n      path: https://example.com/docs\n";
        let c = load_with(Some(yaml), &[("OG_HOME", &home_var)]).unwrap();
        assert_eq!(c.custom.name.as_deref(), Some("Acme snippets"));
        let logo = c.custom.logo.as_ref().unwrap();
        assert_eq!(
            (logo.content_type.as_str(), logo.body.as_slice()),
            ("image/png", &png[..])
        );
        assert_eq!(
            c.custom.links.as_ref().unwrap()[0].url,
            "https://example.com/docs"
        );
        assert_eq!(c.custom.favicon, None);

        // Each bad value stops startup, naming its key.
        for (yaml, env, words) in [
            (
                "custom:\n  favicon: missing.ico\n",
                vec![],
                "custom.favicon: `missing.ico` cannot be read",
            ),
            (
                "",
                vec![("OG_CUSTOM_LOGO", "evil.svg")],
                "custom.logo (OG_CUSTOM_LOGO): `evil.svg` The SVG has scripts",
            ),
            (
                "custom:\n  static-links:\n    - name: x\n      path: javascript:alert(1)\n",
                vec![],
                "custom.static-links[0]: an address starts with",
            ),
            (
                "",
                vec![("OG_CUSTOM_NAME", "two\nlines")],
                "custom.name (OG_CUSTOM_NAME)",
            ),
            (
                "",
                vec![("OG_CUSTOM_MAX_IMAGE_SIZE", "99999999999")],
                "custom.max-image-size (OG_CUSTOM_MAX_IMAGE_SIZE)",
            ),
            (
                "custom:\n  logo-path: x\n",
                vec![],
                "unknown field `logo-path`",
            ),
        ] {
            let mut env = env;
            env.push(("OG_HOME", &home_var));
            let err = load_with(Some(yaml).filter(|y| !y.is_empty()), &env)
                .unwrap_err()
                .to_string();
            assert!(err.contains(words), "{err}");
        }
        let c = load_with(None, &[("OG_CUSTOM_MAX_IMAGE_SIZE", "2048")]).unwrap();
        assert_eq!(c.max_image_size, 2048);
    }

    #[test]
    fn tls_keys() {
        let c = load_with(None, &[]).unwrap();
        assert_eq!(c.tls, None);
        assert_eq!(c.external_url, "http://127.0.0.1:3000");

        let yaml = "home: /srv/gists\nhttp:\n  tls-enabled: true\n  cert-file: tls/cert.pem\n  key-file: /etc/key.pem\n";
        let c = load_with(Some(yaml), &[]).unwrap();
        let tls = c.tls.unwrap();
        assert_eq!(tls.cert_file, PathBuf::from("/srv/gists/tls/cert.pem"));
        assert_eq!(tls.key_file, PathBuf::from("/etc/key.pem"));
        // Served over HTTPS, the default external URL says so.
        assert_eq!(c.external_url, "https://127.0.0.1:3000");
        // Switched off by the environment, the files do not matter.
        let c = load_with(Some(yaml), &[("OG_HTTP_TLS_ENABLED", "false")]).unwrap();
        assert_eq!(c.tls, None);

        for (env, words) in [
            (
                vec![("OG_HTTP_TLS_ENABLED", "true")],
                "http.cert-file is required when http.tls-enabled is true",
            ),
            (
                vec![
                    ("OG_HTTP_TLS_ENABLED", "true"),
                    ("OG_HTTP_CERT_FILE", "c.pem"),
                ],
                "http.key-file is required",
            ),
            (vec![("OG_HTTP_TLS_ENABLED", "maybe")], "http.tls-enabled"),
        ] {
            let err = load_with(None, &env).unwrap_err().to_string();
            assert!(err.contains(words), "{err}");
        }
    }

    #[test]
    fn default_locale() {
        let c = load_with(None, &[]).unwrap();
        assert_eq!(c.default_locale, app::i18n::Locale::En);
        let c = load_with(Some("default-locale: pt-BR\n"), &[]).unwrap();
        assert_eq!(c.default_locale, app::i18n::Locale::PtBr);
        let c = load_with(None, &[("OG_DEFAULT_LOCALE", "ar")]).unwrap();
        assert_eq!(c.default_locale, app::i18n::Locale::Ar);
        let err = load_with(None, &[("OG_DEFAULT_LOCALE", "klingon")])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("default-locale") && err.contains("pt-BR"),
            "{err}"
        );
    }

    #[test]
    fn response_cache_size() {
        let c = load_with(None, &[]).unwrap();
        assert_eq!(
            c.response_cache_bytes,
            16 << 20,
            "on by default with SQLite"
        );
        let c = load_with(None, &[("OG_DB_URI", "postgres://u@127.0.0.1/g")]).unwrap();
        assert_eq!(c.response_cache_bytes, 0, "off by default with PostgreSQL");
        let c = load_with(None, &[("OG_DB_URI", "mysql://u@127.0.0.1/g")]).unwrap();
        assert_eq!(c.response_cache_bytes, 0, "off by default with MySQL");
        let c = load_with(
            Some("response-cache-mb: 8\n"),
            &[("OG_DB_URI", "postgres://u@127.0.0.1/g")],
        )
        .unwrap();
        assert_eq!(c.response_cache_bytes, 8 << 20);
        assert!(c.search_dir.ends_with("search"));
        let c = load_with(None, &[("OG_SEARCH_DIR", "/srv/index-a")]).unwrap();
        assert_eq!(c.search_dir, PathBuf::from("/srv/index-a"));
        let c = load_with(None, &[("OG_RESPONSE_CACHE_MB", "0")]).unwrap();
        assert_eq!(c.response_cache_bytes, 0);
        let err = load_with(None, &[("OG_RESPONSE_CACHE_MB", "lots")])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "config: response-cache-mb (OG_RESPONSE_CACHE_MB): `lots` is not a size in megabytes (0 to 65536)"
        );
    }

    #[test]
    fn unreadable_file_and_unknown_env() {
        let err = load(
            Some(Path::new("/nonexistent/gistful.yml")),
            |_| None,
            vec![],
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("config: cannot read /nonexistent/gistful.yml"),
            "{err}"
        );
        let c = load_with(None, &[("OG_HTTP_PROT", "1")]).unwrap();
        assert_eq!(
            c.warnings,
            vec!["ignoring unknown environment variable OG_HTTP_PROT"]
        );
        assert!(
            load_with(Some(""), &[]).is_ok(),
            "an empty file means defaults"
        );
    }
}
