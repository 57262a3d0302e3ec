//! Drives the real `gistful` binary: CLI runs and a served instance on a port of its own.

#![allow(dead_code)]

pub mod app;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_gistful")
}

/// A `gistful` command with a clean `OG_*` environment and `home` as data directory.
pub fn gistful(home: &Path) -> Command {
    let mut cmd = Command::new(binary());
    for (name, _) in std::env::vars() {
        if name.starts_with("OG_") || name.starts_with("LEPTOS_") {
            cmd.env_remove(name);
        }
    }
    // SSH on a port the system picks: tests run many servers at once.
    cmd.env("OG_HOME", home)
        .env("OG_LOG_LEVEL", "warn")
        .env("OG_SSH_PORT", "0");
    cmd
}

/// Runs `gistful args...` with `stdin` piped in.
pub fn run(home: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = gistful(home)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start gistful");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// An account made with the admin CLI on the live data (the first one is the admin).
pub fn create_user(home: &Path, username: &str, password: &str) {
    let email = format!("{username}@example.com");
    let args = [
        "admin",
        "create-user",
        "--username",
        username,
        "--email",
        &email,
        "--password-stdin",
    ];
    let out = run(home, &args, &format!("{password}\n"));
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The signed-in user as the pages see it (`null` for nobody), asked with `client`'s
/// cookies and, if given, `cookie`.
#[allow(dead_code)]
pub async fn current_user(
    client: &reqwest::Client,
    server: &Server,
    cookie: Option<&str>,
) -> serde_json::Value {
    let mut call = client
        .post(server.url("/sfn/current_user"))
        .header("origin", &server.base)
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        call = call.header("cookie", cookie);
    }
    call.send().await.unwrap().json().await.unwrap()
}

/// A personal access token for `username`, made with the admin CLI on the live data.
pub fn create_token(home: &Path, username: &str, scopes: &str) -> String {
    let out = run(
        home,
        &[
            "admin",
            "create-token",
            "--username",
            username,
            "--name",
            "t",
            "--scopes",
            scopes,
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_owned()
}

/// Creates a gist through the API; returns its JSON.
pub async fn create_gist(base: &str, token: &str, body: serde_json::Value) -> serde_json::Value {
    let res = reqwest::Client::new()
        .post(format!("{base}/api/gists"))
        .header("authorization", format!("token {token}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// `git` with no user or system configuration and no prompts, in `dir`.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(["-c", "user.name=Tester", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .output()
        .expect("run git")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub struct Server {
    pub child: Child,
    pub base: String,
    pub home: PathBuf,
    /// The built-in SSH server's port, when git over SSH is on.
    pub ssh_port: Option<u16>,
    /// The metrics listener's address, when `metrics.enabled`.
    pub metrics: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

impl Server {
    pub async fn start() -> Server {
        Server::start_with(&[]).await
    }

    /// [`Server::start_in`] a throwaway home, removed with the server.
    pub async fn start_with(env: &[(&str, &str)]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().to_path_buf();
        let mut server = Server::start_in(&home, env).await;
        server._dir = Some(dir);
        server
    }

    /// Starts `gistful serve` with extra environment on a port the system picks (port 0:
    /// nothing to race for), reads the address from its log and waits until healthy.
    pub async fn start_in(home: &Path, env: &[(&str, &str)]) -> Server {
        let mut cmd = gistful(home);
        cmd.arg("serve")
            .env("OG_HTTP_PORT", "0")
            .env("OG_LOG_LEVEL", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            assert_ne!(*k, "OG_LOG_LEVEL", "the address is read from the info log");
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start gistful serve");
        let log = child.stdout.take().unwrap();
        let (found, address) = std::sync::mpsc::channel();
        let (ssh_found, ssh_address) = std::sync::mpsc::channel();
        let (metrics_found, metrics_address) = std::sync::mpsc::channel();
        let address_in = |line: &str, marker: &str| {
            line.split(marker).nth(1).map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                    .collect::<String>()
            })
        };
        // Reads the log to its end, so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(log).lines().map_while(Result::ok) {
                if let Some(bound) = address_in(&line, "metrics listening on http://") {
                    let _ = metrics_found.send(bound);
                } else if let Some(bound) = address_in(&line, "ssh listening on ") {
                    let _ = ssh_found.send(bound);
                } else if let Some(bound) = address_in(&line, "listening on http://") {
                    let _ = found.send(bound);
                }
            }
        });
        let bound = match address.recv_timeout(Duration::from_secs(30)) {
            Ok(bound) => bound,
            Err(_) => {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!("server did not start: {}", stderr(&out));
            }
        };
        let ssh_off = env
            .iter()
            .any(|(k, v)| *k == "OG_SSH_GIT_ENABLED" && *v == "false");
        let ssh_port = match ssh_off {
            true => None,
            false => ssh_address
                .recv_timeout(Duration::from_secs(30))
                .ok()
                .and_then(|a| a.rsplit(':').next().and_then(|p| p.parse().ok())),
        };
        let metrics_on = env
            .iter()
            .any(|(k, v)| *k == "OG_METRICS_ENABLED" && *v == "true");
        let metrics = metrics_on.then(|| {
            metrics_address
                .recv_timeout(Duration::from_secs(30))
                .expect("the metrics listener's address in the log")
        });
        let server = Server {
            child,
            metrics,
            base: format!("http://{bound}"),
            home: home.to_path_buf(),
            ssh_port,
            _dir: None,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = reqwest::Client::new();
        loop {
            if let Ok(res) = client.get(server.url("/healthz")).send().await
                && res.status().is_success()
            {
                return server;
            }
            assert!(Instant::now() < deadline, "server did not become healthy");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Waits until this server's search index has applied every change (`/healthz`).
    pub async fn search_caught_up(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = reqwest::Client::new();
        loop {
            let health: serde_json::Value = client
                .get(self.url("/healthz"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if health["search"]["pending"] == 0 {
                return;
            }
            assert!(Instant::now() < deadline, "index never caught up: {health}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sends SIGTERM and waits for the process to exit.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "server did not stop after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
