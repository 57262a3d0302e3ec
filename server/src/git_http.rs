//! Git's smart HTTP protocol: `git clone`, `pull` and `push` on `/{user}/{id}.git` and
//! `/gist/{id}.git`, and `git push {base}/init` to make a new gist.
//!
//! The transport is the one place a process is fine: each request runs `git upload-pack`
//! or `git receive-pack --stateless-rpc`, with the request body streamed into it and (for
//! fetches) its output streamed back. A push holds the gist's write lock from the first
//! byte of the pack until the database follows the new head, so web and API edits queue
//! behind it and no commit is lost. What a push may change is judged by the pre-receive
//! hook (`gistful hook pre-receive`, see hooks.rs) before any ref moves.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use futures_util::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

use app::entities::user;
use app::rules::Scope;
use app::services::settings;
use app::services::{TokenService, UserService};
use app::state::AppState;

use crate::hooks;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repo {
    /// An existing gist; the owner's name when the URL carries one.
    Gist { owner: Option<String>, id: String },
    /// `/init`: a push that becomes a new gist.
    Init,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Service {
    UploadPack,
    ReceivePack,
}

impl Service {
    fn from_name(name: &str) -> Option<Service> {
        match name {
            "git-upload-pack" => Some(Service::UploadPack),
            "git-receive-pack" => Some(Service::ReceivePack),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Service::UploadPack => "git-upload-pack",
            Service::ReceivePack => "git-receive-pack",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    /// `GET info/refs?service=...`: the ref advertisement.
    Refs,
    /// `POST git-upload-pack` or `POST git-receive-pack`.
    Rpc(Service),
}

/// `(repository, endpoint)` for a git request path, `None` for any other path.
fn parse(path: &str) -> Option<(Repo, Endpoint)> {
    let (base, endpoint) = if let Some(base) = path.strip_suffix("/info/refs") {
        (base, Endpoint::Refs)
    } else if let Some(base) = path.strip_suffix("/git-upload-pack") {
        (base, Endpoint::Rpc(Service::UploadPack))
    } else {
        (
            path.strip_suffix("/git-receive-pack")?,
            Endpoint::Rpc(Service::ReceivePack),
        )
    };
    if base == "/init" || base == "/init.git" {
        return Some((Repo::Init, endpoint));
    }
    let (first, repo) = base.strip_prefix('/')?.split_once('/')?;
    let id = repo.strip_suffix(".git").unwrap_or(repo);
    let gist_id = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit());
    if !gist_id {
        return None;
    }
    let owner = if first == "gist" {
        None
    } else if app::rules::validate_username(first).is_ok() {
        Some(first.to_owned())
    } else {
        return None;
    };
    Some((
        Repo::Gist {
            owner,
            id: id.to_ascii_lowercase(),
        },
        endpoint,
    ))
}

/// In front of the pages: git's paths look like nothing else the site serves.
pub async fn intercept(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let Some((repo, endpoint)) = parse(req.uri().path()) else {
        return next.run(req).await;
    };
    match serve(&state, repo, endpoint, req).await {
        Ok(response) | Err(response) => response,
    }
}

fn plain(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{message}\n"),
    )
        .into_response()
}

/// Asks git for credentials. Anonymous callers get this for a gist that is missing or
/// private alike, so neither answer tells them which it is.
fn challenge() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [
            (header::WWW_AUTHENTICATE, "Basic realm=\"Gistful\""),
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
        ],
        "Authentication required\n",
    )
        .into_response()
}

fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "Repository not found")
}

/// Who pushes or fetches: a user, and the token's scopes when a token was the secret.
struct Identity {
    user: user::Model,
    scopes: Option<Vec<Scope>>,
}

impl Identity {
    fn allows(&self, needed: Scope) -> bool {
        self.scopes
            .as_ref()
            .is_none_or(|scopes| scopes.iter().any(|s| s.grants(needed)))
    }
}

