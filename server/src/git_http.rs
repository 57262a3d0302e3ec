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
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

use app::access::{self, Viewer};
use app::entities::user;
use app::route::{GitEndpoint, GitRepo, GitService, Route};
use app::rules::Scope;
use app::state::AppState;

use crate::config::GitTimeouts;
use crate::hooks;
use crate::metrics::{GitOperation, Outcome};

/// What bounds one git request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub timeouts: GitTimeouts,
    /// The most a push's body may inflate to when git gzipped it (the plain body is held
    /// to the router's body limit already).
    pub inflated: usize,
}

/// A fetch request is git's negotiation (`want`/`have` lines): it is read whole before
/// git starts, so a refusal can still be a 413, and it never needs more than this.
pub const FETCH_REQUEST_LIMIT: usize = 4 * 1024 * 1024;

/// Why a request body could not be handed to git.
#[derive(Debug)]
enum BodyError {
    TooLarge,
    Stalled,
    Io(std::io::Error),
    /// Git stopped reading before the body ended (it refused the request): what git
    /// answers stands.
    GitStopped(std::io::Error),
}

impl BodyError {
    fn response(&self) -> Response {
        match self {
            BodyError::TooLarge => plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is larger than this server accepts",
            ),
            BodyError::Stalled => plain(
                StatusCode::REQUEST_TIMEOUT,
                "The request body stopped arriving",
            ),
            BodyError::Io(e) | BodyError::GitStopped(e) => {
                tracing::debug!(error = %e, "a git request body could not be read");
                plain(
                    StatusCode::BAD_REQUEST,
                    "The request body could not be read",
                )
            }
        }
    }
}

/// In front of the pages: git's paths look like nothing else the site serves.
pub async fn intercept(
    State((state, limits)): State<(AppState, Limits)>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let Some(Route::Git(repo, endpoint)) = req.extensions().get::<Route>().cloned() else {
        return next.run(req).await;
    };
    let deadline = tokio::time::Instant::now() + limits.timeouts.total;
    let served = tokio::time::timeout_at(
        deadline,
        serve(&state, limits, deadline, repo, endpoint, req),
    );
    match served.await {
        Ok(Ok(response) | Err(response)) => response,
        Err(_) => plain(StatusCode::REQUEST_TIMEOUT, "The git request took too long"),
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
pub fn challenge() -> Response {
    challenge_with("Authentication required")
}

/// A 401 that asks for credentials, with a message git shows as `remote: ...`.
pub fn challenge_with(message: &str) -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [
            (header::WWW_AUTHENTICATE, "Basic realm=\"Gistful\""),
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
        ],
        format!("{message}\n"),
    )
        .into_response()
}

fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "Repository not found")
}

