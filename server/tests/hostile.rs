//! The hostile-input suite: every probe of issue 14 against one real `gistful serve`, one
//! after the other, and then the server must still be healthy with its peak memory under
//! 400 MB. Each probe is a function named after what it attacks; each asserts what would
//! break if the defence went away.

mod common;

use std::io::{Read, Write};
use std::process::Output;
use std::time::{Duration, Instant};

use common::Server;
use reqwest::StatusCode;
use serde_json::{Value, json};

const PASSWORD: &str = "a long password";

/// The server and who lives on it.
struct Target {
    server: Server,
    /// Follows no redirects: a probe looks at `Location` itself.
    client: reqwest::Client,
    /// alice's token with every scope.
    token: String,
    work: tempfile::TempDir,
}

impl Target {
    fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    async fn get(&self, path: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
        let res = self.client.get(self.url(path)).send().await.unwrap();
        let (status, headers) = (res.status(), res.headers().clone());
        (status, headers, res.text().await.unwrap())
    }

    async fn create(&self, body: Value) -> Value {
        common::create_gist(&self.server.base, &self.token, body).await
    }

    async fn patch(&self, id: &str, body: Value) -> reqwest::Response {
        self.client
            .patch(self.url(&format!("/api/gists/{id}")))
            .header("authorization", format!("token {}", self.token))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A server function called as this site's own pages call it.
    async fn call(
        &self,
        function: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        forwarded_for: Option<&str>,
    ) -> reqwest::Response {
        let mut req = self
            .client
            .post(self.url(&format!("/sfn/{function}")))
            .header("origin", &self.server.base)
            .form(form);
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        if let Some(address) = forwarded_for {
            req = req.header("x-forwarded-for", address);
        }
        req.send().await.unwrap()
    }

    /// Logs in; returns the `name=value` of the session cookie.
    async fn login(&self, username: &str, password: &str) -> String {
        let res = self
            .call(
                "login",
                &[("username", username), ("password", password)],
                None,
                None,
            )
            .await;
        assert!(res.status().as_u16() < 400, "login: {}", res.status());
        res.headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("gistful_session="))
            .and_then(|c| c.split(';').next().map(str::to_owned))
            .expect("a session cookie")
    }

    async fn signed_in_as(&self, cookie: &str) -> String {
        self.call("current_user", &[], Some(cookie), None)
            .await
            .text()
            .await
            .unwrap()
    }

    fn git(&self, args: &[&str]) -> Output {
        git_in(self.work.path(), args)
    }

    fn authed(&self, path: &str) -> String {
        self.server
            .base
            .replace("http://", &format!("http://alice:{}@", self.token))
            + path
    }

    /// Peak resident memory of the server so far (`VmHWM`), in bytes.
    fn peak_memory(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.server.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
        let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        kb * 1024
    }
}

use common::git as git_in;

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "git failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn id_of(gist: &Value) -> String {
    gist["id"].as_str().unwrap().to_owned()
}

/// The text of the page's `<title>` element, as the server sent it.
fn title_element(html: &str) -> &str {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    let end = start + html[start..].find("</title>").unwrap();
    &html[start..end]
}

/// Pages that carry a visitor's text in their head must not let it out of the title.
fn assert_no_breakout(html: &str, what: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<meta http-equiv=refresh"),
        "{what}: a refresh tag escaped into the page"
    );
    assert!(
        title_element(html).contains("&lt;/title&gt;"),
        "{what}: {}",
        title_element(html)
    );
}

const BREAKOUT: &str = "</title><meta http-equiv=refresh content=\"0;url=https://evil.example\">";

/// Point 0: Text that closes the element it was put in.
async fn title_breakouts(t: &Target) {
    let gist = t
        .create(json!({
            "public": true,
            "title": BREAKOUT,
            "description": "</textarea></style></script><!-- description",
            "files": {"<!--<style>x.txt": {"content": "</script><!--"}},
        }))
        .await;
    let id = id_of(&gist);
    for path in [
        format!("/alice/{id}"),
        format!("/alice/{id}/revisions"),
        format!("/alice/{id}/forks"),
    ] {
        let (status, _, html) = t.get(&path).await;
        assert_eq!(status, 200, "{path}");
        assert_no_breakout(&html, &path);
    }
    let (status, _, html) = t
        .get("/search?q=%3C%2Ftitle%3E%3Cmeta+http-equiv%3Drefresh+content%3D0%3Burl%3Dhttps%3A%2F%2Fevil.example%3E")
        .await;
    assert_eq!(status, 200);
    assert_no_breakout(&html, "search");
}

