//! Git over SSH with Debian's OpenSSH client and the real `git` against the built-in SSH
//! server: clone, push, refusals, `init`, protocol v2, keys added and removed through the
//! API, the host key across restarts, and everything that is not git refused.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{Server, git};
use serde_json::{Value, json};

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn failed(out: Output) -> String {
    assert!(
        !out.status.success(),
        "should have failed:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A key pair made with `ssh-keygen`, and the OpenSSH options that use only it and trust
/// only the server's host key.
struct Client {
    dir: PathBuf,
    key: PathBuf,
    port: u16,
}

impl Client {
    fn new(server: &Server, dir: &Path, name: &str) -> Client {
        let key = dir.join(name);
        ok(Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
            .arg(&key)
            .output()
            .unwrap());
        // The server's host key, as a `known_hosts` line: nothing else is trusted.
        let host = ok(Command::new("ssh-keygen")
            .arg("-y")
            .arg("-f")
            .arg(server.home.join("ssh/gistful_host_ed25519"))
            .output()
            .unwrap());
        let port = server.ssh_port.expect("ssh is on");
        std::fs::write(
            dir.join("known_hosts"),
            format!("[127.0.0.1]:{port} {}", host.trim()),
        )
        .unwrap();
        Client {
            dir: dir.to_path_buf(),
            key,
            port,
        }
    }

    fn public_key(&self) -> String {
        std::fs::read_to_string(self.key.with_extension("pub")).unwrap()
    }

    fn ssh_command(&self) -> String {
        format!(
            "ssh -F /dev/null -i {} -o IdentitiesOnly=yes -o UserKnownHostsFile={} -o StrictHostKeyChecking=yes -o ConnectTimeout=10",
            self.key.display(),
            self.dir.join("known_hosts").display()
        )
    }

    fn url(&self, path: &str) -> String {
        format!("ssh://git@127.0.0.1:{}/{path}", self.port)
    }

    /// `git` over this key.
    fn git(&self, dir: &Path, args: &[&str]) -> Output {
        Command::new("git")
            .args(["-c", "user.name=Tester", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir)
            .env("GIT_SSH_COMMAND", self.ssh_command())
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("HOME", dir)
            .output()
            .expect("run git")
    }

    /// `ssh` itself with `args` after the options.
    fn ssh(&self, args: &[&str]) -> Output {
        let command = self.ssh_command();
        let mut parts = command.split(' ');
        Command::new(parts.next().unwrap())
            .args(parts)
            .args(["-p", &self.port.to_string()])
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    }
}

async fn api(
    server: &Server,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = reqwest::Client::new()
        .request(method, server.url(&format!("/api{path}")))
        .header("authorization", format!("token {token}"));
    if let Some(body) = body {
        req = req.json(&body);
    }
    req.send().await.unwrap()
}

/// Registers `client`'s key for the token's user through the API; returns the key's JSON.
async fn add_key(server: &Server, token: &str, client: &Client) -> Value {
    let res = api(
        server,
        reqwest::Method::POST,
        "/user/keys",
        token,
        Some(json!({"title": "laptop", "key": client.public_key()})),
    )
    .await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

fn commit_file(dir: &Path, name: &str, content: &str, message: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, content).unwrap();
    ok(git(dir, &["add", "-A"]));
    ok(git(dir, &["commit", "-q", "-m", message]));
}

async fn gist(server: &Server, token: &str, public: bool, content: &str) -> String {
    let created = common::create_gist(
        &server.base,
        token,
        json!({"public": public, "files": {"a.txt": {"content": content}}}),
    )
    .await;
    created["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn clone_push_and_create_over_ssh() {
    let server = Server::start_with(&[("OG_GIST_MAX_FILE_SIZE", "1000")]).await;
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let scopes = "gist:read,gist:write,user:read,user:write";
    let alice_token = common::create_token(&server.home, "alice", scopes);
    let bob_token = common::create_token(&server.home, "bob", scopes);
    let public = gist(&server, &alice_token, true, "public\n").await;
    let unlisted = gist(&server, &alice_token, false, "unlisted\n").await;
    let bobs_public = gist(&server, &bob_token, true, "bob\n").await;
    let work = tempfile::tempdir().unwrap();
    let alice = Client::new(&server, work.path(), "alice_key");

    let key = add_key(&server, &alice_token, &alice).await;
    let fingerprint = ok(Command::new("ssh-keygen")
        .arg("-lf")
        .arg(alice.key.with_extension("pub"))
        .output()
        .unwrap());
    assert!(
        fingerprint.contains(key["fingerprint"].as_str().unwrap()),
        "{fingerprint} vs {key}"
    );

    // Clone: public, unlisted, by owner and id, by id alone, and `gist/{id}`.
    for (path, name) in [
        (format!("alice/{public}.git"), "public"),
        (format!("alice/{unlisted}.git"), "unlisted"),
        (format!("{public}.git"), "bare"),
        (format!("gist/{bobs_public}.git"), "bobs"),
    ] {
        ok(alice.git(work.path(), &["clone", "-q", &alice.url(&path), name]));
    }
    assert_eq!(
        std::fs::read_to_string(work.path().join("unlisted/a.txt")).unwrap(),
        "unlisted\n"
    );

    // Push to her own gist; a second clone over HTTP sees it.
    let mine = work.path().join("public");
    commit_file(&mine, "a.txt", "changed over ssh\n", "over ssh");
    let pushed = ok(alice.git(&mine, &["push", "origin", "main"]));
    assert!(pushed.contains("main -> main"), "{pushed}");
    let http = format!("{}/alice/{public}.git", server.base);
    ok(git(work.path(), &["clone", "-q", &http, "over-http"]));
    assert_eq!(
        std::fs::read_to_string(work.path().join("over-http/a.txt")).unwrap(),
        "changed over ssh\n"
    );
    let seen: Value = api(
        &server,
        reqwest::Method::GET,
        &format!("/gists/{public}"),
        &alice_token,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(seen["files"]["a.txt"]["content"], "changed over ssh\n");

    // Refused pushes say why, through git's own output.
    let before = ok(git(&mine, &["rev-parse", "HEAD"])).trim().to_owned();
    commit_file(&mine, "src/main.rs", "fn main() {}\n", "a folder");
    let message = failed(alice.git(&mine, &["push", "origin", "main"]));
    assert!(
        message.contains("gists cannot contain directories: src/"),
        "{message}"
    );
    ok(git(&mine, &["reset", "-q", "--hard", &before]));
    commit_file(&mine, "big.txt", &"x".repeat(2000), "too big");
    let message = failed(alice.git(&mine, &["push", "origin", "main"]));
    assert!(message.contains("the limit is 1000 bytes"), "{message}");
    ok(git(&mine, &["reset", "-q", "--hard", &before]));

    // Someone else's gist: not hers to push, and it says nothing more than "not found".
    let bobs = work.path().join("bobs");
    commit_file(&bobs, "a.txt", "alice was here\n", "not mine");
    let message = failed(alice.git(&bobs, &["push", "origin", "main"]));
    assert!(message.contains("repository not found"), "{message}");

    // Create by push to `init`: the URL comes back in git's output. Pushed as `master`
    // (git's default branch on most machines), with push options.
    let local = work.path().join("local");
    std::fs::create_dir_all(&local).unwrap();
    ok(git(&local, &["init", "-q", "-b", "master"]));
    commit_file(&local, "notes.md", "# Notes\n", "first");
    let refused = failed(alice.git(
        &local,
        &["push", "-o", "expire=someday", &alice.url("init"), "master"],
    ));
    assert!(refused.contains("expire"), "{refused}");
    let output = ok(alice.git(
        &local,
        &[
            "push",
            "-o",
            "title=Over SSH",
            "-o",
            "url=ssh-notes",
            &alice.url("init"),
            "master",
        ],
    ));
    let url = output
        .lines()
        .find_map(|l| l.split("Your new gist: ").nth(1))
        .unwrap_or_else(|| panic!("no URL in {output}"))
        .trim()
        .to_owned();
    assert!(url.starts_with(&format!("{}/alice/", server.base)), "{url}");
    let id = url.rsplit('/').next().unwrap();
    let made: Value = api(
        &server,
        reqwest::Method::GET,
        &format!("/gists/{id}"),
        &alice_token,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(made["files"]["notes.md"]["content"], "# Notes\n");
    assert_eq!(made["title"], "Over SSH");
    assert_eq!(made["slug"], "ssh-notes");
    // The custom URL clones over SSH too, and a push of `master` moves `main`.
    ok(alice.git(
        work.path(),
        &["clone", "-q", &alice.url("alice/ssh-notes.git"), "by-slug"],
    ));
    commit_file(&local, "more.md", "more\n", "more");
    ok(alice.git(
        &local,
        &[
            "push",
            "-o",
            "title=Renamed",
            &alice.url("alice/ssh-notes.git"),
            "master",
        ],
    ));
    let again: Value = api(
        &server,
        reqwest::Method::GET,
        &format!("/gists/{id}"),
        &alice_token,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(again["title"], "Renamed");
    assert!(again["files"]["more.md"].is_object(), "{again}");
    // A refused push to `init` leaves no gist and nothing behind.
    commit_file(&local, "dir/x.txt", "x\n", "nested");
    let message = failed(alice.git(&local, &["push", &alice.url("init"), "master"]));
    assert!(message.contains("cannot contain directories"), "{message}");
    let incoming = server.home.join("incoming");
    let left: Vec<_> = std::fs::read_dir(&incoming)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "leftovers in incoming: {left:?}");

    // Protocol v2, asked for through GIT_PROTOCOL.
    let traced = Command::new("git")
        .args([
            "-c",
            "protocol.version=2",
            "ls-remote",
            &alice.url(&format!("alice/{public}.git")),
        ])
        .env("GIT_SSH_COMMAND", alice.ssh_command())
        .env("GIT_TRACE_PACKET", "1")
        .output()
        .unwrap();
    let trace = String::from_utf8_lossy(&traced.stderr);
    assert!(traced.status.success(), "{trace}");
    assert!(trace.contains("ls-remote< version 2"), "{trace}");
    assert!(trace.contains("> command=ls-refs"), "{trace}");
}

#[tokio::test]
async fn private_gists_of_others_and_missing_ones_are_not_found() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let scopes = "gist:read,gist:write,user:read,user:write";
    let alice_token = common::create_token(&server.home, "alice", scopes);
    let bob_token = common::create_token(&server.home, "bob", scopes);
    let work = tempfile::tempdir().unwrap();
    let alice = Client::new(&server, work.path(), "alice_key");
    add_key(&server, &alice_token, &alice).await;
    let private = common::create_gist(
        &server.base,
        &bob_token,
        json!({"public": false, "visibility": "private", "files": {"s.txt": {"content": "secret\n"}}}),
    )
    .await;
    let private_id = private["id"].as_str().unwrap();
    assert_eq!(private["visibility"], "private", "{private}");
    let own_private = common::create_gist(
        &server.base,
        &alice_token,
        json!({"public": false, "visibility": "private", "files": {"s.txt": {"content": "mine\n"}}}),
    )
    .await;
    ok(alice.git(
        work.path(),
        &[
            "clone",
            "-q",
            &alice.url(&format!(
                "alice/{}.git",
                own_private["id"].as_str().unwrap()
            )),
            "own",
        ],
    ));
    let missing = "0123456789abcdef0123456789abcdef";
    let mut said = Vec::new();
    for path in [
        format!("bob/{private_id}.git"),
        format!("{private_id}.git"),
        format!("bob/{missing}.git"),
        format!("alice/{private_id}.git"),
    ] {
        let message = failed(alice.git(work.path(), &["clone", "-q", &alice.url(&path), "x"]));
        assert!(
            message.contains("repository not found"),
            "{path}: {message}"
        );
        said.push(message.replace(private_id, "ID").replace(missing, "ID"));
    }
    assert!(
        said.windows(2).all(|w| w[0] == w[1]),
        "a private gist and a missing one look the same: {said:?}"
    );
}

#[tokio::test]
async fn keys_are_checked_at_every_connection_and_the_host_key_stays() {
    let home = tempfile::tempdir().unwrap();
    let mut server = Server::start_in(home.path(), &[]).await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(
        &server.home,
        "alice",
        "gist:read,gist:write,user:read,user:write",
    );
    let id = gist(&server, &token, true, "a\n").await;
    let work = tempfile::tempdir().unwrap();
    let alice = Client::new(&server, work.path(), "alice_key");
    let path = format!("alice/{id}.git");

    // Unregistered: refused, and told where to add the key.
    let message = failed(alice.git(work.path(), &["clone", "-q", &alice.url(&path), "x"]));
    assert!(
        message.contains("No SSH key of yours is registered"),
        "{message}"
    );
    assert!(message.contains("/settings#ssh-keys"), "{message}");

    let key = add_key(&server, &token, &alice).await;
    ok(alice.git(work.path(), &["clone", "-q", &alice.url(&path), "one"]));
    let listed: Value = api(&server, reqwest::Method::GET, "/user/keys", &token, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert!(listed[0]["last_used"].is_string(), "{listed}");
    // The same key on another account is refused.
    common::create_user(&server.home, "bob", "password123");
    let bob_token = common::create_token(&server.home, "bob", "user:write");
    let again = api(
        &server,
        reqwest::Method::POST,
        "/user/keys",
        &bob_token,
        Some(json!({"title": "stolen", "key": alice.public_key()})),
    )
    .await;
    assert_eq!(again.status(), 422);
    // Bob cannot see or delete alice's key.
    let key_path = format!("/user/keys/{}", key["id"]);
    let theirs = api(
        &server,
        reqwest::Method::DELETE,
        &key_path,
        &bob_token,
        None,
    )
    .await;
    assert_eq!(theirs.status(), 404);
    // An id that is no key's (too large for one, not a number) is just not found.
    for bad in ["9223372036854775808", "abc"] {
        let path = format!("/user/keys/{bad}");
        for method in [reqwest::Method::GET, reqwest::Method::DELETE] {
            let res = api(&server, method.clone(), &path, &token, None).await;
            assert_eq!(res.status(), 404, "{method} {path}");
        }
    }

    // Removed: refused at the next connection.
    let removed = api(&server, reqwest::Method::DELETE, &key_path, &token, None).await;
    assert_eq!(removed.status(), 204);
    let message = failed(alice.git(work.path(), &["clone", "-q", &alice.url(&path), "two"]));
    assert!(
        message.contains("No SSH key of yours is registered"),
        "{message}"
    );

    // The host key is the same after a restart (the known_hosts line still matches).
    let before = std::fs::read(home.path().join("ssh/gistful_host_ed25519")).unwrap();
    let port = server.ssh_port.unwrap();
    server.terminate();
    let server = Server::start_in(home.path(), &[("OG_SSH_PORT", &port.to_string())]).await;
    assert_eq!(server.ssh_port, Some(port));
    let after = std::fs::read(home.path().join("ssh/gistful_host_ed25519")).unwrap();
    assert_eq!(before, after);
    add_key(&server, &token, &alice).await;
    ok(alice.git(work.path(), &["clone", "-q", &alice.url(&path), "three"]));
}

#[tokio::test]
async fn anything_but_git_is_refused_and_the_server_stays_up() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(
        &server.home,
        "alice",
        "gist:read,gist:write,user:read,user:write",
    );
    let id = gist(&server, &token, true, "a\n").await;
    let work = tempfile::tempdir().unwrap();
    let alice = Client::new(&server, work.path(), "alice_key");
    add_key(&server, &token, &alice).await;

    // A shell, a command, scp: one line, exit status 1.
    for args in [
        &["-T", "git@127.0.0.1"][..],
        &["git@127.0.0.1", "ls", "-la"],
        &["git@127.0.0.1", "scp", "-t", "/tmp"],
    ] {
        let out = alice.ssh(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("there is no shell"), "{args:?}: {said}");
        assert!(out.stdout.is_empty());
    }

    // Port forwarding: the tunnel opens nothing.
    let local = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let forward_port = local.local_addr().unwrap().port();
    drop(local);
    let http_port = server.base.rsplit(':').next().unwrap().to_owned();
    let command = alice.ssh_command();
    let mut parts = command.split(' ');
    let mut tunnel = Command::new(parts.next().unwrap())
        .args(parts)
        .args(["-p", &alice.port.to_string(), "-N", "-L"])
        .arg(format!("{forward_port}:127.0.0.1:{http_port}"))
        .arg("git@127.0.0.1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let through = format!("http://127.0.0.1:{forward_port}/healthz");
    let mut answered = false;
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        if let Ok(res) = reqwest::get(&through).await {
            answered = res.status().is_success();
            break;
        }
    }
    let _ = tunnel.kill();
    let _ = tunnel.wait();
    assert!(!answered, "the forward reached the HTTP server");

    // Twenty unregistered keys in a row: each refused.
    for n in 0..20 {
        let stranger = Client::new(&server, work.path(), &format!("stranger_{n}"));
        let message = failed(stranger.git(
            work.path(),
            &["ls-remote", &stranger.url(&format!("alice/{id}.git"))],
        ));
        assert!(
            message.contains("No SSH key of yours is registered"),
            "{message}"
        );
    }
    // Still up, for HTTP and SSH.
    let health = reqwest::get(server.url("/healthz")).await.unwrap();
    assert!(health.status().is_success());
    ok(alice.git(
        work.path(),
        &[
            "clone",
            "-q",
            &alice.url(&format!("alice/{id}.git")),
            "after",
        ],
    ));
}

/// Git over SSH is counted for Prometheus like git over HTTP: a clone, a push, and a
/// push of someone else's gist that is refused.
#[tokio::test]
async fn ssh_clones_and_pushes_are_counted() {
    let server =
        Server::start_with(&[("OG_METRICS_ENABLED", "true"), ("OG_METRICS_PORT", "0")]).await;
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let scopes = "gist:read,gist:write,user:read,user:write";
    let alice_token = common::create_token(&server.home, "alice", scopes);
    let bob_token = common::create_token(&server.home, "bob", scopes);
    let public = gist(&server, &alice_token, true, "public\n").await;
    let bobs = gist(&server, &bob_token, true, "bob\n").await;
    let work = tempfile::tempdir().unwrap();
    let alice = Client::new(&server, work.path(), "alice_key");
    add_key(&server, &alice_token, &alice).await;

    ok(alice.git(
        work.path(),
        &[
            "clone",
            "-q",
            &alice.url(&format!("alice/{public}.git")),
            "mine",
        ],
    ));
    let mine = work.path().join("mine");
    commit_file(&mine, "b.txt", "more\n", "more");
    ok(alice.git(&mine, &["push", "-q", "origin", "HEAD"]));
    ok(alice.git(
        work.path(),
        &["clone", "-q", &alice.url(&format!("bob/{bobs}.git")), "his"],
    ));
    let his = work.path().join("his");
    commit_file(&his, "c.txt", "mine now\n", "take over");
    failed(alice.git(&his, &["push", "-q", "origin", "HEAD"]));

    let addr = server.metrics.as_ref().unwrap();
    let text = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let count = |operation: &str, outcome: &str| {
        let labels = [
            format!("operation=\"{operation}\""),
            "transport=\"ssh\"".to_owned(),
            format!("outcome=\"{outcome}\""),
        ];
        text.lines()
            .filter(|l| l.starts_with("gistful_git_operations_total{"))
            .filter(|l| labels.iter().all(|label| l.contains(label.as_str())))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum::<f64>()
    };
    assert_eq!(count("clone", "ok"), 2.0, "{text}");
    assert_eq!(count("push", "ok"), 1.0, "{text}");
    assert_eq!(count("push", "refused"), 1.0, "{text}");
}
