//! Git over SSH: a built-in SSH server (the `russh` crate) that runs `git upload-pack`
//! and `git receive-pack` for registered keys, and nothing else.
//!
//! A connection signs in with a public key registered in Settings (found by its SHA-256
//! fingerprint at every connection, so a removed key is refused at once). Without one,
//! the client is told where to add a key (keyboard-interactive's instruction text, which
//! OpenSSH prints) and refused. The command names a repository in the forms git over
//! HTTP takes (`route::ssh_git_repo`); the same access module decides, and every refusal
//! that could reveal a gist says `repository not found`. Pushes go through the same
//! pre-receive hook, the gist's write lock and the database follow-up as HTTP pushes
//! (`git_http::with_hooks`); a push to `init` makes a new gist.
//!
//! Bounds: authentication attempts per connection, 30 s to authenticate, keepalives and an
//! idle timeout (`git.idle-timeout`), the whole connection held to `git.timeout`, at most
//! [`SESSIONS_MAX`] connections at once (more are closed as they arrive), one command per
//! connection, and a push's input held to the same size as an HTTP push's body.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use russh::keys::ssh_key::{self, HashAlg, LineEnding, PrivateKey};
use russh::server::{Auth, ChannelOpenHandle, Msg, Session};
use russh::{Channel, ChannelId, ChannelMsg, MethodKind, MethodSet};
use tokio::io::AsyncWriteExt;
use tokio::process::Child;

use app::access::{self, Credential, Viewer};
use app::entities::user;
use app::route::{GitRepo, GitService, ssh_git_repo};
use app::services::SshKeyService;
use app::state::AppState;

use crate::config::{GitTimeouts, SshConfig};
use crate::git_http;
use crate::metrics::{GitOperation, Outcome};

/// The most SSH connections at once; more are closed as they arrive.
pub const SESSIONS_MAX: usize = 64;
/// Keys (and other methods) one connection may try before it is closed.
pub const AUTH_ATTEMPTS: usize = 6;
/// The time a connection has to sign in.
pub const AUTH_TIMEOUT: Duration = Duration::from_secs(30);
/// The host key's file in the data directory.
pub const HOST_KEY_FILE: &str = "ssh/gistful_host_ed25519";

/// What git's output says for every repository a caller may not use.
const NOT_FOUND: &str = "fatal: repository not found";

/// The one line anything but git gets.
const GIT_ONLY: &str =
    "Gistful serves git over SSH only (git clone, fetch and push); there is no shell.";

/// The built-in SSH server's listener, bound before the app is built (so that the clone
/// URLs name the port a port 0 got).
pub struct Listener {
    listener: tokio::net::TcpListener,
    pub bound: SocketAddr,
}

pub async fn bind(config: &SshConfig) -> anyhow::Result<Listener> {
    let addr = SocketAddr::new(config.host, config.port);
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
        format!("cannot listen for SSH on {addr} (ssh.port; ssh.git-enabled: false turns SSH off)")
    })?;
    let bound = listener.local_addr()?;
    Ok(Listener { listener, bound })
}

/// The ed25519 host key, made at the first start and kept in the data directory, so
/// that clients' `known_hosts` stay right across restarts.
pub fn host_key(home: &Path) -> anyhow::Result<PrivateKey> {
    let path = home.join(HOST_KEY_FILE);
    if path.exists() {
        return PrivateKey::read_openssh_file(&path)
            .with_context(|| format!("cannot read the SSH host key {}", path.display()));
    }
    use rand::RngCore;
    let mut seed = [0u8; 32];
    rand::rng().fill_bytes(&mut seed);
    let key = PrivateKey::from(ssh_key::private::Ed25519Keypair::from_seed(&seed));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    key.write_openssh_file(&path, LineEnding::LF)
        .with_context(|| format!("cannot write the SSH host key {}", path.display()))?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    tracing::info!(
        fingerprint = %key.public_key().fingerprint(HashAlg::Sha256),
        "made a new SSH host key"
    );
    Ok(key)
}

/// What every connection shares.
struct Shared {
    state: AppState,
    keys: SshKeyService,
    timeouts: GitTimeouts,
    /// The most a push's input may be.
    push_limit: usize,
    /// The HTTP side's kept answers: a push retires them, as an HTTP write does.
    cache: Option<Arc<crate::response_cache::ResponseCache>>,
}

impl Shared {
    /// After a push: what HTTP answered before it is not served again.
    fn retire_kept_answers(&self) {
        if let Some(cache) = &self.cache {
            cache.invalidate();
        }
    }
}