/// Point 1: Page numbers far past the end, and words and negatives where numbers go.
async fn page_numbers(t: &Target) {
    t.create(json!({"public": true, "files": {"hello.txt": {"content": "hello"}}}))
        .await;
    let started = Instant::now();
    let (status, _, html) = t.get("/search?q=hello&page=50000000000000").await;
    assert_eq!(status, 404, "a page past the results");
    assert!(html.contains("No such page") && html.contains("Go to the first page"));
    let (status, _, html) = t.get("/explore?page=99999").await;
    assert_eq!(status, 404);
    assert!(html.contains("No such page"));
    for fine in [
        "/explore?page=abc",
        "/explore?page=-3",
        "/search?q=hello&page=x",
    ] {
        assert_eq!(t.get(fine).await.0, 200, "{fine}: read as page 1");
    }
    let (status, headers, body) = t.get("/api/gists/public?page=50000000000000").await;
    assert_eq!(status, 200);
    assert_eq!(body, "[]");
    let link = headers["link"].to_str().unwrap();
    assert!(
        link.contains("rel=\"first\"") && link.contains("rel=\"prev\""),
        "{link}"
    );
    let total: u64 = headers["x-total"].to_str().unwrap().parse().unwrap();
    assert!(total >= 1);
    let (status, _, body) = t.get("/api/search/gists?q=hello&page=50000000000000").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "[]"));
    for bad in [
        "/api/gists/public?page=-1",
        "/api/gists/public?per_page=-5",
        "/api/gists/public?page=two",
        "/api/search/gists?q=hello&page=-2",
    ] {
        assert_eq!(t.get(bad).await.0, 422, "{bad}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "bounded work: {:?}",
        started.elapsed()
    );
}

/// Point 2: A 5 MB file of short lines with a long name: the page shows its start.
async fn big_files(t: &Target) {
    let name = format!("{}.txt", "n".repeat(200));
    let content = "ab\n".repeat(5_000_000 / 3);
    let gist = t
        .create(json!({"public": true, "files": {name.clone(): {"content": content}}}))
        .await;
    let (status, _, html) = t.get(&format!("/alice/{}", id_of(&gist))).await;
    assert_eq!(status, 200);
    assert!(html.contains("This file is large") && html.contains("View it raw"));
    // 20,000 lines of 3 bytes are shown: the page stays within ~10x of that (plus the
    // page's own frame), where every line once repeated the name in two anchors.
    let shown = 20_000 * 3;
    println!(
        "5 MB of short lines, 204-byte name: {} bytes of HTML for {shown} bytes shown",
        html.len()
    );
    assert!(
        html.len() < 10 * shown + 200_000,
        "{} bytes of HTML for {shown} bytes shown",
        html.len()
    );

    // A realistic large file: 5 MB of 40-byte lines.
    let line = "let value = compute(41) + 1; // note.\n";
    let content = line.repeat(5_000_000 / line.len());
    let gist = t
        .create(json!({"public": true, "files": {"big.rs": {"content": content}}}))
        .await;
    let (_, _, html) = t.get(&format!("/alice/{}", id_of(&gist))).await;
    let shown = 20_000 * line.len();
    assert!(html.contains("This file is large"));
    println!(
        "big file: {} bytes of HTML for {shown} bytes shown ({:.1}x)",
        html.len(),
        html.len() as f64 / shown as f64
    );
    assert!(html.len() < 10 * shown, "{}", html.len());
}

