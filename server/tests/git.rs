//! Git over HTTP with the real `git` client against the real server: clone, fetch, push,
//! refusals, `/init`, protocol v2, privacy, and concurrent writers.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::Server;
use serde_json::{Value, json};

use common::git;

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "git failed:\n{}\n{}",
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
    assert!(!out.status.success(), "git should have failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

struct Fixture {
    server: Server,
    work: tempfile::TempDir,
}

impl Fixture {
    async fn start(env: &[(&str, &str)]) -> (Fixture, tempfile::TempDir) {
        let home = tempfile::tempdir().unwrap();
        let server = Server::start_in(home.path(), env).await;
        let work = tempfile::tempdir().unwrap();
        (Fixture { server, work }, home)
    }

    fn user(&self, name: &str, password: &str) {
        common::create_user(&self.server.home, name, password);
    }

    /// Alice, a token of hers with `scopes`, and her gist made from `body`.
    async fn alice_with_gist(&self, scopes: &str, body: Value) -> (String, Value) {
        self.user("alice", "password123");
        let token = self.token("alice", scopes);
        let gist = common::create_gist(&self.server.base, &token, body).await;
        (token, gist)
    }

    fn token(&self, name: &str, scopes: &str) -> String {
        common::create_token(&self.server.home, name, scopes)
    }

    /// The server's URL with `user:secret@` in it.
    fn url(&self, credentials: Option<(&str, &str)>, path: &str) -> String {
        let host = self.server.base.trim_start_matches("http://");
        match credentials {
            Some((user, secret)) => format!("http://{user}:{secret}@{host}{path}"),
            None => format!("http://{host}{path}"),
        }
    }

    fn dir(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    fn clone(&self, url: &str, name: &str) -> Output {
        git(self.work.path(), &["clone", "-q", url, name])
    }

    /// The gist as the API shows it.
    async fn gist(&self, id: &str, token: &str) -> Value {
        self.api(reqwest::Method::GET, &format!("/gists/{id}"), token, None)
            .await
            .json()
            .await
            .unwrap()
    }

    async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut req = reqwest::Client::new()
            .request(method, self.server.url(&format!("/api{path}")))
            .header("authorization", format!("token {token}"));
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send().await.unwrap()
    }
}

fn commit_file(dir: &Path, name: &str, content: &str, message: &str) {
    if let Some(parent) = Path::new(name).parent() {
        std::fs::create_dir_all(dir.join(parent)).unwrap();
    }
    std::fs::write(dir.join(name), content).unwrap();
    ok(git(dir, &["add", "-A"]));
    ok(git(dir, &["commit", "-q", "-m", message]));
}

#[tokio::test]
async fn clone_push_and_see_it_everywhere() {
    let (fx, _home) = Fixture::start(&[]).await;
    let (token, gist) = fx
        .alice_with_gist(
            "gist:read,gist:write",
            json!({"public": true, "files": {"a.txt": {"content": "one\n"}}}),
        )
        .await;
    let id = gist["id"].as_str().unwrap();

    // The clone URL the page and the API show works anonymously, as does /gist/{id}.git.
    assert_eq!(
        gist["git_pull_url"],
        fx.url(None, &format!("/alice/{id}.git"))
    );
    ok(fx.clone(&fx.url(None, &format!("/alice/{id}.git")), "anon"));
    assert_eq!(
        std::fs::read_to_string(fx.dir("anon/a.txt")).unwrap(),
        "one\n"
    );
    ok(fx.clone(&fx.url(None, &format!("/gist/{id}.git")), "short"));

    // The owner pushes with a token: the API, the history and the page follow at once.
    let work = fx.dir("anon");
    commit_file(&work, "a.txt", "one\ntwo\n", "second line");
    commit_file(&work, "b.md", "# B\n", "add b");
    let pushed = ok(git(
        &work,
        &[
            "push",
            &fx.url(Some(("alice", &token)), &format!("/alice/{id}.git")),
            "main",
        ],
    ));
    assert!(pushed.contains("main -> main"), "{pushed}");
    let head = ok(git(&work, &["rev-parse", "HEAD"])).trim().to_owned();
    let after: Value = fx.gist(id, &token).await;
    assert_eq!(after["files"]["a.txt"]["content"], "one\ntwo\n");
    assert_eq!(after["files"]["b.md"]["language"], "Markdown");
    assert_eq!(after["history"][0]["version"], head.as_str());
    assert_eq!(after["history"].as_array().unwrap().len(), 3);
    let page = reqwest::get(fx.server.url(&format!("/alice/{id}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("b.md") && page.contains("two"),
        "the page shows the push"
    );
    // ... and so does search: the pushed file's words are found.
    let found: Value = reqwest::get(fx.server.url("/api/search/gists?q=filename:b.md"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found[0]["id"], id, "search finds the pushed file: {found}");

    // The password works as well as a token; pulling sees the pushed commit.
    commit_file(&work, "a.txt", "one\ntwo\nthree\n", "third");
    ok(git(
        &work,
        &[
            "push",
            &fx.url(Some(("alice", "password123")), &format!("/alice/{id}.git")),
            "main",
        ],
    ));
    ok(git(&fx.dir("short"), &["pull", "-q", "--ff-only"]));
    assert_eq!(
        std::fs::read_to_string(fx.dir("short/a.txt")).unwrap(),
        "one\ntwo\nthree\n"
    );
}

#[tokio::test]
async fn private_gists_answer_only_their_owner() {
    let (fx, _home) = Fixture::start(&[]).await;
    fx.user("alice", "password123");
    fx.user("bob", "password456");
    let alice = fx.token("alice", "gist:read,gist:write");
    let alice_no_gist_scope = fx.token("alice", "user:read");
    let bob = fx.token("bob", "gist:read,gist:write");
    let gist = common::create_gist(
        &fx.server.base,
        &alice,
        json!({"visibility": "private", "files": {"secret.txt": {"content": "s3cret\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    let path = format!("/alice/{id}.git");

    ok(fx.clone(&fx.url(Some(("alice", &alice)), &path), "with-token"));
    ok(fx.clone(
        &fx.url(Some(("alice", "password123")), &path),
        "with-password",
    ));
    assert_eq!(
        std::fs::read_to_string(fx.dir("with-password/secret.txt")).unwrap(),
        "s3cret\n"
    );

    // Anonymous: asked to log in, exactly as for a gist that does not exist.
    let anonymous = failed(fx.clone(&fx.url(None, &path), "anon"));
    let missing = failed(fx.clone(
        &fx.url(None, "/alice/0123456789abcdef0123456789abcdef.git"),
        "missing",
    ));
    assert!(anonymous.contains("could not read Username"), "{anonymous}");
    assert!(missing.contains("could not read Username"), "{missing}");
    // Anyone else signed in: not found, whatever they hold.
    for (who, secret) in [
        ("bob", bob.as_str()),
        ("bob", "password456"),
        ("alice", alice_no_gist_scope.as_str()),
    ] {
        let refused = failed(fx.clone(&fx.url(Some((who, secret)), &path), "other"));
        assert!(refused.contains("not found"), "{who}: {refused}");
    }
    let raw = reqwest::Client::new()
        .get(
            fx.server
                .url(&format!("{path}/info/refs?service=git-upload-pack")),
        )
        .basic_auth("bob", Some("password456"))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 404);
    // A wrong password is refused, and so is someone else's token under your name.
    let wrong = failed(fx.clone(&fx.url(Some(("alice", "nope-nope")), &path), "wrong"));
    assert!(wrong.contains("Authentication failed"), "{wrong}");
    let mismatched = failed(fx.clone(&fx.url(Some(("alice", &bob)), &path), "mismatch"));
    assert!(mismatched.contains("Authentication failed"), "{mismatched}");

    // Public gists: others may clone but not push.
    let public = common::create_gist(
        &fx.server.base,
        &alice,
        json!({"public": true, "files": {"p.txt": {"content": "p\n"}}}),
    )
    .await;
    let public_path = format!("/alice/{}.git", public["id"].as_str().unwrap());
    ok(fx.clone(&fx.url(None, &public_path), "public"));
    commit_file(&fx.dir("public"), "p.txt", "bob was here\n", "bob");
    let denied = failed(git(
        &fx.dir("public"),
        &["push", &fx.url(Some(("bob", &bob)), &public_path), "main"],
    ));
    assert!(denied.contains("403"), "{denied}");
}

#[tokio::test]
async fn refused_pushes_say_why_and_leave_nothing_behind() {
    let (fx, home) = Fixture::start(&[("OG_GIST_MAX_FILE_SIZE", "1000")]).await;
    let (token, gist) = fx
        .alice_with_gist(
            "gist:read,gist:write",
            json!({"public": true, "files": {"a.txt": {"content": "a\n"}}}),
        )
        .await;
    let id = gist["id"].as_str().unwrap();
    let remote = fx.url(Some(("alice", &token)), &format!("/alice/{id}.git"));
    ok(fx.clone(&remote, "w"));
    let work = fx.dir("w");
    let before = ok(git(&work, &["rev-parse", "HEAD"])).trim().to_owned();

    commit_file(&work, "src/main.rs", "fn main() {}\n", "a folder");
    let refused_commit = ok(git(&work, &["rev-parse", "HEAD"])).trim().to_owned();
    let message = failed(git(&work, &["push", &remote, "main"]));
    assert!(
        message.contains("gists cannot contain directories: src/"),
        "{message}"
    );
    assert!(message.contains("pre-receive hook declined"), "{message}");
    ok(git(&work, &["reset", "-q", "--hard", &before]));

    commit_file(&work, "big.txt", &"x".repeat(2000), "too big");
    let message = failed(git(&work, &["push", &remote, "main"]));
    assert!(message.contains("the limit is 1000 bytes"), "{message}");
    ok(git(&work, &["reset", "-q", "--hard", &before]));

    let message = failed(git(&work, &["push", &remote, "main:refs/heads/dev"]));
    assert!(message.contains("one branch, main"), "{message}");
    let message = failed(git(&work, &["push", &remote, ":main"]));
    assert!(message.contains("cannot be deleted"), "{message}");

    // Nothing moved, and the refused objects never reached the repository.
    let after: Value = fx.gist(id, &token).await;
    assert_eq!(after["history"][0]["version"], before.as_str());
    let shard = &id[..2];
    let repo = home.path().join(format!("repos/{shard}/{id}.git"));
    let exists = git(&repo, &["cat-file", "-e", &refused_commit]);
    assert!(!exists.status.success(), "the refused commit was not kept");
    // One branch: `main`, and `master` only as its alias (see `app::store::ALIAS_REF`).
    let refs = ok(git(
        &repo,
        &["for-each-ref", "--format=%(refname) %(symref)"],
    ));
    assert_eq!(
        refs.trim(),
        "refs/heads/main \nrefs/heads/master refs/heads/main"
    );
}

#[tokio::test]
async fn pushing_to_init_makes_a_new_gist() {
    let (fx, home) = Fixture::start(&[]).await;
    fx.user("alice", "password123");
    let token = fx.token("alice", "gist:read,gist:write");
    let work = fx.dir("local");
    std::fs::create_dir_all(&work).unwrap();
    ok(git(&work, &["init", "-q", "-b", "main"]));
    commit_file(&work, "notes.md", "# Notes\n", "first");
    commit_file(&work, "run.sh", "echo hi\n", "second");

    let output = ok(git(
        &work,
        &["push", &fx.url(Some(("alice", &token)), "/init"), "main"],
    ));
    let url = output
        .lines()
        .find_map(|l| l.split("Your new gist: ").nth(1))
        .unwrap_or_else(|| panic!("no URL in {output}"))
        .trim()
        .to_owned();
    let id = url.rsplit('/').next().unwrap().to_owned();
    assert!(
        url.starts_with(&format!("{}/alice/", fx.server.base)),
        "{url}"
    );
    let gist: Value = fx.gist(&id, &token).await;
    assert_eq!(gist["public"], false, "pushed gists start unlisted");
    assert_eq!(gist["files"]["run.sh"]["content"], "echo hi\n");
    assert_eq!(
        gist["history"].as_array().unwrap().len(),
        2,
        "the whole history came"
    );
    ok(fx.clone(&format!("{url}.git"), "back"));

    // Refused, or anonymous: no gist, no leftovers.
    let bad = fx.dir("bad");
    std::fs::create_dir_all(&bad).unwrap();
    ok(git(&bad, &["init", "-q", "-b", "main"]));
    commit_file(&bad, "dir/x.txt", "x\n", "nested");
    let message = failed(git(
        &bad,
        &["push", &fx.url(Some(("alice", &token)), "/init"), "main"],
    ));
    assert!(message.contains("cannot contain directories"), "{message}");
    let anonymous = failed(git(&bad, &["push", &fx.url(None, "/init"), "main"]));
    assert!(anonymous.contains("could not read Username"), "{anonymous}");
    let list: Value = fx
        .api(reqwest::Method::GET, "/gists", &token, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let incoming = home.path().join("incoming");
    let left: Vec<_> = std::fs::read_dir(&incoming)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "leftovers in incoming: {left:?}");
}

#[tokio::test]
async fn protocol_v2_is_negotiated() {
    let (fx, _home) = Fixture::start(&[]).await;
    let (_, gist) = fx
        .alice_with_gist(
            "gist:write",
            json!({"public": true, "files": {"a.txt": {"content": "a\n"}}}),
        )
        .await;
    let url = fx.url(
        None,
        &format!("/alice/{}.git", gist["id"].as_str().unwrap()),
    );
    let traced = Command::new("git")
        .args(["-c", "protocol.version=2", "ls-remote", &url])
        .env("GIT_TRACE_PACKET", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .unwrap();
    let trace = String::from_utf8_lossy(&traced.stderr);
    assert!(traced.status.success(), "{trace}");
    assert!(trace.contains("git< version 2"), "{trace}");
    assert!(trace.contains("> command=ls-refs"), "{trace}");
    // An old client still gets protocol 0.
    let v0 = Command::new("git")
        .args(["-c", "protocol.version=0", "ls-remote", &url])
        .env("GIT_TRACE_PACKET", "1")
        .output()
        .unwrap();
    let trace = String::from_utf8_lossy(&v0.stderr);
    assert!(v0.status.success(), "{trace}");
    assert!(!trace.contains("version 2"), "{trace}");
    assert!(String::from_utf8_lossy(&v0.stdout).contains("refs/heads/main"));
}

/// Ten pushers (each retrying after a rejected non-fast-forward) and ten API editors at
/// once: every change that was accepted is in the final gist.
#[tokio::test]
async fn twenty_parallel_pushes_and_edits_lose_nothing() {
    let (fx, _home) = Fixture::start(&[]).await;
    let (token, gist) = fx
        .alice_with_gist(
            "gist:read,gist:write",
            json!({"public": true, "files": {"start.txt": {"content": "start\n"}}}),
        )
        .await;
    let id = gist["id"].as_str().unwrap().to_owned();
    let remote = fx.url(Some(("alice", &token)), &format!("/alice/{id}.git"));
    for n in 0..10 {
        ok(fx.clone(&remote, &format!("c{n}")));
    }

    let mut pushers = Vec::new();
    for n in 0..10 {
        let (dir, remote) = (fx.dir(&format!("c{n}")), remote.clone());
        pushers.push(tokio::task::spawn_blocking(move || {
            commit_file(&dir, &format!("push{n}.txt"), &format!("{n}\n"), "push");
            for _ in 0..40 {
                if git(&dir, &["push", "-q", &remote, "main"]).status.success() {
                    return true;
                }
                // Someone else got there first: take their commits and try again.
                if !git(&dir, &["pull", "-q", "--rebase", &remote, "main"])
                    .status
                    .success()
                {
                    return false;
                }
            }
            false
        }));
    }
    let mut editors = Vec::new();
    for n in 0..10 {
        let (base, token, id) = (fx.server.base.clone(), token.clone(), id.clone());
        editors.push(tokio::spawn(async move {
            let body = json!({"files": {format!("edit{n}.txt"): {"content": format!("{n}\n")}}});
            let res = reqwest::Client::new()
                .patch(format!("{base}/api/gists/{id}"))
                .header("authorization", format!("token {token}"))
                .json(&body)
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        }));
    }
    for pusher in pushers {
        assert!(pusher.await.unwrap(), "a push never got through");
    }
    for editor in editors {
        assert_eq!(editor.await.unwrap(), 200);
    }

    let after: Value = fx.gist(&id, &token).await;
    let files = after["files"].as_object().unwrap();
    for n in 0..10 {
        assert!(files.contains_key(&format!("push{n}.txt")), "push {n} lost");
        assert!(files.contains_key(&format!("edit{n}.txt")), "edit {n} lost");
    }
    // The database's head is the repository's head.
    let head = ok(git(
        fx.work.path(),
        &["ls-remote", &remote, "refs/heads/main"],
    ));
    assert!(
        head.starts_with(after["history"][0]["version"].as_str().unwrap()),
        "{head} vs {}",
        after["history"][0]["version"]
    );
}

#[tokio::test]
async fn failed_git_logins_are_throttled() {
    let (fx, _home) = Fixture::start(&[]).await;
    let (_, gist) = fx
        .alice_with_gist(
            "gist:write",
            json!({"visibility": "private", "files": {"a.txt": {"content": "a\n"}}}),
        )
        .await;
    let refs = fx.server.url(&format!(
        "/alice/{}.git/info/refs?service=git-upload-pack",
        gist["id"].as_str().unwrap()
    ));
    let attempt = |password: &'static str| {
        reqwest::Client::new()
            .get(&refs)
            .basic_auth("alice", Some(password))
            .send()
    };
    for _ in 0..5 {
        assert_eq!(attempt("wrong-password").await.unwrap().status(), 401);
    }
    // Even the right password waits now.
    let locked = attempt("password123").await.unwrap();
    assert_eq!(locked.status(), 429);
    assert!(
        locked
            .text()
            .await
            .unwrap()
            .contains("Too many failed logins")
    );
}

/// git gzips larger requests; the server decodes them on the way into git.
#[tokio::test]
async fn gzipped_requests_reach_git_decoded() {
    use std::io::Write;

    let (fx, _home) = Fixture::start(&[]).await;
    let (_, gist) = fx
        .alice_with_gist(
            "gist:write",
            json!({"public": true, "files": {"a.txt": {"content": "a\n"}}}),
        )
        .await;
    // A protocol v2 `ls-refs` request, as pkt-lines.
    let pkt = |line: &str| format!("{:04x}{line}", line.len() + 4);
    let request = format!("{}0001{}0000", pkt("command=ls-refs\n"), pkt("peel\n"));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(request.as_bytes()).unwrap();
    let res = reqwest::Client::new()
        .post(fx.server.url(&format!(
            "/alice/{}.git/git-upload-pack",
            gist["id"].as_str().unwrap()
        )))
        .header("content-type", "application/x-git-upload-pack-request")
        .header("content-encoding", "gzip")
        .header("git-protocol", "version=2")
        .body(gz.finish().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/x-git-upload-pack-result"
    );
    let body = res.text().await.unwrap();
    assert!(body.contains(" refs/heads/main"), "{body}");
}
