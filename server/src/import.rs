//! `gistful admin import --from URL --token TOKEN [--user NAME] [--as LOCALUSER]`: copies
//! gists from any GitHub-compatible gist API (GitHub, Opengist 1.13+, another Gistful)
//! with their whole history, by listing them through the API and cloning each with git.
//!
//! Resumable and idempotent: each imported gist records its source clone URL, and a run
//! skips the ones already here, so an interrupted import is simply run again. Every
//! request and clone is bounded (timeouts, page and gist counts, the server's own gist
//! limits on what arrives); a gist that cannot come is reported and the rest go on.

use std::time::Duration;

use anyhow::{Context, bail};
use base64::Engine;
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use app::rules::Visibility;
use app::services::import::ImportedGist;
use app::services::{GistService, UserService};
use app::store::GitStore;

use crate::config::Config;

/// The most gists one run lists (100 pages of 100).
const MAX_PAGES: u32 = 100;
const PER_PAGE: u32 = 100;

pub struct ImportArgs {
    pub from: String,
    pub token: String,
    pub user: Option<String>,
    pub as_user: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RemoteGist {
    id: String,
    git_pull_url: String,
    #[serde(default)]
    description: Option<String>,
    /// Opengist and Gistful have titles; GitHub does not.
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    public: bool,
    /// Opengist's and Gistful's own word, when it says more than `public`.
    #[serde(default)]
    visibility: Option<String>,
    #[serde(default)]
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Deserialize)]
struct RemoteUser {
    login: String,
}

pub async fn import(
    config: &Config,
    db: &DatabaseConnection,
    args: ImportArgs,
) -> anyhow::Result<()> {
    let base = args.from.trim_end_matches('/').to_owned();
    let parsed = url::Url::parse(&base).with_context(|| format!("--from {base}: not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!("--from {base}: only http:// and https:// APIs");
    }
    let client = reqwest::Client::builder()
        .user_agent(concat!("gistful/", env!("CARGO_PKG_VERSION"), " (import)"))
        .timeout(Duration::from_secs(60))
        .connect_timeout(Duration::from_secs(15))
        .build()?;
    let get = |url: String| {
        let client = client.clone();
        let token = args.token.clone();
        async move {
            let res = client
                .get(&url)
                .header("authorization", format!("token {token}"))
                .header("accept", "application/vnd.github+json")
                .send()
                .await
                .with_context(|| format!("cannot reach {url}"))?;
            let status = res.status();
            if !status.is_success() {
                bail!("{url} answered {status}");
            }
            Ok::<_, anyhow::Error>(res)
        }
    };
    let remote: RemoteUser = get(format!("{base}/user"))
        .await?
        .json()
        .await
        .context("the API's /user is not a user")?;

    let users = UserService::new(db.clone());
    let local_name = args
        .as_user
        .clone()
        .or_else(|| args.user.clone())
        .unwrap_or_else(|| remote.login.clone());
    let Some(owner) = users
        .find_by_username(&local_name)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
    else {
        bail!("no local user named `{local_name}`: create it first, or name another with --as");
    };

    // The list, page by page.
    let listing = match &args.user {
        Some(name) => format!("{base}/users/{name}/gists"),
        None => format!("{base}/gists"),
    };
    let mut remote_gists: Vec<RemoteGist> = Vec::new();
    for page in 1..=MAX_PAGES {
        let batch: Vec<RemoteGist> = get(format!("{listing}?per_page={PER_PAGE}&page={page}"))
            .await?
            .json()
            .await
            .with_context(|| format!("{listing} is not a list of gists"))?;
        let last = batch.len() < PER_PAGE as usize;
        remote_gists.extend(batch);
        if last {
            break;
        }
    }

    let store = GitStore::new(config.repos_dir());
    let gists = GistService::new(db.clone(), store, config.limits)
        .with_noreply_host(&config.noreply_host())
        .with_max_expiry_days(config.max_expiry_days);
    let bar = indicatif::ProgressBar::new(remote_gists.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("import {bar:40} {pos}/{len} ({elapsed}) {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let credentials = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", remote.login, args.token));
    let (mut imported, mut skipped, mut failed) = (0, 0, Vec::new());
    for found in remote_gists {
        bar.set_message(found.id.clone());
        let source = found.git_pull_url.clone();
        if gists
            .imported_from(&source)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .is_some()
        {
            skipped += 1;
            bar.inc(1);
            continue;
        }
        match import_one(&gists, &owner, found, &credentials, config).await {
            Ok(()) => imported += 1,
            Err(e) => {
                bar.suspend(|| eprintln!("not imported: {source}: {e:#}"));
                failed.push(source);
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "imported {imported} gists for {}; {skipped} were here already; {} failed",
        owner.username,
        failed.len()
    );
    if !failed.is_empty() {
        bail!(
            "{} gists could not be imported (run again to retry them)",
            failed.len()
        );
    }
    Ok(())
}

async fn import_one(
    gists: &GistService,
    owner: &app::entities::user::Model,
    found: RemoteGist,
    credentials: &str,
    config: &Config,
) -> anyhow::Result<()> {
    let url = url::Url::parse(&found.git_pull_url).context("a bad clone URL")?;
    if !matches!(url.scheme(), "http" | "https") {
        bail!("clone URL is not http(s)");
    }
    let (id, path) = gists
        .prepare_pushed_gist()
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    // git clone wants an empty (or absent) directory.
    let _ = std::fs::remove_dir_all(&path);
    let cloned = clone(url.as_str(), &path, credentials, config.git_timeouts.total).await;
    if let Err(e) = cloned {
        let _ = std::fs::remove_dir_all(&path);
        return Err(e);
    }
    let visibility = match found.visibility.as_deref().map(Visibility::parse) {
        Some(Ok(visibility)) => visibility,
        _ if found.public => Visibility::Public,
        _ => Visibility::Unlisted,
    };
    let meta = ImportedGist {
        source: found.git_pull_url,
        title: found.title.unwrap_or_default(),
        description: found.description.unwrap_or_default(),
        visibility,
        created_at: found.created_at,
    };
    gists
        .adopt_imported(owner, &id, &path, meta)
        .await
        .map_err(|e| {
            let _ = std::fs::remove_dir_all(&path);
            anyhow::anyhow!("{}", e.message())
        })?;
    Ok(())
}

/// A bare clone with the whole history, the token sent as Basic credentials (through
/// git's environment, never on a command line), no user or system configuration; its
/// branch becomes `main` as every gist's is here.
async fn clone(
    url: &str,
    path: &std::path::Path,
    credentials: &str,
    timeout: Duration,
) -> anyhow::Result<()> {
    let git = |args: &[&str]| {
        let mut cmd = app::store::git_process();
        cmd.env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "http.extraHeader")
            .env(
                "GIT_CONFIG_VALUE_0",
                format!("Authorization: Basic {credentials}"),
            )
            .args(args)
            .stdin(std::process::Stdio::null());
        cmd
    };
    let run = |mut cmd: tokio::process::Command| async move {
        let out = tokio::time::timeout(timeout, cmd.output())
            .await
            .context("git took longer than git.timeout")??;
        if !out.status.success() {
            bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let target = path.to_string_lossy();
    run(git(&["clone", "--bare", "--quiet", url, &target])).await?;
    let head = run(git(&["-C", &target, "symbolic-ref", "--short", "HEAD"])).await?;
    if head != "main" {
        run(git(&["-C", &target, "branch", "-m", &head, "main"])).await?;
    }
    // The source's address (and nothing of the credentials) is forgotten.
    run(git(&["-C", &target, "remote", "remove", "origin"])).await?;
    Ok(())
}