/// Point 3: Files that are slow to render, viewed together: the health check stays quick.
async fn rendering_off_workers(t: &Target) {
    let mut pages = Vec::new();
    for n in 0..4 {
        // One 500 KB line (minified code), each file its own, so none is cached.
        let line = format!("var a{n}=[{}];\n", "1,".repeat(250_000));
        let gist = t
            .create(json!({"public": true, "files": {format!("min{n}.js"): {"content": line}}}))
            .await;
        pages.push(format!("/alice/{}", id_of(&gist)));
    }
    let views = pages.iter().map(|page| {
        let (client, url) = (t.client.clone(), t.url(page));
        tokio::spawn(async move { client.get(url).send().await.unwrap().status() })
    });
    let views: Vec<_> = views.collect();
    let mut slowest = Duration::ZERO;
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        let asked = Instant::now();
        assert_eq!(t.get("/healthz").await.0, 200);
        slowest = slowest.max(asked.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for view in views {
        assert_eq!(view.await.unwrap(), 200);
    }
    println!("slowest /healthz while rendering: {slowest:?}");
    assert!(slowest < Duration::from_millis(500), "{slowest:?}");
}

/// Point 4: A long history: ten revisions a page, and a huge diff shown only in part.
async fn revisions_paginated(t: &Target) {
    let gist = t
        .create(json!({"public": true, "files": {"a.txt": {"content": "0"}}}))
        .await;
    let id = id_of(&gist);
    for n in 1..=24 {
        let res = t
            .patch(&id, json!({"files": {"a.txt": {"content": n.to_string()}}}))
            .await;
        assert_eq!(res.status(), 200);
    }
    let huge: String = (0..20_000).map(|n| format!("line {n}\n")).collect();
    let res = t
        .patch(&id, json!({"files": {"a.txt": {"content": huge}}}))
        .await;
    assert_eq!(res.status(), 200);
    let (status, _, html) = t.get(&format!("/alice/{id}/revisions")).await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("class=\"revision\"").count(), 10);
    assert!(html.contains("Page 1 of 3"), "26 revisions, 10 a page");
    assert!(html.contains("Large diff"));
    assert!(
        html.len() < 1_000_000,
        "the 20,000-line diff is cut: {} bytes",
        html.len()
    );
    let (_, _, last) = t.get(&format!("/alice/{id}/revisions?page=3")).await;
    assert_eq!(last.matches("class=\"revision\"").count(), 6);
    let (status, _, past) = t.get(&format!("/alice/{id}/revisions?page=4")).await;
    assert_eq!(status, 404);
    assert!(past.contains("No such page"));
}

/// Point 5: A push whose earlier commit carries a file over the limit, removed again at the tip.
async fn push_history(t: &Target) {
    let gist = t
        .create(json!({"public": true, "files": {"a.txt": {"content": "a"}}}))
        .await;
    let id = id_of(&gist);
    let dir = t.work.path().join("history");
    ok(t.git(&[
        "clone",
        "-q",
        &t.authed(&format!("/alice/{id}.git")),
        dir.to_str().unwrap(),
    ]));
    // 6 MB over the 5 MB default, compressing to a few KB.
    std::fs::write(dir.join("big.bin"), vec![b'z'; 6 * 1024 * 1024]).unwrap();
    ok(git_in(&dir, &["add", "big.bin"]));
    ok(git_in(&dir, &["commit", "-q", "-m", "big"]));
    ok(git_in(&dir, &["rm", "-q", "big.bin"]));
    ok(git_in(&dir, &["commit", "-q", "-m", "gone again"]));
    let out = git_in(&dir, &["push", "-q", "origin", "HEAD:main"]);
    assert!(!out.status.success(), "the push must be refused");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("big.bin") && said.contains("commit"),
        "{said}"
    );
    let after: Value = t
        .client
        .get(t.url(&format!("/api/gists/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        after["history"].as_array().unwrap().len(),
        1,
        "nothing went in"
    );
}

/// A gzip body of `size` zero bytes (a few hundred KB for hundreds of MB).
fn gzip_bomb(size: usize) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let block = vec![0u8; 1024 * 1024];
    for _ in 0..size / block.len() {
        encoder.write_all(&block).unwrap();
    }
    encoder.finish().unwrap()
}

/// Point 6: Eight 300 MB gzip bombs at once, to fetch and to push.
async fn gzip_bombs(t: &Target) {
    let gist = t
        .create(json!({"public": true, "files": {"a.txt": {"content": "a"}}}))
        .await;
    let id = id_of(&gist);
    let bomb = gzip_bomb(300 * 1024 * 1024);
    let mut sent = Vec::new();
    for n in 0..8 {
        let (service, auth) = if n % 2 == 0 {
            ("git-upload-pack", None)
        } else {
            ("git-receive-pack", Some(t.token.clone()))
        };
        let mut req = t
            .client
            .post(t.url(&format!("/alice/{id}.git/{service}")))
            .header("content-type", format!("application/x-{service}-request"))
            .header("content-encoding", "gzip")
            .body(bomb.clone());
        if let Some(token) = auth {
            req = req.basic_auth("alice", Some(token));
        }
        sent.push(tokio::spawn(
            async move { req.send().await.unwrap().status() },
        ));
    }
    for answer in sent {
        assert_eq!(answer.await.unwrap(), 413);
    }
    assert_eq!(t.get("/healthz").await.0, 200);
}