/// Serves SSH on `listener` until the process ends.
pub fn start(
    listener: Listener,
    state: AppState,
    host_key: PrivateKey,
    timeouts: GitTimeouts,
    push_limit: usize,
    cache: Option<Arc<crate::response_cache::ResponseCache>>,
) {
    let config = Arc::new(russh::server::Config {
        server_id: russh::SshId::Standard("SSH-2.0-Gistful".into()),
        methods: MethodSet::from(&[MethodKind::PublicKey, MethodKind::KeyboardInteractive][..]),
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        max_auth_attempts: AUTH_ATTEMPTS,
        inactivity_timeout: Some(timeouts.idle),
        keepalive_interval: Some(timeouts.idle / 3),
        keepalive_max: 3,
        nodelay: true,
        ..Default::default()
    });
    let shared = Arc::new(Shared {
        keys: state.ssh_keys.clone(),
        state,
        timeouts,
        push_limit,
        cache,
    });
    let sessions = Arc::new(tokio::sync::Semaphore::new(SESSIONS_MAX));
    tokio::spawn(async move {
        loop {
            let (socket, peer) = match listener.listener.accept().await {
                Ok(accepted) => accepted,
                Err(e) => {
                    tracing::warn!(error = %e, "ssh: accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(permit) = sessions.clone().try_acquire_owned() else {
                tracing::warn!(%peer, "ssh: too many connections; closing a new one");
                continue;
            };
            let _ = socket.set_nodelay(true);
            let (config, shared) = (config.clone(), shared.clone());
            tokio::spawn(async move {
                let _permit = permit;
                let signed_in = Arc::new(AtomicBool::new(false));
                let connection = Connection {
                    shared: shared.clone(),
                    peer,
                    user: None,
                    signed_in: signed_in.clone(),
                    channel: None,
                    protocol: None,
                    busy: false,
                };
                let session = match russh::server::run_stream(config, socket, connection).await {
                    Ok(session) => session,
                    Err(e) => {
                        tracing::debug!(%peer, error = %e, "ssh: connection failed");
                        return;
                    }
                };
                let handle = session.handle();
                let auth_deadline = async {
                    tokio::time::sleep(AUTH_TIMEOUT).await;
                    if signed_in.load(Ordering::Relaxed) {
                        std::future::pending::<()>().await;
                    }
                };
                tokio::select! {
                    ended = session => {
                        if let Err(e) = ended {
                            tracing::debug!(%peer, error = %e, "ssh: session ended");
                        }
                    }
                    () = auth_deadline => {
                        let _ = handle.disconnect(russh::Disconnect::ByApplication,
                            "took too long to sign in".into(), "en".into()).await;
                    }
                    () = tokio::time::sleep(shared.timeouts.total) => {
                        tracing::warn!(%peer, "ssh: a connection outlived git.timeout; closed");
                        let _ = handle.disconnect(russh::Disconnect::ByApplication,
                            "took too long".into(), "en".into()).await;
                    }
                }
            });
        }
    });
}

/// One client connection.
struct Connection {
    shared: Arc<Shared>,
    peer: SocketAddr,
    /// The account the key signed in.
    user: Option<user::Model>,
    signed_in: Arc<AtomicBool>,
    /// The session channel, until a command takes it.
    channel: Option<Channel<Msg>>,
    /// `GIT_PROTOCOL` from the client's environment (protocol v2).
    protocol: Option<String>,
    /// A command ran already: one per connection, as git uses it.
    busy: bool,
}

impl russh::server::Handler for Connection {
    type Error = anyhow::Error;

    async fn auth_publickey(
        &mut self,
        _user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let fingerprint = key.public_key.fingerprint(HashAlg::Sha256).to_string();
        match self.shared.keys.sign_in(&fingerprint).await {
            Ok(Some(user)) => {
                tracing::info!(peer = %self.peer, user = %user.username, "ssh: signed in");
                self.user = Some(user);
                self.signed_in.store(true, Ordering::Relaxed);
                Ok(Auth::Accept)
            }
            Ok(None) => Ok(Auth::reject()),
            Err(e) => {
                tracing::error!(error = %e, "ssh: cannot look the key up");
                Ok(Auth::reject())
            }
        }
    }

    /// No registered key: say where to add one (OpenSSH prints the instruction), then refuse.
    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        _user: &str,
        _submethods: &str,
        response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        if response.is_some() {
            return Ok(Auth::reject());
        }
        let settings = format!(
            "{}/settings#ssh-keys",
            self.shared.state.external_url.trim_end_matches('/')
        );
        Ok(Auth::Partial {
            name: "Gistful".into(),
            instructions: format!(
                "No SSH key of yours is registered here. Add your public key (~/.ssh/id_ed25519.pub) at {settings}"
            )
            .into(),
            prompts: Vec::new().into(),
        })
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() || self.busy {
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel = Some(channel);
        reply.accept().await;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if name == "GIT_PROTOCOL"
            && let Some(value) = git_http::safe_git_protocol(value)
        {
            self.protocol = Some(value);
            session.channel_success(channel)?;
        } else {
            session.channel_failure(channel)?;
        }
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(channel, session, GIT_ONLY)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(channel, session, GIT_ONLY)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(command) = GitCommand::parse(data) else {
            return self.refuse(channel, session, GIT_ONLY);
        };
        let (Some(open), Some(user)) = (self.channel.take(), self.user.clone()) else {
            session.channel_failure(channel)?;
            return Ok(());
        };
        self.busy = true;
        session.channel_success(channel)?;
        let (shared, protocol) = (self.shared.clone(), self.protocol.clone());
        tokio::spawn(run(shared, user, open, command, protocol));
        Ok(())
    }
}

impl Connection {
    /// Answers a request with one line on stderr and exit status 1.
    fn refuse(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
        message: &str,
    ) -> Result<(), anyhow::Error> {
        session.channel_success(channel)?;
        session.extended_data(channel, 1, format!("{message}\n").into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)?;
        self.channel = None;
        self.busy = true;
        Ok(())
    }
}

/// `git-upload-pack 'alice/abc.git'` and the like.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GitCommand {
    service: GitService,
    repo: GitRepo,
}

impl GitCommand {
    /// The commands git sends (`git-upload-pack '<path>'`, `git-receive-pack '<path>'`,
    /// also with a space after `git`); anything else is `None`.
    fn parse(data: &[u8]) -> Option<GitCommand> {
        let text = std::str::from_utf8(data).ok()?.trim();
        if text.len() > 1024 {
            return None;
        }
        let (name, path) = text.split_once(' ').and_then(|(first, rest)| match first {
            "git" => rest.split_once(" "),
            _ => first.strip_prefix("git-").map(|sub| (sub, rest)),
        })?;
        let service = match name {
            "upload-pack" | "git-upload-pack" => GitService::UploadPack,
            "receive-pack" | "git-receive-pack" => GitService::ReceivePack,
            _ => return None,
        };
        let path = path.trim();
        let path = path
            .strip_prefix('\'')
            .and_then(|p| p.strip_suffix('\''))
            .unwrap_or(path);
        if path.contains(['\'', '"', '\\', ' ']) {
            return None;
        }
        Some(GitCommand {
            service,
            repo: ssh_git_repo(path)?,
        })
    }
}

/// What a command runs on, once allowed.
enum Target {
    /// An existing gist (its id).
    Gist(String),
    /// A push to `init`: a new repository that becomes the caller's gist.
    Init { id: String },
}

/// Runs one git command on the channel, and closes it with git's exit status.
async fn run(
    shared: Arc<Shared>,
    user: user::Model,
    channel: Channel<Msg>,
    command: GitCommand,
    protocol: Option<String>,
) {
    let (mut input, output) = channel.split();
    let mut stderr = output.make_writer_ext(Some(1));
    let started = std::time::Instant::now();
    let code = match allow(&shared, &user, &command).await {
        Err(message) => {
            let _ = stderr.write_all(format!("{message}\n").as_bytes()).await;
            count(command.service, Outcome::Refused, started);
            1
        }
        Ok(target) => {
            let deadline = tokio::time::Instant::now() + shared.timeouts.total;
            let work = serve(
                &shared,
                &user,
                command.service,
                target,
                protocol,
                &mut input,
                &output,
            );
            let (code, outcome) = match tokio::time::timeout_at(deadline, work).await {
                Ok(Ok(0)) => (0, Outcome::Ok),
                // A push git turned down (a hook's refusal, a limit); a fetch that failed.
                Ok(Ok(code)) if command.service == GitService::ReceivePack => {
                    (code, Outcome::Refused)
                }
                Ok(Ok(code)) => (code, Outcome::Failed),
                Ok(Err(message)) => {
                    let _ = stderr.write_all(format!("{message}\n").as_bytes()).await;
                    (1, Outcome::Failed)
                }
                Err(_) => {
                    let _ = stderr
                        .write_all(b"fatal: the request took too long\n")
                        .await;
                    (1, Outcome::Failed)
                }
            };
            count(command.service, outcome, started);
            code
        }
    };
    let _ = stderr.flush().await;
    let _ = output.exit_status(code).await;
    let _ = output.eof().await;
    let _ = output.close().await;
}

fn count(service: GitService, outcome: Outcome, started: std::time::Instant) {
    let operation = match service {
        GitService::UploadPack => GitOperation::Clone,
        GitService::ReceivePack => GitOperation::Push,
    };
    crate::metrics::git(operation, "ssh", outcome, started.elapsed());
}

/// Who may do what, asked of the access module as over HTTP.
async fn allow(
    shared: &Shared,
    user: &user::Model,
    command: &GitCommand,
) -> Result<Target, String> {
    let state = &shared.state;
    let viewer = Viewer::new(user.clone(), Credential::SshKey);
    match &command.repo {
        GitRepo::Init if command.service == GitService::ReceivePack => {
            let (id, _) = state
                .gists
                .prepare_pushed_gist()
                .await
                .map_err(|_| "fatal: cannot make a new gist now".to_owned())?;
            Ok(Target::Init { id })
        }
        GitRepo::Init => Err(NOT_FOUND.into()),
        GitRepo::Gist { owner, id } => {
            let found = state
                .gists
                .find_named(viewer.reader(), owner.as_deref(), id)
                .await
                .map_err(|_| NOT_FOUND.to_owned())?;
            if command.service == GitService::ReceivePack {
                // Its owner hears why (an archived gist); anyone else, nothing more than
                // that the repository is not there for them.
                access::push(&viewer, &found.gist).map_err(|why| {
                    if access::edit(user, &found.gist) {
                        format!("fatal: {why}")
                    } else {
                        NOT_FOUND.to_owned()
                    }
                })?;
            }
            Ok(Target::Gist(found.gist.id))
        }
    }
}

/// Runs git for an allowed command; returns its exit status, or a message for stderr.
async fn serve(
    shared: &Shared,
    user: &user::Model,
    service: GitService,
    target: Target,
    protocol: Option<String>,
    input: &mut russh::ChannelReadHalf,
    output: &russh::ChannelWriteHalf<Msg>,
) -> Result<u32, String> {
    let state = &shared.state;
    match (service, target) {
        (GitService::UploadPack, Target::Gist(id)) => {
            let path = state.gists.store().path(&id);
            let git = spawn(service, &path, protocol.as_deref(), state, None)?;
            Ok(pump(git, input, output, shared.push_limit).await?.0)
        }
        (GitService::ReceivePack, Target::Gist(id)) => {
            let path = state.gists.store().path(&id);
            let _lock = state
                .gists
                .lock(&id)
                .await
                .map_err(|_| "fatal: the gist is busy; try again".to_owned())?;
            let git = spawn(service, &path, None, state, Some(None))?;
            let (code, complete) = pump(git, input, output, shared.push_limit).await?;
            if code != 0 || !complete {
                // Whatever a refused or cut-off push left in its quarantine goes.
                git_http::remove_push_leftovers(&path, Duration::ZERO);
            }
            // The database follows the ref, whatever git did (a refused push moved nothing).
            state
                .gists
                .follow_push(&id)
                .await
                .map_err(|_| "fatal: the push could not be recorded".to_owned())?;
            shared.retire_kept_answers();
            Ok(code)
        }
        (_, Target::Init { id }) => {
            let path = state.gists.store().incoming_path(&id);
            let url = format!(
                "{}/{}/{id}",
                state.external_url.trim_end_matches('/'),
                user.username
            );
            let outcome = async {
                let git = spawn(service, &path, None, state, Some(Some(&url)))?;
                pump(git, input, output, shared.push_limit).await
            }
            .await;
            let adopted = match outcome {
                Ok((0, true)) => state.gists.adopt_pushed_gist(user, &id, &path).await.ok(),
                _ => None,
            };
            if adopted.is_none() {
                // Refused, cut off, or nothing pushed: nothing of it remains.
                let _ = tokio::fs::remove_dir_all(&path).await;
            } else {
                shared.retire_kept_answers();
            }
            outcome.map(|(code, _)| code)
        }
    }
}

/// Starts git on `path`. `hooks` is `Some(new gist URL)` for receive-pack.
fn spawn(
    service: GitService,
    path: &Path,
    protocol: Option<&str>,
    state: &AppState,
    hooks: Option<Option<&str>>,
) -> Result<Child, String> {
    let mut cmd = git_http::git_command(service);
    cmd.arg(path);
    if let Some(protocol) = protocol {
        cmd.env("GIT_PROTOCOL", protocol);
    }
    if let Some(new_gist_url) = hooks {
        app::store::alias_master(path).map_err(|_| "fatal: git could not start".to_owned())?;
        git_http::with_hooks(&mut cmd, state, new_gist_url)
            .map_err(|_| "fatal: git could not start".to_owned())?;
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            tracing::error!(error = %e, "ssh: cannot start git");
            "fatal: git could not start".to_owned()
        })
}