/// HTTP Basic: the username with the password or a personal access token. A token is
/// checked by its hash (cheap); passwords go through argon2 and the login throttle.
async fn authenticate(
    state: &AppState,
    req: &axum::http::request::Parts,
) -> Result<Option<Identity>, Response> {
    let Some(value) = req.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let basic = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Basic ")
                .or_else(|| v.strip_prefix("basic "))
        })
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok());
    let Some((username, secret)) = basic.as_deref().and_then(|b| b.split_once(':')) else {
        return Err(challenge());
    };
    let address = req
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let account = username.to_ascii_lowercase();
    if !state.login_limiter.allows(&account, &address) {
        return Err(plain(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many failed logins; wait a few minutes and try again",
        ));
    }
    let verified = if secret.starts_with("og_") {
        TokenService::new(state.db.clone())
            .verify(secret)
            .await
            .ok()
            .filter(|t| t.user.username.eq_ignore_ascii_case(username))
            .map(|t| Identity {
                user: t.user,
                scopes: Some(t.scopes),
            })
    } else {
        UserService::new(state.db.clone())
            .verify_password(username, secret)
            .await
            .ok()
            .map(|user| Identity { user, scopes: None })
    };
    match verified {
        Some(identity) => {
            state.login_limiter.succeeded(&account);
            Ok(Some(identity))
        }
        None => {
            state.login_limiter.failed(&account, &address);
            Err(challenge())
        }
    }
}

async fn serve(
    state: &AppState,
    repo: Repo,
    endpoint: Endpoint,
    req: Request<Body>,
) -> Result<Response, Response> {
    let (req, body) = req.into_parts();
    let service = match endpoint {
        Endpoint::Rpc(service) if req.method == Method::POST => service,
        Endpoint::Refs if req.method == Method::GET => req
            .uri
            .query()
            .and_then(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "service")
                    .and_then(|(_, v)| Service::from_name(&v))
            })
            .ok_or_else(|| {
                plain(
                    StatusCode::FORBIDDEN,
                    "Only git's smart HTTP protocol is supported (git 1.6.6 or newer)",
                )
            })?,
        _ => return Err(plain(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed")),
    };
    let identity = authenticate(state, &req).await?;
    let settings = settings::load(&state.db)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;

    let (id, path, owner) = match &repo {
        Repo::Init => {
            if service != Service::ReceivePack {
                return Err(not_found());
            }
            let identity = identity.ok_or_else(challenge)?;
            if !identity.allows(Scope::GistWrite) {
                return Err(plain(
                    StatusCode::FORBIDDEN,
                    "This token lacks the gist:write scope",
                ));
            }
            let (id, path) = state
                .gists
                .prepare_pushed_gist()
                .await
                .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;
            (id, path, identity.user)
        }
        Repo::Gist { owner, id } => {
            if identity.is_none() && settings.require_login && !settings.allow_individual_gists {
                return Err(challenge());
            }
            let reader = identity
                .as_ref()
                .filter(|i| i.allows(Scope::GistRead))
                .map(|i| i.user.id);
            let found = match state.gists.summary(reader, id).await {
                Ok(found)
                    if owner
                        .as_deref()
                        .is_none_or(|o| found.owner.username.eq_ignore_ascii_case(o)) =>
                {
                    found
                }
                _ if identity.is_none() => return Err(challenge()),
                _ => return Err(not_found()),
            };
            if service == Service::ReceivePack {
                let identity = identity.ok_or_else(challenge)?;
                if identity.user.id != found.gist.owner_id {
                    return Err(plain(
                        StatusCode::FORBIDDEN,
                        "Only the gist's owner can push to it",
                    ));
                }
                if !identity.allows(Scope::GistWrite) {
                    return Err(plain(
                        StatusCode::FORBIDDEN,
                        "This token lacks the gist:write scope",
                    ));
                }
            }
            (id.clone(), state.gists.store().path(id), found.owner)
        }
    };

    let result = match endpoint {
        Endpoint::Refs => advertise(service, &path, &req.headers).await,
        Endpoint::Rpc(Service::UploadPack) => upload_pack(&path, &req.headers, body).await,
        Endpoint::Rpc(Service::ReceivePack) => {
            let upload = Upload::new(&req.headers, body);
            match repo {
                Repo::Init => push_new_gist(state, &owner, &id, &path, upload).await,
                Repo::Gist { .. } => push(state, &id, &path, upload).await,
            }
        }
    };
    // `/init` advertises a throwaway empty repository.
    if repo == Repo::Init && endpoint == Endpoint::Refs {
        let _ = tokio::fs::remove_dir_all(&path).await;
    }
    result.map_err(|e| {
        tracing::error!(error = %e, "git transport failed");
        plain(StatusCode::INTERNAL_SERVER_ERROR, "git failed")
    })
}