async fn serve(
    state: &AppState,
    limits: Limits,
    deadline: tokio::time::Instant,
    repo: GitRepo,
    endpoint: GitEndpoint,
    req: Request<Body>,
) -> Result<Response, Response> {
    let (req, body) = req.into_parts();
    let service = match endpoint {
        GitEndpoint::Rpc(service) if req.method == Method::POST => service,
        GitEndpoint::Refs if req.method == Method::GET => req
            .uri
            .query()
            .and_then(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "service")
                    .and_then(|(_, v)| GitService::from_name(&v))
            })
            .ok_or_else(|| {
                plain(
                    StatusCode::FORBIDDEN,
                    "Only git's smart HTTP protocol is supported (git 1.6.6 or newer)",
                )
            })?,
        _ => return Err(plain(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed")),
    };
    // Resolved (and the login requirement applied) by the identify layer.
    let viewer = Viewer::of(&req);

    let (id, path, owner) = match &repo {
        GitRepo::Init => {
            if service != GitService::ReceivePack {
                return Err(not_found());
            }
            let user = viewer.user().ok_or_else(challenge)?.clone();
            if !viewer.allows(Scope::GistWrite) {
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
            (id, path, user)
        }
        GitRepo::Gist { owner, id } => {
            let found = match state
                .gists
                .find_named(viewer.reader(), owner.as_deref(), id)
                .await
            {
                Ok(found) => found,
                _ if viewer.user().is_none() => return Err(challenge()),
                _ => return Err(not_found()),
            };
            let id = &found.gist.id;
            if service == GitService::ReceivePack {
                if viewer.user().is_none() {
                    return Err(challenge());
                }
                access::push(&viewer, &found.gist)
                    .map_err(|why| plain(StatusCode::FORBIDDEN, why))?;
            }
            (
                id.clone(),
                state.gists.store().path(id.as_str()),
                found.owner,
            )
        }
    };

    // `/init` advertises a throwaway empty repository.
    let throwaway = repo == GitRepo::Init && endpoint == GitEndpoint::Refs;
    let result = match endpoint {
        GitEndpoint::Refs => advertise(service, &path, &req.headers).await,
        GitEndpoint::Rpc(GitService::UploadPack) => {
            let upload = Upload::new(&req.headers, body, limits);
            let request = match read_whole(upload, FETCH_REQUEST_LIMIT).await {
                Ok(request) => request,
                Err(e) => return Err(e.response()),
            };
            // One clone or fetch is one count: its last request says `done` (protocol v2
            // also asks for the refs, and a long negotiation takes several rounds).
            let counted = request.windows(9).any(|w| w == b"0009done\n");
            let started = counted.then(std::time::Instant::now);
            upload_pack(&path, &req.headers, request, deadline, started).await
        }
        GitEndpoint::Rpc(GitService::ReceivePack) => {
            let upload = Upload::new(&req.headers, body, limits);
            // On a task of its own: a client that goes away mid-push cancels nothing
            // once git has the pack, and the database always follows the ref.
            let (state, path) = (state.clone(), path.clone());
            let pushed = tokio::spawn(async move {
                let work = async {
                    match &repo {
                        GitRepo::Init => push_new_gist(&state, &owner, &id, &path, upload).await,
                        GitRepo::Gist { .. } => push(&state, &id, &path, upload).await,
                    }
                };
                // Held to `git.timeout` too: past it git is stopped (dropped with the
                // work) and what it left is removed, under the gist's lock so that no
                // other push is under way meanwhile.
                match tokio::time::timeout_at(deadline, work).await {
                    Ok(done) => done,
                    Err(_) => {
                        tracing::warn!(gist = %id, "a push outlived git.timeout; stopped");
                        match repo {
                            GitRepo::Init => {
                                let _ = tokio::fs::remove_dir_all(&path).await;
                            }
                            GitRepo::Gist { .. } => {
                                // Without the lock (the database is gone) the
                                // leftovers wait for the next push's sweep.
                                if let Ok(guard) = state.gists.lock(&id).await {
                                    remove_push_leftovers(&path, std::time::Duration::ZERO);
                                    drop(guard);
                                }
                                // The ref may have moved just before git was stopped.
                                let _ = state.gists.sync_from_git(&id).await;
                            }
                        }
                        crate::metrics::git(
                            GitOperation::Push,
                            "http",
                            Outcome::Failed,
                            limits.timeouts.total,
                        );
                        Ok(Err(BodyError::Stalled))
                    }
                }
            });
            match pushed.await {
                Ok(Ok(Ok(response))) => Ok(response),
                Ok(Ok(Err(refused))) => return Err(refused.response()),
                Ok(Err(e)) => Err(e),
                Err(e) => Err(std::io::Error::other(e)),
            }
        }
    };
    if throwaway {
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
    safe_git_protocol(headers.get("git-protocol")?.to_str().ok()?)
}

/// A `GIT_PROTOCOL` value (HTTP's `Git-Protocol`, SSH's environment), if it has only the
/// characters the protocol uses.
pub(crate) fn safe_git_protocol(value: &str) -> Option<String> {
    (value.len() <= 256
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=:._-".contains(&b)))
    .then(|| value.to_owned())
}

fn git(service: GitService, path: &Path) -> Command {
    let mut cmd = git_command(service);
    cmd.arg("--stateless-rpc").arg(path);
    cmd
}

/// `git upload-pack` or `git receive-pack` (arguments to follow), as every transport runs
/// them: no user or system configuration, deletions refused, objects checked.
pub(crate) fn git_command(service: GitService) -> Command {
    let mut cmd = app::store::git_process();
    match service {
        GitService::UploadPack => {
            // `master` only exists for pushes (see `app::store::ALIAS_REF`).
            cmd.args(["-c", "uploadpack.hideRefs=refs/heads/master", "upload-pack"]);
        }
        GitService::ReceivePack => {
            cmd.args([
                "-c",
                "receive.advertisePushOptions=true",
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
    cmd
}

/// What receive-pack needs to run our hooks: the limits, this binary, the hooks
/// directory, and for a push to `/init` the new gist's address.
pub(crate) fn with_hooks(
    cmd: &mut Command,
    state: &AppState,
    new_gist_url: Option<&str>,
) -> std::io::Result<()> {
    cmd.env(
        hooks::LIMITS_ENV,
        hooks::encode_limits(&state.gists.limits()),
    )
    .env("GISTFUL_BIN", std::env::current_exe()?)
    .env("GIT_CONFIG_COUNT", "1")
    .env("GIT_CONFIG_KEY_0", "core.hooksPath")
    .env("GIT_CONFIG_VALUE_0", hooks_dir(state))
    .env(
        hooks::MAX_EXPIRY_ENV,
        state.gists.max_expiry().num_days().to_string(),
    );
    if let Some(url) = new_gist_url {
        cmd.env(hooks::NEW_GIST_URL_ENV, url);
    }
    Ok(())
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

async fn advertise(service: GitService, path: &Path, headers: &HeaderMap) -> GitResult {
    let mut cmd = git(service, path);
    cmd.arg("--advertise-refs");
    let protocol = git_protocol(headers).filter(|_| service == GitService::UploadPack);
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

/// What the client sends to git: the body, whether git gzipped it, and its bounds.
struct Upload {
    body: Body,
    gzipped: bool,
    limits: Limits,
}

impl Upload {
    fn new(headers: &HeaderMap, body: Body, limits: Limits) -> Upload {
        let gzipped = headers
            .get(header::CONTENT_ENCODING)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"gzip"));
        Upload {
            body,
            gzipped,
            limits,
        }
    }
}

/// Compressed input is inflated this much at a time, so one chunk of a gzip bomb never
/// becomes more than ~1,000 times this in memory (deflate's largest ratio).
const INFLATE_STEP: usize = 256;

/// Hands the body to `sink` piece by piece as it arrives, un-gzipping it if git
/// compressed it: never more than `limit` bytes in all, and never a wait of more than the
/// idle timeout for the next piece.
async fn stream_body<F, Fut>(upload: Upload, limit: usize, mut sink: F) -> Result<(), BodyError>
where
    F: FnMut(Vec<u8>) -> Fut,
    Fut: std::future::Future<Output = std::io::Result<()>>,
{
    let idle = upload.limits.timeouts.idle;
    let mut body = upload.body.into_data_stream();
    let mut decoder = upload
        .gzipped
        .then(|| flate2::write::GzDecoder::new(Vec::new()));
    let mut total = 0usize;
    let mut count = |n: usize| {
        total = total.saturating_add(n);
        if total > limit {
            Err(BodyError::TooLarge)
        } else {
            Ok(())
        }
    };
    let mut gone: Option<std::io::Error> = None;
    let result = loop {
        let chunk = match tokio::time::timeout(idle, body.next()).await {
            Err(_) => return Err(BodyError::Stalled),
            Ok(None) => break Ok(()),
            Ok(Some(Err(e))) => {
                // The router's own body limit speaks as an error of the stream.
                let too_large = std::error::Error::source(&e)
                    .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
                return Err(if too_large {
                    BodyError::TooLarge
                } else {
                    BodyError::Io(std::io::Error::other(e))
                });
            }
            Ok(Some(Ok(chunk))) => chunk,
        };
        // Once git stops reading (it refused the request), the body is still counted to
        // its end: a bomb is a 413 whatever git made of its first bytes.
        let fed: Result<(), BodyError> = async {
            match decoder.as_mut() {
                Some(decoder) => {
                    for piece in chunk.chunks(INFLATE_STEP) {
                        std::io::Write::write_all(decoder, piece).map_err(BodyError::Io)?;
                        let out = std::mem::take(decoder.get_mut());
                        count(out.len())?;
                        if !out.is_empty() && gone.is_none() {
                            gone = sink(out).await.err();
                        }
                    }
                }
                None => {
                    count(chunk.len())?;
                    if gone.is_none() {
                        gone = sink(chunk.to_vec()).await.err();
                    }
                }
            }
            Ok(())
        }
        .await;
        if let Err(e) = fed {
            break Err(e);
        }
    };
    match result {
        Ok(()) => {}
        Err(BodyError::TooLarge) => {
            // The rest of the (compressed) body is read and dropped, not inflated: cheap,
            // held to the router's body limit and the idle timeout, and the client then
            // hears a clean 413 instead of a connection reset mid-upload.
            while let Ok(Some(Ok(_))) = tokio::time::timeout(idle, body.next()).await {}
            return Err(BodyError::TooLarge);
        }
        Err(e) => return Err(e),
    }
    if let Some(decoder) = decoder {
        let rest = decoder.finish().map_err(BodyError::Io)?;
        count(rest.len())?;
        if gone.is_none() {
            gone = sink(rest).await.err();
        }
    }
    gone.map_or(Ok(()), |e| Err(BodyError::GitStopped(e)))
}

/// The whole (inflated) body, at most `limit` bytes.
async fn read_whole(upload: Upload, limit: usize) -> Result<Vec<u8>, BodyError> {
    let whole = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    stream_body(upload, limit, |piece| {
        let whole = whole.clone();
        async move {
            whole
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend_from_slice(&piece);
            Ok(())
        }
    })
    .await?;
    let mut whole = whole.lock().unwrap_or_else(|p| p.into_inner());
    Ok(std::mem::take(&mut *whole))
}

/// A fetch: git's answer streams back while it packs, until the request's deadline.
async fn upload_pack(
    path: &Path,
    headers: &HeaderMap,
    request: Vec<u8>,
    deadline: tokio::time::Instant,
    counted: Option<std::time::Instant>,
) -> GitResult {
    let mut cmd = git(GitService::UploadPack, path);
    if let Some(protocol) = git_protocol(headers) {
        cmd.env("GIT_PROTOCOL", protocol);
    }
    let (mut child, mut stdin, stdout) = spawn_piped(cmd)?;
    tokio::spawn(async move {
        let fed = async {
            stdin.write_all(&request).await?;
            stdin.shutdown().await
        };
        if let Err(e) = fed.await {
            tracing::debug!(error = %e, "git stopped reading a fetch request");
        }
        drop(stdin);
        let outcome = match tokio::time::timeout_at(deadline, child.wait()).await {
            Ok(Ok(status)) if status.success() => Outcome::Ok,
            Ok(_) => Outcome::Failed,
            Err(_) => {
                tracing::warn!("a fetch outlived git.timeout; stopping git");
                let _ = child.kill().await;
                Outcome::Failed
            }
        };
        if let Some(started) = counted {
            crate::metrics::git(GitOperation::Clone, "http", outcome, started.elapsed());
        }
    });
    let stream =
        tokio_util::io::ReaderStream::new(stdout).take_until(tokio::time::sleep_until(deadline));
    Ok(git_response(
        "application/x-git-upload-pack-result",
        Body::from_stream(stream),
    ))
}

/// Runs receive-pack to the end: its report is small, and the database must follow the
/// new head before the client hears that the push went through.
async fn receive(
    state: &AppState,
    path: &Path,
    upload: Upload,
    new_gist_url: Option<&str>,
) -> std::io::Result<Result<Vec<u8>, BodyError>> {
    let started = std::time::Instant::now();
    let received = receive_pack(state, path, upload, new_gist_url).await;
    let outcome = match &received {
        Ok(Ok(report)) if crate::metrics::report_refuses(report) => Outcome::Refused,
        Ok(Ok(_)) => Outcome::Ok,
        Ok(Err(BodyError::TooLarge)) => Outcome::Refused,
        Ok(Err(_)) | Err(_) => Outcome::Failed,
    };
    crate::metrics::git(GitOperation::Push, "http", outcome, started.elapsed());
    received
}

async fn receive_pack(
    state: &AppState,
    path: &Path,
    upload: Upload,
    new_gist_url: Option<&str>,
) -> std::io::Result<Result<Vec<u8>, BodyError>> {
    app::store::alias_master(path)?;
    let mut cmd = git(GitService::ReceivePack, path);
    with_hooks(&mut cmd, state, new_gist_url)?;
    let (mut child, stdin, mut stdout) = spawn_piped(cmd)?;
    let limit = upload.limits.inflated;
    let stdin = tokio::sync::Mutex::new(stdin);
    let feed = async {
        let fed = stream_body(upload, limit, |piece| {
            let stdin = &stdin;
            async move { stdin.lock().await.write_all(&piece).await }
        })
        .await;
        match &fed {
            Ok(()) => {
                let _ = stdin.lock().await.shutdown().await;
            }
            Err(BodyError::GitStopped(_)) => {}
            // Too large, stalled or broken: git must not take a partial pack in, and it
            // would wait for the rest forever. Stopping it also ends its output below.
            Err(_) => {
                let _ = child.start_kill();
            }
        }
        fed
    };
    let (fed, report) = tokio::join!(feed, async {
        let mut report = Vec::new();
        stdout.read_to_end(&mut report).await.map(|_| report)
    });
    if let Err(BodyError::GitStopped(e)) = &fed {
        tracing::debug!(error = %e, "git stopped reading the push early");
    } else if let Err(refused) = fed {
        // Stopped above; what it left in its quarantine is removed.
        let _ = child.wait().await;
        remove_push_leftovers(path, std::time::Duration::ZERO);
        return Ok(Err(refused));
    }
    let status = child.wait().await?;
    let report = report?;
    if !status.success() && report.is_empty() {
        return Err(std::io::Error::other(format!(
            "receive-pack exited with {status}"
        )));
    }
    Ok(Ok(report))
}

/// What an interrupted receive-pack leaves behind: its quarantine (`objects/tmp_objdir-*`,
/// `objects/incoming-*`) and half-written packs. Only entries older than `age` go, so a
/// startup pass spares a push another server on the same storage is making.
pub fn remove_push_leftovers(repo: &Path, age: std::time::Duration) -> usize {
    let old_enough = |entry: &std::fs::DirEntry| {
        entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|elapsed| elapsed >= age)
    };
    let mut removed = 0;
    for (dir, prefixes) in [
        (repo.join("objects"), &["tmp_objdir-", "incoming-"][..]),
        (repo.join("objects/pack"), &["tmp_pack_", "tmp_idx_"][..]),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if prefixes.iter().any(|p| name.starts_with(p)) && old_enough(&entry) {
                let path = entry.path();
                let gone = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
                if gone.is_ok() {
                    removed += 1;
                }
            }
        }
    }
    removed
}

/// At startup: leftovers of pushes cut off by a crash, in every repository, and pushes
/// to `/init` that never became a gist. Anything younger than `age` (the longest a git
/// request may take) may belong to another server on the same storage and stays.
pub fn clean_up_interrupted_pushes(
    store: &app::store::GitStore,
    age: std::time::Duration,
) -> usize {
    let mut removed = 0;
    if let Ok(ids) = store.list_ids() {
        for id in ids {
            removed += remove_push_leftovers(&store.path(&id), age);
        }
    }
    let incoming = store.incoming_path("x");
    if let Some(dir) = incoming.parent()
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|elapsed| elapsed >= age);
            if old && std::fs::remove_dir_all(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

type PushResult = std::io::Result<Result<Response, BodyError>>;

/// A push to an existing gist, under its write lock; the database follows at once.
async fn push(state: &AppState, id: &str, path: &Path, upload: Upload) -> PushResult {
    let _lock = state
        .gists
        .lock(id)
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let report = match receive(state, path, upload, None).await? {
        Ok(report) => report,
        Err(refused) => return Ok(Err(refused)),
    };
    // Refused pushes leave the head where it was; syncing then changes nothing.
    state
        .gists
        .follow_push(id)
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(Ok(git_response(
        "application/x-git-receive-pack-result",
        Body::from(report),
    )))
}

/// A push to `/init`: the pushed repository becomes a new unlisted gist.
async fn push_new_gist(
    state: &AppState,
    owner: &user::Model,
    id: &str,
    path: &Path,
    upload: Upload,
) -> PushResult {
    let url = format!(
        "{}/{}/{id}",
        state.external_url.trim_end_matches('/'),
        owner.username
    );
    let received = receive(state, path, upload, Some(&url)).await;
    let adopted = match &received {
        Ok(Ok(_)) => state.gists.adopt_pushed_gist(owner, id, path).await.ok(),
        _ => None,
    };
    if adopted.is_none() {
        // Refused or failed: nothing of the push remains.
        let _ = tokio::fs::remove_dir_all(path).await;
    }
    Ok(received?
        .map(|report| git_response("application/x-git-receive-pack-result", Body::from(report))))
}

pub(crate) fn hooks_dir(state: &AppState) -> PathBuf {
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