/// Carries the channel into git and git's output back, until git exits. Returns git's
/// exit status and whether the client's input ended properly (EOF, not a dropped
/// connection). Input past `limit` stops git.
async fn pump(
    mut git: Child,
    input: &mut russh::ChannelReadHalf,
    output: &russh::ChannelWriteHalf<Msg>,
    limit: usize,
) -> Result<(u32, bool), String> {
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (git.stdin.take(), git.stdout.take(), git.stderr.take())
    else {
        return Err("fatal: git could not start".into());
    };
    let mut out = output.make_writer();
    let mut err = output.make_writer_ext(Some(1));
    let outgoing = async {
        let _ = tokio::io::copy(&mut stdout, &mut out).await;
        let _ = out.flush().await;
    };
    let errors = async {
        let _ = tokio::io::copy(&mut stderr, &mut err).await;
        let _ = err.flush().await;
    };
    // `Ok(true)`: the client ended its input; `Ok(false)`: it went away;
    // `Err`: it sent more than allowed.
    // Moved in: git sees the end of its input only when its stdin is dropped (shutting
    // a child's pipe down does not close it).
    let incoming = async move {
        let mut received = 0usize;
        loop {
            match input.wait().await {
                Some(ChannelMsg::Data { data }) => {
                    received = received.saturating_add(data.len());
                    if received > limit {
                        return Err(());
                    }
                    if stdin.write_all(&data).await.is_err() {
                        // git stopped reading (it refused, or is done): what it says stands.
                        return Ok(true);
                    }
                }
                Some(ChannelMsg::Eof) => {
                    drop(stdin);
                    return Ok(true);
                }
                Some(ChannelMsg::Close) | None => return Ok(false),
                Some(_) => {}
            }
        }
    };
    let (status, fed) = {
        tokio::pin!(incoming);
        let mut fed = None;
        let mut done = Box::pin(async {
            tokio::join!(outgoing, errors);
        });
        // Input may end long before output (a fetch), or never (a client that waits for
        // git to finish); output ends when git exits.
        loop {
            tokio::select! {
                result = &mut incoming, if fed.is_none() => {
                    match result {
                        Ok(true) => fed = Some(true),
                        Ok(false) => {
                            fed = Some(false);
                            let _ = git.start_kill();
                        }
                        Err(()) => {
                            let _ = git.start_kill();
                            let _ = git.wait().await;
                            return Err(format!(
                                "fatal: push refused: larger than the {limit} bytes a push may be"
                            ));
                        }
                    }
                }
                () = &mut done => break,
            }
        }
        let status = git
            .wait()
            .await
            .map_err(|_| "fatal: git failed".to_owned())?;
        (status, fed.unwrap_or(true))
    };
    Ok((status.code().map_or(1, |c| c as u32), fed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_commands_are_read_and_anything_else_is_not() {
        let cmd = |text: &str| GitCommand::parse(text.as_bytes());
        let gist = |owner: Option<&str>| GitRepo::Gist {
            owner: owner.map(str::to_owned),
            id: "0123456789abcdef0123456789abcdef".into(),
        };
        let id = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            cmd(&format!("git-upload-pack '/alice/{id}.git'")),
            Some(GitCommand {
                service: GitService::UploadPack,
                repo: gist(Some("alice"))
            })
        );
        assert_eq!(
            cmd(&format!("git-receive-pack '{id}.git'")).map(|c| c.repo),
            Some(gist(None))
        );
        assert_eq!(
            cmd(&format!("git upload-pack 'gist/{id}'")).map(|c| c.repo),
            Some(gist(None))
        );
        assert_eq!(
            cmd("git-receive-pack '/init'").map(|c| c.repo),
            Some(GitRepo::Init)
        );
        for bad in [
            "sh",
            "ls -la",
            "scp -t /tmp",
            "git-upload-archive '/alice/x.git'",
            "git-upload-pack '/alice/not.an.id.git'",
            "git-upload-pack '/gist/not-an-id.git'",
            "git-upload-pack '../../etc/passwd'",
            "git-upload-pack '/alice/x.git'; rm -rf /",
            "git-upload-pack",
            "",
        ] {
            assert_eq!(cmd(bad), None, "{bad}");
        }
    }
}