/// `Git-Protocol`, passed to git so a v2 client gets protocol v2; only the characters
/// the protocol uses.
fn git_protocol(headers: &HeaderMap) -> Option<String> {
    let value = headers.get("git-protocol")?.to_str().ok()?;
    value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"=:._-".contains(&b))
        .then(|| value.to_owned())
}

fn git(service: Service, path: &Path) -> Command {
    let mut cmd = Command::new("git");
    // No user or system configuration may change what the server does.
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("GIT_DIR")
        .kill_on_drop(true);
    match service {
        Service::UploadPack => {
            cmd.arg("upload-pack");
        }
        Service::ReceivePack => {
            cmd.args([
                "-c",
                "receive.denyDeletes=true",
                "-c",
                "receive.fsckObjects=true",
                "-c",
                "core.logAllRefUpdates=false",
                "receive-pack",
            ]);
        }
    }
    cmd.arg("--stateless-rpc").arg(path);
    cmd
}

type GitResult = Result<Response, std::io::Error>;

/// Starts git with its input and output as pipes (its stderr is not the client's).
fn spawn_piped(mut cmd: Command) -> std::io::Result<(Child, ChildStdin, ChildStdout)> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let pipes = child.stdin.take().zip(child.stdout.take());
    let (stdin, stdout) = pipes.ok_or_else(|| std::io::Error::other("git without pipes"))?;
    Ok((child, stdin, stdout))
}

async fn advertise(service: Service, path: &Path, headers: &HeaderMap) -> GitResult {
    let mut cmd = git(service, path);
    cmd.arg("--advertise-refs");
    let protocol = git_protocol(headers).filter(|_| service == Service::UploadPack);
    if let Some(protocol) = &protocol {
        cmd.env("GIT_PROTOCOL", protocol);
    }
    let output = cmd.stdin(Stdio::null()).output().await?;
    if !output.status.success() {
        return Err(std::io::Error::other(format!(
            "{} --advertise-refs: {}",
            service.name(),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    let mut body = Vec::with_capacity(output.stdout.len() + 64);
    // Protocol v2 starts with its capabilities; v0 with the service line git expects.
    if !protocol.as_deref().is_some_and(|p| p.contains("version=2")) {
        let line = format!("# service={}\n", service.name());
        body.extend_from_slice(format!("{:04x}{line}0000", line.len() + 4).as_bytes());
    }
    body.extend_from_slice(&output.stdout);
    Ok(git_response(
        &format!("application/x-{}-advertisement", service.name()),
        Body::from(body),
    ))
}

fn git_response(content_type: &str, body: Body) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, max-age=0, must-revalidate"),
    );
    response
}

/// What the client sends to git: the body, and whether git gzipped it.
struct Upload {
    body: Body,
    gzipped: bool,
}

impl Upload {
    fn new(headers: &HeaderMap, body: Body) -> Upload {
        let gzipped = headers
            .get(header::CONTENT_ENCODING)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"gzip"));
        Upload { body, gzipped }
    }
}

/// Copies the request body into git's standard input as it arrives, un-gzipping it if
/// git compressed it.
async fn feed(upload: Upload, mut stdin: ChildStdin) -> std::io::Result<()> {
    let mut body = upload.body.into_data_stream();
    let mut decoder = upload
        .gzipped
        .then(|| flate2::write::GzDecoder::new(Vec::new()));
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(std::io::Error::other)?;
        match decoder.as_mut() {
            Some(decoder) => {
                std::io::Write::write_all(decoder, &chunk)?;
                let out = std::mem::take(decoder.get_mut());
                stdin.write_all(&out).await?;
            }
            None => stdin.write_all(&chunk).await?,
        }
    }
    if let Some(decoder) = decoder {
        let rest = decoder.finish()?;
        stdin.write_all(&rest).await?;
    }
    stdin.shutdown().await
}

/// A fetch: git's answer streams back while it packs.
async fn upload_pack(path: &Path, headers: &HeaderMap, body: Body) -> GitResult {
    let upload = Upload::new(headers, body);
    let mut cmd = git(Service::UploadPack, path);
    if let Some(protocol) = git_protocol(headers) {
        cmd.env("GIT_PROTOCOL", protocol);
    }
    let (mut child, stdin, stdout) = spawn_piped(cmd)?;
    tokio::spawn(async move {
        if let Err(e) = feed(upload, stdin).await {
            tracing::debug!(error = %e, "fetch request body ended early");
        }
        let _ = child.wait().await;
    });
    Ok(git_response(
        "application/x-git-upload-pack-result",
        Body::from_stream(tokio_util::io::ReaderStream::new(stdout)),
    ))
}

