//! The served instance over real HTTP: health, pages, limits, shutdown.

mod common;

use common::Server;
use std::time::Duration;

#[tokio::test]
async fn healthz_reports_database_and_storage() {
    let server = Server::start().await;
    let res = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"]["status"], "ok");
    assert_eq!(body["storage"]["status"], "ok");

    // Break the storage: the repositories directory becomes a plain file.
    let repos = server.home.join("repos");
    std::fs::remove_dir_all(&repos).unwrap();
    std::fs::write(&repos, b"not a directory").unwrap();
    let res = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(res.status(), 503);
    let text = res.text().await.unwrap();
    assert!(
        !text.contains(&*server.home.to_string_lossy()) && !text.contains("cannot"),
        "anyone may ask: the cause goes to the log, not the answer: {text}"
    );
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["database"]["status"], "ok");
    assert_eq!(body["storage"]["status"], "error");
}

#[tokio::test]
async fn home_page_is_server_rendered() {
    let server = Server::start().await;
    let res = reqwest::get(server.url("/")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers().contains_key("x-request-id"),
        "every response carries a request id"
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("Share code, keep its history."), "{html}");
    assert!(html.contains(r#"href="/new""#), "header links to new gist");
    assert!(html.contains(r#"href="/explore""#));
    assert!(html.contains(r#"href="/login""#));
    assert!(
        html.contains("/gistful.css") && html.contains(r#"href="/pkg/"#),
        "stylesheet is linked from the bundle"
    );
}

/// Pages allow only their own scripts: the CSP nonce is the one on the page's scripts,
/// and a new one each time.
#[tokio::test]
async fn pages_carry_security_headers() {
    let server = Server::start().await;
    let mut nonces = Vec::new();
    // "/" twice: the second copy comes from the response cache, with a nonce of its own.
    for path in ["/", "/", "/login", "/no/such/page"] {
        let res = reqwest::get(server.url(path)).await.unwrap();
        let headers = res.headers().clone();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        let csp = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"),
            "{path}: {csp}"
        );
        // Scripts: only this site's and the nonce's. Inline styles are allowed (Mermaid's
        // diagrams carry theirs, as on GitHub); gist content never has any.
        let directive = |name: &str| {
            csp.split(';')
                .map(str::trim)
                .find(|d| d.starts_with(name))
                .unwrap_or_default()
                .to_owned()
        };
        assert!(!directive("script-src").contains("'unsafe-eval'"), "{csp}");
        assert!(!directive("script-src").contains("unsafe-inline"), "{csp}");
        assert_eq!(
            directive("style-src"),
            "style-src 'self' 'unsafe-inline'",
            "{csp}"
        );
        assert_eq!(directive("default-src"), "default-src 'self'", "{csp}");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .unwrap()
            .split('\'')
            .next()
            .unwrap()
            .to_owned();
        let html = res.text().await.unwrap();
        assert!(
            html.contains(&format!("nonce=\"{nonce}\"")),
            "{path}: scripts carry the nonce"
        );
        nonces.push(nonce);
    }
    assert_ne!(
        nonces[0], nonces[1],
        "a fresh nonce per response, kept or not"
    );
    assert_ne!(nonces[1], nonces[2]);
}

/// The app's own files are never taken for a `/{user}/{id}` gist page.
#[tokio::test]
async fn site_files_are_served_as_files() {
    let home = tempfile::tempdir().unwrap();
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/gistful.js"), "probe").unwrap();
    let server = Server::start_in(
        home.path(),
        &[("LEPTOS_SITE_ROOT", site.path().to_str().unwrap())],
    )
    .await;
    let res = reqwest::get(server.url("/pkg/gistful.js")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "probe");
    let css = reqwest::get(server.url("/highlight.css")).await.unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    assert!(css.text().await.unwrap().contains(".hl-"));
}

#[tokio::test]
async fn unknown_paths_get_the_404_page() {
    let server = Server::start().await;
    for path in [
        "/no/such/page",
        "/explore/x/y/z",
        "/nobody/0123456789abcdef",
    ] {
        let res = reqwest::get(server.url(path)).await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("Page not found"), "{path}: {html}");
    }
    // A missing asset is a plain 404, not a page.
    assert_eq!(
        reqwest::get(server.url("/pkg/missing.js"))
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn theme_cookie_is_rendered_by_the_server() {
    let server = Server::start().await;
    let client = reqwest::Client::new();
    let html = |cookie: &'static str| {
        let req = client.get(server.url("/")).header("cookie", cookie);
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    assert!(html("theme=dark").await.contains(r#"data-theme="dark""#));
    assert!(html("theme=light").await.contains(r#"data-theme="light""#));
    assert!(!html("theme=system").await.contains("data-theme="));
}

/// A body announced over the limit is refused before it is read.
#[tokio::test]
async fn oversized_bodies_are_refused() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let server = Server::start().await;
    let addr = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /sfn/anything HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\n\r\n",
        64 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0; 64];
    let n = stream.read(&mut answer).await.unwrap();
    let status_line = String::from_utf8_lossy(&answer[..n]);
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
}

#[tokio::test]
async fn sigterm_stops_the_server_cleanly() {
    let mut server = Server::start().await;
    let status = server.terminate();
    assert!(
        status.success(),
        "graceful shutdown exits 0, got {status:?}"
    );
    assert!(
        reqwest::Client::new()
            .get(server.url("/healthz"))
            .timeout(Duration::from_secs(2))
            .send()
            .await
            .is_err(),
        "nothing listens any more"
    );
}

/// The binary finds its data through the configured home and honours the port.
#[tokio::test]
async fn configuration_comes_from_a_yaml_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("elsewhere");
    let yaml = dir.path().join("gistful.yml");
    std::fs::write(
        &yaml,
        format!("home: {}\nlog-level: warn\n", home.display()),
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = common::gistful(dir.path())
        .env_remove("OG_HOME")
        .env("OG_HTTP_PORT", port.to_string())
        .args(["--config", yaml.to_str().unwrap(), "serve"])
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/healthz");
    let mut healthy = false;
    for _ in 0..300 {
        if reqwest::get(&url).await.is_ok_and(|r| r.status() == 200) {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(healthy);
    assert!(
        home.join("gistful.db").is_file(),
        "database created under the YAML home"
    );
    assert!(home.join("repos").is_dir());
}

/// Logs at info: the address on start, then one line per request with its id and status.
#[tokio::test]
async fn requests_are_logged_with_their_id() {
    use std::io::Read;

    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = common::gistful(dir.path())
        .env("OG_LOG_LEVEL", "info")
        .env("OG_HTTP_PORT", port.to_string())
        .arg("serve")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/healthz");
    let mut id = None;
    for _ in 0..300 {
        if let Ok(res) = reqwest::get(&url).await {
            id = res
                .headers()
                .get("x-request-id")
                .map(|v| v.to_str().unwrap().to_owned());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let id = id.expect("server answered with a request id");
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
    let mut log = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(
        log.contains(&format!("listening on http://127.0.0.1:{port}")),
        "{log}"
    );
    let line = log
        .lines()
        .find(|l| l.contains(&id))
        .unwrap_or_else(|| panic!("no line with {id}:\n{log}"));
    assert!(
        line.contains("path=/healthz") && line.contains("status=200"),
        "{line}"
    );
    assert!(log.contains("shutting down"), "{log}");
}

/// One request through a fresh client: status, the cache's verdict, and the body.
async fn fetch(server: &Server, path: &str, token: Option<&str>) -> (u16, String, String) {
    let mut req = reqwest::Client::new().get(server.url(path));
    if let Some(token) = token {
        req = req.header("authorization", format!("token {token}"));
    }
    let res = req.send().await.unwrap();
    let verdict = res
        .headers()
        .get("x-gistful-cache")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (res.status().as_u16(), verdict, res.text().await.unwrap())
}

/// Repeated reads are answered from memory, and the next write retires every kept answer:
/// nobody reads what a finished write replaced.
#[tokio::test]
async fn repeated_reads_are_kept_until_the_next_write() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let alice = common::create_token(&server.home, "alice", "gist:write");
    let bob = common::create_token(&server.home, "bob", "user:write");
    let gist = common::create_gist(
        &server.base,
        &alice,
        serde_json::json!({"description": "first words", "visibility": "public",
            "files": {"a.txt": {"content": "hello\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    let api = format!("/api/gists/{id}");
    let page = format!("/alice/{id}");

    for path in [&api, &page] {
        let (status, first, body) = fetch(&server, path, None).await;
        assert_eq!((status, first.as_str()), (200, "miss"), "{path}");
        assert!(body.contains("first words"), "{path}");
        let (_, second, again) = fetch(&server, path, None).await;
        assert_eq!(second, "hit", "{path}");
        if path == &api {
            assert_eq!(body, again, "the same bytes");
        }
    }

    // Bob stars it: a write by someone else retires Alice's readers' copies too.
    let res = reqwest::Client::new()
        .put(server.url(&format!("/api/gists/{id}/star")))
        .header("authorization", format!("token {bob}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let (_, verdict, _) = fetch(&server, &api, None).await;
    assert_eq!(verdict, "miss", "a write retires kept answers");

    let res = reqwest::Client::new()
        .patch(server.url(&api))
        .header("authorization", format!("token {alice}"))
        .json(&serde_json::json!({"description": "second words"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for path in [&api, &page] {
        let (status, verdict, body) = fetch(&server, path, None).await;
        assert_eq!((status, verdict.as_str()), (200, "miss"), "{path}");
        assert!(
            body.contains("second words") && !body.contains("first words"),
            "{path}"
        );
    }
}

/// A kept answer goes only to a request with the same credentials: Alice's private gist,
/// read and kept for her, is still missing for Bob and for anonymous visitors.
#[tokio::test]
async fn kept_answers_never_cross_callers() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let alice = common::create_token(&server.home, "alice", "gist:write");
    let bob = common::create_token(&server.home, "bob", "gist:write");
    let gist = common::create_gist(
        &server.base,
        &alice,
        serde_json::json!({"description": "secret plans", "visibility": "private",
            "files": {"a.txt": {"content": "hello\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    let api = format!("/api/gists/{id}");
    let raw = format!("/alice/{id}/raw/HEAD/a.txt");
    for verdict in ["miss", "hit"] {
        let (status, got, _) = fetch(&server, &api, Some(&alice)).await;
        assert_eq!((status, got.as_str()), (200, verdict));
    }
    for _ in 0..2 {
        let (status, got, body) = fetch(&server, &api, Some(&bob)).await;
        assert_eq!((status, got.as_str()), (404, ""), "{body}");
        assert!(!body.contains("secret plans"));
        let (status, _, body) = fetch(&server, &api, None).await;
        assert_eq!(status, 404);
        assert!(!body.contains("secret plans"));
    }
    for path in [format!("/alice/{id}"), raw] {
        let (status, _, _) = fetch(&server, &path, None).await;
        assert_eq!(status, 404, "{path}");
    }
}

/// `response-cache-mb: 0` keeps nothing.
#[tokio::test]
async fn the_response_cache_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_in(dir.path(), &[("OG_RESPONSE_CACHE_MB", "0")]).await;
    for _ in 0..2 {
        let (status, verdict, _) = fetch(&server, "/", None).await;
        assert_eq!((status, verdict.as_str()), (200, ""));
    }
}

/// Pages titled after their address (a search, a topic), many at once: each answers 200
/// with its own title. The title used to be read after the page was rendered, from signals
/// that were sometimes gone by then: the server panicked and the page was lost.
#[tokio::test]
async fn pages_titled_after_their_address_hold_up_under_load() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:write");
    common::create_gist(
        &server.base,
        &token,
        serde_json::json!({"public": true, "topics": ["rust"],
            "files": {"top.rs": {"content": "fn spinning_top() {}"}}}),
    )
    .await;
    // A panicking render could also leave its request hanging.
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let turns = std::sync::Arc::new(tokio::sync::Semaphore::new(32));
    let mut requests = tokio::task::JoinSet::new();
    for n in 0..600 {
        let (client, turns) = (client.clone(), turns.clone());
        // A distinct address each time, so every one is rendered (none kept).
        let (path, title) = if n % 2 == 0 {
            (
                format!("/search?q=spinning&_={n}"),
                "<title>spinning · Search",
            )
        } else {
            (format!("/topics/rust?_={n}"), "<title>Topic: rust")
        };
        let url = server.url(&path);
        requests.spawn(async move {
            let _turn = turns.acquire().await.unwrap();
            let res = client.get(&url).send().await;
            let (status, body) = match res {
                Ok(res) => (res.status().as_u16(), res.text().await.unwrap_or_default()),
                Err(e) => (0, e.to_string()),
            };
            (path, title, status, body)
        });
    }
    while let Some(done) = requests.join_next().await {
        let (path, title, status, body) = done.unwrap();
        assert_eq!(status, 200, "{path}: {body}");
        assert!(body.contains(title), "{path}: {title}");
        if path.starts_with("/search") {
            assert!(body.contains("spinning_top"), "{path}: the gist is found");
        }
    }
}