/// The pids of the server's `git` children.
fn git_children(parent: u32) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`; comm may hold spaces, so read after the last ')'.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        if ppid == Some(parent) && head.contains("(git") {
            found.push(pid);
        }
    }
    found
}

/// Point 7: A push that sends its headers and then trickles: cut off at the idle timeout, and
/// git with it.
async fn slow_clients(t: &Target) {
    let gist = t
        .create(json!({"public": true, "files": {"a.txt": {"content": "a"}}}))
        .await;
    let started = Instant::now();
    let answer = trickle_push(&t.server, &id_of(&gist), &t.token, None).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    no_git_left(&t.server).await;
}

/// Starts a push of a 1 MB body and sends its first bytes; then nothing, or one more
/// byte every `every`. Returns the start of what the server answered.
async fn trickle_push(server: &Server, id: &str, token: &str, every: Option<Duration>) -> String {
    let address = server.base.trim_start_matches("http://").to_owned();
    let (id, token) = (id.to_owned(), token.to_owned());
    tokio::task::spawn_blocking(move || {
        use base64::Engine;
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        let auth = base64::engine::general_purpose::STANDARD.encode(format!("alice:{token}"));
        write!(
            stream,
            "POST /alice/{id}.git/git-receive-pack HTTP/1.1\r\nHost: {address}\r\n\
             Authorization: Basic {auth}\r\nContent-Type: application/x-git-receive-pack-request\r\n\
             Content-Length: 1000000\r\n\r\n0098"
        )
        .unwrap();
        if let Some(every) = every {
            let writer = stream.try_clone().unwrap();
            std::thread::spawn(move || {
                let mut writer = writer;
                while writer.write_all(b"0").is_ok() {
                    std::thread::sleep(every);
                }
            });
        }
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut answer = vec![0u8; 512];
        let n = stream.read(&mut answer).unwrap_or(0);
        String::from_utf8_lossy(&answer[..n]).into_owned()
    })
    .await
    .unwrap()
}

/// Waits (a little) until the server has no `git` child left.
async fn no_git_left(server: &Server) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !git_children(server.child.id()).is_empty() {
        assert!(Instant::now() < deadline, "git outlived its request");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Point 7: a push that keeps sending, a byte at a time, is cut off at `git.timeout`.
#[tokio::test]
async fn a_steady_trickle_is_cut_off_at_the_total_time() {
    let home = tempfile::tempdir().unwrap();
    let server = Server::start_in(
        home.path(),
        &[("OG_GIT_TIMEOUT", "3"), ("OG_GIT_IDLE_TIMEOUT", "2")],
    )
    .await;
    common::create_user(&server.home, "alice", PASSWORD);
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"public": true, "files": {"a.txt": {"content": "a"}}}),
    )
    .await;
    let started = Instant::now();
    let every = Some(Duration::from_millis(300));
    let answer = trickle_push(&server, &id_of(&gist), &token, every).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(3) && took < Duration::from_secs(10),
        "{took:?}"
    );
    no_git_left(&server).await;
    let res = reqwest::get(server.url(&format!("/api/gists/{}", id_of(&gist))))
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the gist is as it was");
}

/// Point 8: Wrong passwords never lock out the owner's token; one account however it is
/// spelt; addresses from the trusted proxy's `X-Forwarded-For`.
async fn throttling(t: &Target) {
    common::create_user(&t.server.home, "tess", PASSWORD);
    let token = common::create_token(&t.server.home, "tess", "gist:read,user:read");
    let refs = |user: &str, secret: &str| {
        t.client
            .get(t.url(
                "/gist/0123456789abcdef0123456789abcdef.git/info/refs?service=git-upload-pack",
            ))
            .basic_auth(user, Some(secret))
            .header("x-forwarded-for", "203.0.113.5")
    };
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(
            refs("TESS", "guess")
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    let with_token = refs("tess", &token).send().await.unwrap().status();
    assert_ne!(
        with_token, 429,
        "a valid token is never refused for password failures"
    );
    assert_eq!(
        with_token, 404,
        "the token was taken: the (missing) gist is looked up"
    );
    let api = t
        .client
        .get(t.url("/api/user"))
        .header("authorization", format!("token {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
    // The web login counts the same account, however it is typed.
    let web = t
        .call(
            "login",
            &[("username", " Tess"), ("password", PASSWORD)],
            None,
            Some("203.0.113.6"),
        )
        .await;
    assert_eq!(web.status(), 429);

    // Twenty failures from one forwarded address lock that address only.
    common::create_user(&t.server.home, "uma", PASSWORD);
    for n in 0..20 {
        let name = format!("nobody{n}");
        let res = t
            .call(
                "login",
                &[("username", &name), ("password", "x")],
                None,
                Some("198.51.100.7"),
            )
            .await;
        assert_eq!(res.status(), 403);
    }
    let locked = t
        .call(
            "login",
            &[("username", "uma"), ("password", PASSWORD)],
            None,
            Some("198.51.100.7"),
        )
        .await;
    assert_eq!(locked.status(), 429);
    let elsewhere = t
        .call(
            "login",
            &[("username", "uma"), ("password", PASSWORD)],
            None,
            Some("198.51.100.8"),
        )
        .await;
    assert!(elsewhere.status().as_u16() < 400, "{}", elsewhere.status());
}

/// Point 9: Changing a password (web) and resetting it (CLI) end the other sessions.
async fn sessions_end(t: &Target) {
    common::create_user(&t.server.home, "sam", PASSWORD);
    let here = t.login("sam", PASSWORD).await;
    let stolen = t.login("sam", PASSWORD).await;
    assert!(t.signed_in_as(&stolen).await.contains("\"sam\""));
    let changed = t
        .call(
            "change_password",
            &[
                ("current", PASSWORD),
                ("new_password", "another long password"),
            ],
            Some(&here),
            None,
        )
        .await;
    assert!(changed.status().as_u16() < 400, "{}", changed.status());
    assert_eq!(t.signed_in_as(&stolen).await, "null");
    assert!(
        t.signed_in_as(&here).await.contains("\"sam\""),
        "the changer stays"
    );
    let out = common::run(
        &t.server.home,
        &["admin", "reset-password", "sam", "--password-stdin"],
        "a third long password\n",
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(t.signed_in_as(&here).await, "null");
}

/// Point 11: The consistency check run over and over while gists are being created.
async fn fsck_while_running(t: &Target) {
    let writers: Vec<_> = (0..6)
        .map(|w| {
            let (base, token) = (t.server.base.clone(), t.token.clone());
            tokio::spawn(async move {
                let mut ids = Vec::new();
                for n in 0..15 {
                    let body = json!({"public": true, "files": {format!("w{w}n{n}.txt"): {"content": "x"}}});
                    ids.push(id_of(&common::create_gist(&base, &token, body).await));
                }
                ids
            })
        })
        .collect();
    let home = t.server.home.clone();
    let checks = tokio::task::spawn_blocking(move || {
        let mut runs = 0;
        let until = Instant::now() + Duration::from_secs(8);
        while Instant::now() < until {
            let out = common::run(&home, &["admin", "fsck"], "");
            assert!(out.status.success(), "{}", common::stderr(&out));
            runs += 1;
        }
        runs
    });
    let mut ids = Vec::new();
    for writer in writers {
        ids.extend(writer.await.unwrap());
    }
    assert!(checks.await.unwrap() > 1);
    let lost = t.server.home.join("lost+found");
    let moved = std::fs::read_dir(&lost).map(|d| d.count()).unwrap_or(0);
    assert_eq!(moved, 0, "no live gist goes to lost+found");
    for id in ids {
        let res = t
            .client
            .get(t.url(&format!("/api/gists/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{id}");
    }
}

/// Point 12: Only a public gist's revision may sit in shared caches.
async fn cache_control(t: &Target) {
    let cookie = t.login("alice", PASSWORD).await;
    for (visibility, expected) in [
        ("public", "public, max-age=31536000, immutable"),
        ("unlisted", "private, max-age=31536000, immutable"),
        ("private", "private, max-age=31536000, immutable"),
    ] {
        let gist = t
            .create(json!({"visibility": visibility, "files": {"c.txt": {"content": "c"}}}))
            .await;
        let (id, head) = (
            id_of(&gist),
            gist["history"][0]["version"].as_str().unwrap().to_owned(),
        );
        for path in [
            format!("/alice/{id}/raw/{head}/c.txt"),
            format!("/alice/{id}/archive/{head}.zip"),
        ] {
            let res = t
                .client
                .get(t.url(&path))
                .header("cookie", &cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{path}");
            assert_eq!(
                res.headers()["cache-control"],
                expected,
                "{visibility} {path}"
            );
        }
    }
}

/// Point 13: A clone of a public gist does not tell the owner's email.
async fn commit_email(t: &Target) {
    let gist = t
        .create(json!({"public": true, "files": {"e.txt": {"content": "e"}}}))
        .await;
    let dir = t.work.path().join("email");
    ok(t.git(&[
        "clone",
        "-q",
        &t.url(&format!("/alice/{}.git", id_of(&gist))),
        dir.to_str().unwrap(),
    ]));
    let emails = ok(git_in(&dir, &["log", "--format=%ae %ce"]));
    assert_eq!(
        emails.trim(),
        "alice@users.noreply.127.0.0.1 alice@users.noreply.127.0.0.1"
    );
}

/// Point 14: `next` that a browser would turn into another site.
async fn login_redirect(t: &Target) {
    common::create_user(&t.server.home, "nina", PASSWORD);
    for next in [
        "/\t/evil.example",
        "/\\evil.example",
        "//evil.example",
        "/\n/evil.example",
    ] {
        let res = t
            .call(
                "login",
                &[("username", "nina"), ("password", PASSWORD), ("next", next)],
                None,
                None,
            )
            .await;
        // A server function says where to go in `Location` (the browser's script, or
        // the form post, follows it).
        assert!(res.status().as_u16() < 400, "{next:?}: {}", res.status());
        assert_eq!(res.headers()["location"], "/", "{next:?}");
    }
}

/// Point 15: Many health checks at once; and what a public answer may say.
async fn healthz(t: &Target) {
    let calls: Vec<_> = (0..128)
        .map(|_| {
            let (client, url) = (t.client.clone(), t.url("/healthz"));
            tokio::spawn(async move { client.get(url).send().await.unwrap().status() })
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.unwrap(), 200);
    }
}

/// Point 16: A page from another host (DNS rebinding) calling a server function.
async fn origins(t: &Target) {
    let port = t.server.base.rsplit(':').next().unwrap();
    let rebound = format!("http://rebound.evil.example:{port}");
    let res = t
        .client
        .post(t.url("/sfn/register"))
        .header("origin", &rebound)
        .header("host", format!("rebound.evil.example:{port}"))
        .form(&[
            ("username", "mallory"),
            ("email", "m@example.com"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let localhost = t
        .client
        .post(t.url("/sfn/current_user"))
        .header("origin", format!("http://localhost:{port}"))
        .send()
        .await
        .unwrap();
    assert_eq!(localhost.status(), 200, "the instance's own loopback names");
}

/// Point 17: A force push that rewrites a commit away: its content is no longer served.
async fn rewritten_history(t: &Target) {
    let gist = t
        .create(json!({"public": true, "files": {"a.txt": {"content": "a"}}}))
        .await;
    let id = id_of(&gist);
    let dir = t.work.path().join("rewrite");
    ok(t.git(&[
        "clone",
        "-q",
        &t.authed(&format!("/alice/{id}.git")),
        dir.to_str().unwrap(),
    ]));
    std::fs::write(dir.join("secret.txt"), "hunter2").unwrap();
    ok(git_in(&dir, &["add", "secret.txt"]));
    ok(git_in(&dir, &["commit", "-q", "-m", "oops"]));
    ok(git_in(&dir, &["push", "-q", "origin", "HEAD:main"]));
    let leaked = ok(git_in(&dir, &["rev-parse", "HEAD"])).trim().to_owned();
    assert_eq!(
        t.get(&format!("/alice/{id}/raw/{leaked}/secret.txt"))
            .await
            .0,
        200
    );
    ok(git_in(&dir, &["reset", "-q", "--hard", "HEAD~1"]));
    std::fs::write(dir.join("b.txt"), "b").unwrap();
    ok(git_in(&dir, &["add", "b.txt"]));
    ok(git_in(&dir, &["commit", "-q", "-m", "clean"]));
    ok(git_in(
        &dir,
        &["push", "-q", "--force", "origin", "HEAD:main"],
    ));
    let head = ok(git_in(&dir, &["rev-parse", "HEAD"])).trim().to_owned();
    for path in [
        format!("/alice/{id}/raw/{leaked}/secret.txt"),
        format!("/alice/{id}/raw/{}/secret.txt", &leaked[..7]),
        format!("/api/gists/{id}/{leaked}"),
        format!("/alice/{id}/archive/{leaked}.zip"),
        format!("/alice/{id}/raw/{}/b.txt", &head[..4]),
    ] {
        assert_eq!(t.get(&path).await.0, 404, "{path}");
    }
    assert_eq!(
        t.get(&format!("/alice/{id}/raw/{}/b.txt", &head[..7]))
            .await
            .0,
        200
    );
    assert_eq!(t.get(&format!("/api/gists/{id}/{head}")).await.0, 200);
}

#[tokio::test]
async fn hostile_input_suite() {
    let home = tempfile::tempdir().unwrap();
    let server = Server::start_in(
        home.path(),
        &[
            ("OG_HTTP_TRUSTED_PROXIES", "127.0.0.1"),
            ("OG_GIT_IDLE_TIMEOUT", "2"),
        ],
    )
    .await;
    common::create_user(&server.home, "alice", PASSWORD);
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write,user:read");
    let t = Target {
        server,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        token,
        work: tempfile::tempdir().unwrap(),
    };

    title_breakouts(&t).await;
    page_numbers(&t).await;
    big_files(&t).await;
    rendering_off_workers(&t).await;
    revisions_paginated(&t).await;
    push_history(&t).await;
    gzip_bombs(&t).await;
    slow_clients(&t).await;
    throttling(&t).await;
    sessions_end(&t).await;
    fsck_while_running(&t).await;
    cache_control(&t).await;
    commit_email(&t).await;
    login_redirect(&t).await;
    healthz(&t).await;
    origins(&t).await;
    rewritten_history(&t).await;

    assert_eq!(t.get("/healthz").await.0, 200, "still up after every probe");
    let peak = t.peak_memory();
    println!("peak memory after every probe: {} MB", peak / (1024 * 1024));
    assert!(peak < 400 * 1024 * 1024, "peak {} MB", peak / (1024 * 1024));
}

/// Point 7: What a push cut off by a crash left behind is removed when the server starts,
/// once older than the longest a git request may take.
#[tokio::test]
async fn startup_removes_what_interrupted_pushes_left() {
    let home = tempfile::tempdir().unwrap();
    let server = Server::start_in(home.path(), &[]).await;
    common::create_user(&server.home, "alice", PASSWORD);
    let token = common::create_token(&server.home, "alice", "gist:write");
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"public": true, "files": {"a.txt": {"content": "a"}}}),
    )
    .await;
    drop(server);
    let id = id_of(&gist);
    let repo = home
        .path()
        .join("repos")
        .join(&id[..2])
        .join(format!("{id}.git"));
    let leftovers = [
        repo.join("objects/tmp_objdir-incoming-AbCdEf"),
        repo.join("objects/incoming-XyZ123"),
        home.path()
            .join("incoming/0123456789abcdef0123456789abcdef.git"),
    ];
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    for dir in &leftovers {
        std::fs::create_dir_all(dir.join("pack")).unwrap();
        std::fs::write(dir.join("pack/tmp_pack_1"), b"half a pack").unwrap();
        std::fs::File::open(dir).unwrap().set_modified(old).unwrap();
    }
    let young = repo.join("objects/tmp_objdir-incoming-fresh");
    std::fs::create_dir_all(&young).unwrap();

    let server = Server::start_in(home.path(), &[("OG_GIT_TIMEOUT", "600")]).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while leftovers.iter().any(|d| d.exists()) {
        assert!(Instant::now() < deadline, "leftovers stayed: {leftovers:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        young.exists(),
        "a push under way (on another server) is spared"
    );
    let res = reqwest::get(server.url(&format!("/api/gists/{id}")))
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the gist itself is untouched");
}