/// Runs receive-pack to the end: its report is small, and the database must follow the
/// new head before the client hears that the push went through.
async fn receive(
    state: &AppState,
    path: &Path,
    upload: Upload,
    new_gist_url: Option<&str>,
) -> std::io::Result<Vec<u8>> {
    let mut cmd = git(Service::ReceivePack, path);
    cmd.env(
        hooks::LIMITS_ENV,
        hooks::encode_limits(&state.gists.limits()),
    )
    .env("GISTFUL_BIN", std::env::current_exe()?)
    .env("GIT_CONFIG_COUNT", "1")
    .env("GIT_CONFIG_KEY_0", "core.hooksPath")
    .env("GIT_CONFIG_VALUE_0", hooks_dir(state));
    if let Some(url) = new_gist_url {
        cmd.env(hooks::NEW_GIST_URL_ENV, url);
    }
    let (mut child, stdin, mut stdout) = spawn_piped(cmd)?;
    let (fed, report) = tokio::join!(feed(upload, stdin), async {
        let mut report = Vec::new();
        stdout.read_to_end(&mut report).await.map(|_| report)
    });
    let status = child.wait().await?;
    let report = report?;
    if let Err(e) = fed {
        tracing::debug!(error = %e, "push request body ended early");
    }
    if !status.success() && report.is_empty() {
        return Err(std::io::Error::other(format!(
            "receive-pack exited with {status}"
        )));
    }
    Ok(report)
}

/// A push to an existing gist, under its write lock; the database follows at once.
async fn push(state: &AppState, id: &str, path: &Path, upload: Upload) -> GitResult {
    let _lock = state.gists.lock(id).await;
    let report = receive(state, path, upload, None).await?;
    // Refused pushes leave the head where it was; syncing then changes nothing.
    state
        .gists
        .sync_locked(id)
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(git_response(
        "application/x-git-receive-pack-result",
        Body::from(report),
    ))
}

/// A push to `/init`: the pushed repository becomes a new unlisted gist.
async fn push_new_gist(
    state: &AppState,
    owner: &user::Model,
    id: &str,
    path: &Path,
    upload: Upload,
) -> GitResult {
    let url = format!(
        "{}/{}/{id}",
        state.external_url.trim_end_matches('/'),
        owner.username
    );
    let received = receive(state, path, upload, Some(&url)).await;
    let adopted = match &received {
        Ok(_) => state.gists.adopt_pushed_gist(owner, id, path).await.ok(),
        Err(_) => None,
    };
    if adopted.is_none() {
        // Refused or failed: nothing of the push remains.
        let _ = tokio::fs::remove_dir_all(path).await;
    }
    Ok(git_response(
        "application/x-git-receive-pack-result",
        Body::from(received?),
    ))
}

fn hooks_dir(state: &AppState) -> PathBuf {
    state.home.join("hooks")
}

/// Writes the hook scripts receive-pack runs; they hand over to this binary.
pub fn install_hooks(home: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;

    let dir = home.join("hooks");
    std::fs::create_dir_all(&dir)?;
    for hook in ["pre-receive", "post-receive"] {
        let path = dir.join(hook);
        std::fs::write(
            &path,
            format!("#!/bin/sh\nexec \"$GISTFUL_BIN\" hook {hook}\n"),
        )?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_paths() {
        let id = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            parse(&format!("/alice/{id}.git/info/refs")),
            Some((
                Repo::Gist {
                    owner: Some("alice".into()),
                    id: id.into()
                },
                Endpoint::Refs
            ))
        );
        assert_eq!(
            parse(&format!("/gist/{id}.git/git-upload-pack")),
            Some((
                Repo::Gist {
                    owner: None,
                    id: id.into()
                },
                Endpoint::Rpc(Service::UploadPack)
            ))
        );
        assert_eq!(
            parse(&format!("/alice/{id}/git-receive-pack")).map(|p| p.1),
            Some(Endpoint::Rpc(Service::ReceivePack))
        );
        assert_eq!(parse("/init/info/refs"), Some((Repo::Init, Endpoint::Refs)));
        assert_eq!(parse(&format!("/alice/{id}")), None);
        assert_eq!(parse("/alice/notes/info/refs"), None, "not a gist id");
        assert_eq!(parse(&format!("/pkg/{id}/info/refs")), None, "reserved");
    }
}
