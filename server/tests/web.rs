//! The web side's server functions and pages, in process through the whole router
//! (`TestApp`, no port): sessions, cross-site refusal, throttling, and their status codes.

mod common;

use axum::http::Method;
use axum::http::header::SET_COOKIE;

use app::services::users::NewUser;
use common::app::{Answer, TestApp};

struct Web {
    app: TestApp,
    origin: String,
}

impl Web {
    async fn start(env: &[(&str, &str)], origin: Option<&str>) -> Web {
        let app = TestApp::with_env(env).await;
        let origin = origin.map(str::to_owned).unwrap_or_else(|| app.origin());
        Web { app, origin }
    }

    /// An account made through the account service (the first one is the admin).
    async fn user(&self, name: &str, password: &str) {
        self.app
            .state
            .users
            .register(NewUser {
                username: name.into(),
                email: format!("{name}@example.com"),
                password: password.into(),
                admin: false,
            })
            .await
            .unwrap();
    }

    async fn token(&self, name: &str, scopes: &str) -> String {
        let user = self
            .app
            .state
            .users
            .find_by_username(name)
            .await
            .unwrap()
            .unwrap();
        self.app
            .token(&user, &app::rules::parse_scopes(scopes).unwrap())
            .await
    }

    /// Creates a gist through the API; returns its JSON.
    async fn create_gist(&self, token: &str, body: serde_json::Value) -> serde_json::Value {
        let answer = self
            .app
            .request(Method::POST, "/api/gists")
            .header("authorization", format!("token {token}"))
            .json(&body)
            .send()
            .await;
        assert_eq!(answer.status, 201, "{}", answer.body);
        answer.json()
    }

    async fn call(
        &self,
        function: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        origin: Option<&str>,
    ) -> Answer {
        let mut call = self
            .app
            .request(Method::POST, &format!("/sfn/{function}"))
            .form(form);
        if let Some(origin) = origin {
            call = call.header("origin", origin);
        }
        if let Some(cookie) = cookie {
            call = call.header("cookie", cookie);
        }
        call.send().await
    }

    async fn login(&self, username: &str, password: &str) -> Answer {
        self.call(
            "login",
            &[("username", username), ("password", password)],
            None,
            Some(&self.origin),
        )
        .await
    }

    async fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let mut call = self.app.request(Method::GET, path);
        if let Some(cookie) = cookie {
            call = call.header("cookie", cookie);
        }
        call.send().await
    }

    /// Logs in and returns the `name=value` of the session cookie.
    async fn session(&self, username: &str, password: &str) -> String {
        let login = self.login(username, password).await;
        session_cookie(&login).split(';').next().unwrap().to_owned()
    }

    async fn api(&self, method: Method, path: &str, token: &str) -> Answer {
        self.app
            .request(method, &format!("/api{path}"))
            .header("authorization", format!("token {token}"))
            .header("content-length", "0")
            .send()
            .await
    }
}

fn session_cookie(answer: &Answer) -> String {
    answer
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("gistful_session="))
        .unwrap_or_else(|| panic!("no session cookie in {:?}", answer.headers))
}

#[tokio::test]
async fn sessions_start_and_end() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;

    let answer = web.login("alice", "password123").await;
    assert!(
        answer.status.as_u16() < 400,
        "{} {}",
        answer.status,
        answer.body
    );
    let cookie = session_cookie(&answer);
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http instance: {cookie}");
    let pair = cookie.split(';').next().unwrap().to_owned();

    let me = web
        .call("current_user", &[], Some(&pair), Some(&web.origin))
        .await;
    assert_eq!(me.status, 200);
    assert!(me.body.contains("\"username\":\"alice\""), "{}", me.body);
    let page = web
        .app
        .request(Method::GET, "/")
        .header("cookie", &pair)
        .send()
        .await
        .body;
    assert!(
        page.contains(">alice</a>") && page.contains("Log out"),
        "the server renders the signed-in header"
    );

    let out = web
        .call("logout", &[], Some(&pair), Some(&web.origin))
        .await;
    assert!(session_cookie(&out).contains("Max-Age=0"));
    let me = web
        .call("current_user", &[], Some(&pair), Some(&web.origin))
        .await;
    assert_eq!(
        me.body, "null",
        "the session is gone from the database, not just the browser"
    );
}

#[tokio::test]
async fn cross_site_calls_are_refused() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let form = [("username", "alice"), ("password", "password123")];
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let answer = web.call("login", &form, None, origin).await;
        assert_eq!(answer.status, 403, "origin {origin:?}");
        assert!(answer.headers.get(SET_COOKIE).is_none());
    }
}

#[tokio::test]
async fn failures_have_their_own_status() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let wrong = web.login("alice", "nope-nope").await;
    assert_eq!(wrong.status, 403);
    assert!(
        wrong.body.contains("Incorrect username or password"),
        "{}",
        wrong.body
    );
    let bad = web
        .call(
            "register",
            &[("username", "-bad-"), ("email", "x"), ("password", "1")],
            None,
            Some(&web.origin),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    let garbled = web
        .call("register", &[("nothing", "here")], None, Some(&web.origin))
        .await;
    assert_eq!(garbled.status, 400, "{}", garbled.body);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    for _ in 0..5 {
        assert_eq!(web.login("alice", "guess-guess").await.status, 403);
    }
    let locked = web.login("alice", "password123").await;
    assert_eq!(
        locked.status, 429,
        "even the right password waits: {}",
        locked.body
    );
    assert!(locked.headers.get(SET_COOKIE).is_none());
}

#[tokio::test]
async fn https_instances_get_secure_cookies() {
    let web = Web::start(
        &[("OG_EXTERNAL_URL", "https://gists.example.com")],
        Some("https://gists.example.com"),
    )
    .await;
    web.user("alice", "password123").await;
    let answer = web.login("alice", "password123").await;
    assert!(session_cookie(&answer).contains("Secure"));
}

#[tokio::test]
async fn signup_can_be_closed() {
    let web = Web::start(&[], None).await;
    let form = [
        ("username", "newbie"),
        ("email", "n@example.com"),
        ("password", "password123"),
    ];
    web.app.settings(|s| s.disable_signup = true).await;
    let closed = web.call("register", &form, None, Some(&web.origin)).await;
    assert_eq!(closed.status, 403);
    assert!(
        closed.body.contains("Registration is closed"),
        "{}",
        closed.body
    );

    web.app.settings(|s| s.disable_signup = false).await;
    let open = web.call("register", &form, None, Some(&web.origin)).await;
    assert!(open.status.as_u16() < 400, "{} {}", open.status, open.body);
    session_cookie(&open);
}

#[tokio::test]
async fn require_login_sends_visitors_to_the_login_page() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let token = web.token("alice", "gist:write").await;
    let created = web
        .create_gist(
            &token,
            serde_json::json!({"public": true, "files": {"a.txt": {"content": "hello"}}}),
        )
        .await;
    let gist_page = format!("/alice/{}", created["id"].as_str().unwrap());

    web.app.settings(|s| s.require_login = true).await;

    let get = |path: String, cookie: Option<String>| {
        let web = &web;
        async move { web.get(&path, cookie.as_deref()).await }
    };
    for path in ["/", "/explore", "/alice", gist_page.as_str(), "/new"] {
        let res = get(path.to_owned(), None).await;
        assert_eq!(res.status, 302, "{path}");
        let location = res.headers["location"].to_str().unwrap().to_owned();
        assert!(
            location.starts_with("/login?next=%2F"),
            "{path}: {location}"
        );
    }
    assert_eq!(get("/login".into(), None).await.status, 200);
    assert_eq!(get("/register".into(), None).await.status, 200);
    let data = web
        .call(
            "list_gists",
            &[("list", "explore"), ("page", "1"), ("sort", "")],
            None,
            Some(&web.origin),
        )
        .await;
    assert_eq!(
        data.status, 401,
        "server functions are closed too: {}",
        data.body
    );

    // Signed in, everything opens.
    let login = web.login("alice", "password123").await;
    let cookie = session_cookie(&login).split(';').next().unwrap().to_owned();
    assert_eq!(
        get("/explore".into(), Some(cookie.clone())).await.status,
        200
    );
    assert_eq!(get(gist_page.clone(), Some(cookie)).await.status, 200);

    // Individual gists may stay readable by link.
    web.app.settings(|s| s.allow_individual_gists = true).await;
    let page = get(gist_page.clone(), None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("hello"));
    assert_eq!(get("/explore".into(), None).await.status, 302);
}

#[tokio::test]
async fn downloads_zips_and_private_raw_files_for_their_owner() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let token = web.token("alice", "gist:write").await;
    let created = web.create_gist(&token, serde_json::json!({"visibility": "private", "files": {"a b.txt": {"content": "alpha"}, "data.csv": {"content": "x,y\n1,2\n"}}})).await;
    let id = created["id"].as_str().unwrap();
    let login = web.login("alice", "password123").await;
    let cookie = session_cookie(&login).split(';').next().unwrap().to_owned();
    let get = |path: String, cookie: Option<String>| {
        let web = &web;
        async move { web.get(&path, cookie.as_deref()).await }
    };

    let raw = format!("/alice/{id}/raw/HEAD/a%20b.txt");
    assert_eq!(
        get(raw.clone(), None).await.status,
        404,
        "private: not for anonymous visitors"
    );
    let own = get(raw, Some(cookie.clone())).await;
    assert_eq!(own.status, 200, "the owner reads their own raw file");
    assert!(own.headers.get("content-disposition").is_none());
    assert_eq!(own.body, "alpha");

    let download = get(
        format!("/alice/{id}/download/HEAD/a%20b.txt"),
        Some(cookie.clone()),
    )
    .await;
    assert_eq!(
        download.headers["content-disposition"],
        "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%20b.txt"
    );
    assert_eq!(download.headers["x-content-type-options"], "nosniff");

    let archive = get(
        format!("/alice/{id}/archive/HEAD.zip"),
        Some(cookie.clone()),
    )
    .await;
    assert_eq!(archive.status, 200);
    assert_eq!(archive.headers["content-type"], "application/zip");
    assert!(
        archive.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("{id}-"))
    );
    let bytes = archive.bytes;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["a b.txt", "data.csv"]);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("data.csv").unwrap(), &mut text).unwrap();
    assert_eq!(text, "x,y\n1,2\n");
    assert_eq!(
        get(format!("/alice/{id}/archive/HEAD.zip"), None)
            .await
            .status,
        404
    );
    assert_eq!(
        get(
            format!("/alice/{id}/archive/HEAD.tar"),
            Some(cookie.clone())
        )
        .await
        .status,
        404
    );

    // The page shows the CSV as a table.
    let page = get(format!("/alice/{id}"), Some(cookie)).await.body;
    assert!(page.contains("<table class=\"csv\"><thead><tr><th>x</th><th>y</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"), "{page}");
}

#[tokio::test]
async fn embeds_write_the_gist_into_other_pages() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let token = web.token("alice", "gist:write").await;
    let public = web.create_gist(&token,
        serde_json::json!({"public": true, "files": {
            "main.rs": {"content": "fn main() { println!(\"<b>hi</b>\"); }\n"},
            "notes.md": {"content": "# Notes\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n"}
        }}),
    )
    .await;
    let id = public["id"].as_str().unwrap();

    let script = web.get(&format!("/alice/{id}.js"), None).await;
    assert_eq!(script.status, 200, "{}", script.body);
    assert_eq!(
        script.headers["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert!(
        script.headers.get("x-frame-options").is_none(),
        "embeds are made for other sites"
    );
    assert!(
        script
            .body
            .starts_with("document.write(\"<link rel=\\\"stylesheet\\\"")
    );
    assert!(script.body.contains("/embed.css"));
    assert!(script.body.contains("gistful-embed"), "{}", script.body);
    assert!(script.body.contains("hl-"), "highlighted: {}", script.body);
    assert!(
        script.body.contains("&lt;b&gt;hi&lt;/b&gt;"),
        "escaped code"
    );
    assert!(
        !script.body.contains("<script>alert") && !script.body.contains("onerror"),
        "sanitised Markdown: {}",
        script.body
    );

    let json = web
        .get(&format!("/alice/{id}.json?file=notes.md"), None)
        .await;
    assert_eq!(json.status, 200);
    let data: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(data["files"], serde_json::json!(["notes.md"]));
    assert_eq!(data["owner"], "alice");
    assert_eq!(data["public"], true);
    assert!(
        data["div"]
            .as_str()
            .unwrap()
            .contains("<h1 id=\"user-content-notes\">")
    );
    assert!(!data["div"].as_str().unwrap().contains("main.rs"));
    assert!(data["stylesheet"].as_str().unwrap().ends_with("/embed.css"));
    assert_eq!(
        web.get(&format!("/alice/{id}.json?file=nope.txt"), None)
            .await
            .status,
        404
    );
    assert_eq!(
        web.get(&format!("/bob/{id}.js"), None).await.status,
        404,
        "the owner's name is part of the address"
    );

    let css = web.get("/embed.css", None).await;
    assert_eq!(css.status, 200);
    assert!(css.body.contains(".gistful-embed .ge-file"));
    assert!(css.body.contains(".hl-"));
    assert!(
        css.body.contains(".gistful-embed.ge-dark {"),
        "dark colours"
    );
    assert!(
        css.body
            .contains("@media (prefers-color-scheme: dark) {\n.gistful-embed.ge-auto {"),
        "auto follows the system"
    );

    // `?theme=`: light by default, dark or auto on request, anything else refused.
    for (query, class) in [
        ("", "\"gistful-embed\""),
        ("?theme=light", "\"gistful-embed\""),
        ("?theme=dark", "\"gistful-embed ge-dark\""),
        ("?theme=auto&file=main.rs", "\"gistful-embed ge-auto\""),
    ] {
        let answer = web.get(&format!("/alice/{id}.json{query}"), None).await;
        assert_eq!(answer.status, 200, "{query}");
        let data: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert!(
            data["div"]
                .as_str()
                .unwrap()
                .starts_with(&format!("<div class={class}")),
            "{query}: {}",
            data["div"]
        );
    }
    let bad = web
        .get(&format!("/alice/{id}.js?theme=%22%3E%3Cscript%3E"), None)
        .await;
    assert_eq!(bad.status, 400);
    assert!(!bad.body.contains("<script>"));

    // The gist's own page may not be framed.
    let page = web.get(&format!("/alice/{id}"), None).await;
    assert_eq!(page.headers["x-frame-options"], "DENY");
    // Link previews: Open Graph and Twitter card metadata.
    assert!(
        page.body
            .contains("<meta property=\"og:title\" content=\"alice / main.rs\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<meta property=\"og:description\" content=\"fn main() { println!("),
        "the first lines stand for a missing description"
    );
    assert!(page.body.contains(&format!(
        "<meta property=\"og:url\" content=\"{}/alice/{id}\"",
        web.origin
    )));
    assert!(
        page.body
            .contains("<meta name=\"twitter:card\" content=\"summary\"")
    );
    assert!(
        page.body
            .contains(&format!("/alice/{id}.js&quot;&gt;&lt;/script&gt;")),
        "the page offers the snippet: {}",
        page.body
    );

    // Private: only its owner, as everywhere.
    let private = web
        .create_gist(
            &token,
            serde_json::json!({"visibility": "private", "files": {"p.txt": {"content": "secret"}}}),
        )
        .await;
    let private_id = private["id"].as_str().unwrap();
    for format in ["js", "json"] {
        let path = format!("/alice/{private_id}.{format}");
        assert_eq!(web.get(&path, None).await.status, 404, "{path}");
    }
    let cookie = web.session("alice", "password123").await;
    let own = web
        .get(&format!("/alice/{private_id}.json"), Some(&cookie))
        .await;
    assert_eq!(own.status, 200);
    assert!(own.body.contains("secret"));
}

#[tokio::test]
async fn admin_panel_is_for_admins_only() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await; // the first account: admin
    web.user("bob", "password456").await;
    let bob_token = web.token("bob", "gist:write").await;
    let bobs = web
        .create_gist(
            &bob_token,
            serde_json::json!({"visibility": "private", "files": {"b.txt": {"content": "bob's"}}}),
        )
        .await;
    let bobs_id = bobs["id"].as_str().unwrap().to_owned();
    let alice = web.session("alice", "password123").await;
    let bob = web.session("bob", "password456").await;

    // Anyone else: the panel and its functions do not exist.
    assert_eq!(web.get("/admin", None).await.status, 404);
    let as_bob = web.get("/admin", Some(&bob)).await;
    assert_eq!(as_bob.status, 404);
    assert!(!as_bob.body.contains("Administration"));
    for (function, form) in [
        ("admin_settings", vec![]),
        ("admin_users", vec![("page", "1")]),
        ("admin_delete_gist", vec![("id", bobs_id.as_str())]),
        ("save_admin_settings", vec![("require_login", "on")]),
    ] {
        let answer = web
            .call(function, &form, Some(&bob), Some(&web.origin))
            .await;
        assert_eq!(answer.status, 404, "{function}: {}", answer.body);
    }

    let page = web.get("/admin?tab=users", Some(&alice)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Administration"));
    assert!(page.body.contains("data-user=\"bob\""), "{}", page.body);

    let users = web
        .call(
            "admin_users",
            &[("page", "1")],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    let users: serde_json::Value = serde_json::from_str(&users.body).unwrap();
    assert_eq!(users["total"], 2);
    assert_eq!(users["users"][1]["username"], "bob");
    assert_eq!(users["users"][1]["gist_count"], 1);
    assert_eq!(users["users"][0]["is_you"], true);

    // Settings: ticked boxes are on, the rest off.
    let saved = web
        .call(
            "save_admin_settings",
            &[("require_login", "on"), ("disable_signup", "on")],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let settings = web.app.state.settings.load().await.unwrap();
    assert!(settings.require_login && settings.disable_signup);
    assert!(!settings.api_enabled && !settings.allow_individual_gists);
    assert_eq!(web.get("/explore", None).await.status, 302);

    // Promote, and refuse to act on oneself.
    let promote = web
        .call(
            "admin_set_admin",
            &[("username", "bob"), ("admin", "true")],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert_eq!(promote.status, 200, "{}", promote.body);
    assert_eq!(web.get("/admin", Some(&bob)).await.status, 200);
    let demote_self = web
        .call(
            "admin_set_admin",
            &[("username", "alice"), ("admin", "false")],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert_eq!(demote_self.status, 403);
    assert!(demote_self.body.contains("your own account"));

    // Any gist, private ones too; then a whole account.
    let gists = web
        .call(
            "admin_gists",
            &[("page", "1")],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert!(gists.body.contains(&bobs_id), "{}", gists.body);
    let deleted = web
        .call(
            "admin_delete_gist",
            &[("id", bobs_id.as_str())],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(
        web.get(&format!("/bob/{bobs_id}"), Some(&bob)).await.status,
        404
    );
    let check = web
        .call("admin_check", &[], Some(&alice), Some(&web.origin))
        .await;
    let report: serde_json::Value = serde_json::from_str(&check.body).unwrap();
    assert_eq!(report["gists_checked"], 0);
    assert_eq!(
        report["orphan_repositories"],
        serde_json::json!([]),
        "the repository went with the row"
    );
    let gone = web
        .call(
            "admin_delete_user",
            &[("username", "bob")],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert_eq!(gone.status, 200, "{}", gone.body);
    assert_eq!(web.get("/bob", Some(&alice)).await.status, 404);
}

#[tokio::test]
async fn consistency_report_names_what_is_wrong() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let token = web.token("alice", "gist:write").await;
    let created = web
        .create_gist(
            &token,
            serde_json::json!({"public": true, "files": {"a.txt": {"content": "a"}}}),
        )
        .await;
    let id = created["id"].as_str().unwrap();
    let repos = web.app.state.home.join("repos");
    let moved = walk(&repos)
        .into_iter()
        .find(|p| p.to_string_lossy().contains(id))
        .expect("the gist's repository");
    std::fs::rename(&moved, moved.with_extension("away")).unwrap();
    let alice = web.session("alice", "password123").await;
    let check = web
        .call("admin_check", &[], Some(&alice), Some(&web.origin))
        .await;
    let report: serde_json::Value = serde_json::from_str(&check.body).unwrap();
    assert_eq!(report["missing_repositories"], serde_json::json!([id]));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.push(path.clone());
            if !path.to_string_lossy().ends_with(".git") {
                found.extend(walk(&path));
            }
        }
    }
    found
}

#[tokio::test]
async fn forks_stargazers_topics_and_a_users_forks() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    web.user("bob", "password456").await;
    let alice_token = web.token("alice", "gist:write").await;
    let bob_token = web.token("bob", "gist:write,user:write").await;
    let created = web.create_gist(&alice_token,
        serde_json::json!({"public": true, "description": "topical", "topics": ["rust", "cli"], "files": {"a.rs": {"content": "fn a() {}"}}}),
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let fork = web
        .api(Method::POST, &format!("/gists/{id}/forks"), &bob_token)
        .await;
    assert_eq!(fork.status, 201);
    let fork: serde_json::Value = fork.json();
    let fork_id = fork["id"].as_str().unwrap();
    let star = web
        .api(Method::PUT, &format!("/gists/{id}/star"), &bob_token)
        .await;
    assert_eq!(star.status, 204, "{:?}", star.body);

    let forks = web.get(&format!("/alice/{id}/forks"), None).await;
    assert_eq!(forks.status, 200);
    assert!(
        forks.body.contains(&format!("/bob/{fork_id}")),
        "{}",
        forks.body
    );
    assert!(forks.body.contains("Forks"));
    let stargazers = web.get(&format!("/alice/{id}/stargazers"), None).await;
    assert_eq!(stargazers.status, 200);
    assert!(
        stargazers.body.contains("href=\"/bob\""),
        "{}",
        stargazers.body
    );
    let topic = web.get("/topics/rust", None).await;
    assert!(
        topic.body.contains(&format!("/alice/{id}")),
        "{}",
        topic.body
    );
    assert!(!web.get("/topics/go", None).await.body.contains(id));
    let bobs_forks = web.get("/bob?tab=forks", None).await;
    assert!(bobs_forks.body.contains(&format!("/bob/{fork_id}")));
    let alices_forks = web.get("/alice?tab=forks", None).await;
    assert!(
        alices_forks.body.contains("No gists here yet."),
        "alice forked nothing: {} {}",
        alices_forks.status,
        alices_forks.body
    );
    let page = web.get(&format!("/bob/{fork_id}"), None).await;
    assert!(
        page.body.contains(&format!("href=\"/alice/{id}\"")),
        "the fork names its source"
    );

    // Wrong owner, or a private gist seen by others: nothing there.
    assert_eq!(web.get(&format!("/bob/{id}/forks"), None).await.status, 404);
    let private = web
        .create_gist(
            &alice_token,
            serde_json::json!({"visibility": "private", "files": {"p.txt": {"content": "p"}}}),
        )
        .await;
    let private_id = private["id"].as_str().unwrap();
    let bob = web.session("bob", "password456").await;
    for what in ["forks", "stargazers"] {
        let path = format!("/alice/{private_id}/{what}");
        assert_eq!(web.get(&path, None).await.status, 404, "{path}");
        assert_eq!(web.get(&path, Some(&bob)).await.status, 404, "{path}");
    }
}

#[tokio::test]
async fn topics_typed_in_the_editor() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let alice = web.session("alice", "password123").await;
    let form = |topics: &'static str| {
        vec![
            ("title", "T"),
            ("description", ""),
            ("visibility", "public"),
            ("topics", topics),
            ("files[0][name]", "a.txt"),
            ("files[0][content]", "hello"),
        ]
    };
    let bad = web
        .call(
            "create_gist",
            &form("ok, not_ok"),
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("not_ok"), "{}", bad.body);

    let made = web
        .call(
            "create_gist",
            &form("Rust cli,rust"),
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert!(made.status.as_u16() < 400, "{}", made.body);
    let token = web.token("alice", "gist:read").await;
    let list: serde_json::Value = web.api(Method::GET, "/gists", &token).await.json();
    let id = list[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        topics_of(&web, &alice, &id).await,
        serde_json::json!(["rust", "cli"])
    );

    let base = editable(&web, &alice, &id).await["revision"]
        .as_str()
        .unwrap()
        .to_owned();
    let edit = web
        .call(
            "update_gist",
            &[
                ("id", id.as_str()),
                ("base", base.as_str()),
                ("title", "T"),
                ("description", ""),
                ("visibility", "public"),
                ("topics", "web"),
                ("files[0][original]", "a.txt"),
                ("files[0][name]", "a.txt"),
                ("files[0][content]", "hello"),
            ],
            Some(&alice),
            Some(&web.origin),
        )
        .await;
    assert!(edit.status.as_u16() < 400, "{}", edit.body);
    assert_eq!(
        topics_of(&web, &alice, &id).await,
        serde_json::json!(["web"])
    );
    assert!(web.get("/topics/web", None).await.body.contains(&id));
}

async fn topics_of(web: &Web, cookie: &str, id: &str) -> serde_json::Value {
    editable(web, cookie, id).await["topics"].clone()
}

/// Alice's gist as the editor loads it.
async fn editable(web: &Web, cookie: &str, id: &str) -> serde_json::Value {
    let answer = web
        .call(
            "load_for_edit",
            &[("owner", "alice"), ("id", id)],
            Some(cookie),
            Some(&web.origin),
        )
        .await;
    serde_json::from_str(&answer.body).unwrap()
}

/// A form loaded before a file was added elsewhere must not delete that file on save:
/// the save is refused with 409 and says why; the gist keeps every file.
#[tokio::test]
async fn a_stale_edit_form_never_deletes_what_it_did_not_show() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let alice = web.session("alice", "password123").await;
    let token = web.token("alice", "gist:read,gist:write").await;
    let gist = web
        .create_gist(
            &token,
            serde_json::json!({"public": true, "files": {"a.txt": {"content": "one"}}}),
        )
        .await;
    let id = gist["id"].as_str().unwrap().to_owned();
    let loaded = editable(&web, &alice, &id).await;
    let base = loaded["revision"].as_str().unwrap().to_owned();
    assert_eq!(base.len(), 40);

    // Meanwhile, a script adds a file.
    let added = web
        .app
        .request(Method::PATCH, &format!("/api/gists/{id}"))
        .header("authorization", format!("token {token}"))
        .json(&serde_json::json!({"files": {"added.txt": {"content": "from the API"}}}))
        .send()
        .await;
    assert_eq!(added.status, 200);

    let form = [
        ("id", id.as_str()),
        ("base", base.as_str()),
        ("title", "Edited in the browser"),
        ("description", ""),
        ("visibility", "public"),
        ("files[0][original]", "a.txt"),
        ("files[0][name]", "a.txt"),
        ("files[0][content]", "one, edited"),
    ];
    let stale = web
        .call("update_gist", &form, Some(&alice), Some(&web.origin))
        .await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(
        stale.body.contains("changed since you opened the editor"),
        "{}",
        stale.body
    );
    let now: serde_json::Value = web
        .api(Method::GET, &format!("/gists/{id}"), &token)
        .await
        .json();
    assert_eq!(now["files"]["added.txt"]["content"], "from the API");
    assert_eq!(
        now["files"]["a.txt"]["content"], "one",
        "nothing of the stale form was saved"
    );

    // Reloaded, the form shows the added file too, and the same edit goes in.
    let fresh = editable(&web, &alice, &id).await;
    assert_eq!(fresh["files"].as_array().unwrap().len(), 2);
    let fresh_base = fresh["revision"].as_str().unwrap().to_owned();
    let mut form = form.to_vec();
    form[1] = ("base", fresh_base.as_str());
    form.extend([
        ("files[1][original]", "added.txt"),
        ("files[1][name]", "added.txt"),
        ("files[1][content]", "from the API"),
    ]);
    let saved = web
        .call("update_gist", &form, Some(&alice), Some(&web.origin))
        .await;
    assert!(saved.status.as_u16() < 400, "{}", saved.body);
    let now: serde_json::Value = web
        .api(Method::GET, &format!("/gists/{id}"), &token)
        .await
        .json();
    assert_eq!(now["files"]["a.txt"]["content"], "one, edited");
    assert_eq!(now["files"]["added.txt"]["content"], "from the API");
}

/// Images, PDFs, audio and video show as themselves on the page, from their raw URLs, which
/// answer with the file's own type (never one a browser runs), `nosniff` and a sandbox; a
/// PDF may be framed by this site only, for the browser's viewer.
#[tokio::test]
async fn media_files_show_inline_from_their_raw_urls() {
    let web = Web::start(&[], None).await;
    web.user("alice", "password123").await;
    let token = web.token("alice", "gist:write").await;
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>\n";
    let gist = web
        .create_gist(
            &token,
            serde_json::json!({"public": true, "files": {
                "logo.svg": {"content": svg},
                "paper.pdf": {"content": "%PDF-1.4\n"},
                "song.mp3": {"content": "ID3 not really\n"},
                "clip.webm": {"content": "not really\n"},
            }}),
        )
        .await;
    let id = gist["id"].as_str().unwrap();
    let page = web.get(&format!("/alice/{id}"), None).await;
    assert_eq!(page.status, 200);
    for (markup, name) in [
        ("<div class=\"media\"><img src=\"", "logo.svg"),
        ("<div class=\"media\"><iframe src=\"", "paper.pdf"),
        (
            "<div class=\"media\"><audio controls preload=\"metadata\" src=\"",
            "song.mp3",
        ),
        (
            "<div class=\"media\"><video controls preload=\"metadata\" src=\"",
            "clip.webm",
        ),
    ] {
        let at = page
            .body
            .find(markup)
            .unwrap_or_else(|| panic!("{markup} missing: {}", page.body));
        let src: String = page.body[at + markup.len()..]
            .chars()
            .take_while(|c| *c != '"')
            .collect();
        assert!(src.contains("/raw/") && src.ends_with(name), "{src}");
        let file = web.get(&src, None).await;
        assert_eq!(file.status, 200, "{src}");
        assert_eq!(file.headers["x-content-type-options"], "nosniff");
        let csp = file.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let (kind, frame, policy) = match name {
            "logo.svg" => ("image/svg+xml", "DENY", "sandbox"),
            "paper.pdf" => ("application/pdf", "SAMEORIGIN", "frame-ancestors 'self'"),
            "song.mp3" => ("audio/mpeg", "DENY", "sandbox"),
            _ => ("video/webm", "DENY", "sandbox"),
        };
        assert_eq!(file.headers["content-type"], kind, "{name}");
        assert_eq!(file.headers["x-frame-options"], frame, "{name}");
        assert!(csp.starts_with("default-src 'none'"), "{name}: {csp}");
        assert!(csp.contains(policy), "{name}: {csp}");
    }
    // The SVG's markup never reaches the page: it is only ever an image.
    assert!(!page.body.contains("<rect"), "{}", page.body);
}

/// The footer's language picker (issue 23): a cookie for this device, the account's
/// setting for a signed-in person, then back to the page it came from (this site's only).
/// Pages are then written in that language, before `Accept-Language`.
#[tokio::test]
async fn the_language_picker_remembers_and_goes_back_home_only() {
    let web = Web::start(&[], None).await;
    let host = web.origin.split("://").nth(1).unwrap().to_owned();
    let pick = |locale: &'static str, referer: String, cookie: Option<String>| {
        let mut call = web
            .app
            .request(Method::POST, "/sfn/set_locale")
            .form(&[("locale", locale)])
            .header("origin", &web.origin)
            .header("host", &host)
            .header("referer", referer)
            .header("accept", "text/html");
        if let Some(cookie) = cookie {
            call = call.header("cookie", cookie);
        }
        call.send()
    };
    let page_lang = |answer: &Answer| {
        let at = answer.body.find("<html lang=\"").expect("an html page") + 12;
        answer.body[at..].split('"').next().unwrap().to_owned()
    };

    // A visitor: the cookie, and back to the very page.
    let picked = pick("de", format!("{}/explore?sort=created", web.origin), None).await;
    assert!(picked.status.is_redirection(), "{}", picked.status);
    assert_eq!(picked.headers["location"], "/explore?sort=created");
    let cookie = picked.headers[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("locale=de;"), "{cookie}");
    let home = web.get("/", Some("locale=de")).await;
    assert_eq!(page_lang(&home), "de");
    assert!(home.body.contains("Entdecken"), "{}", home.body);
    // Without the cookie the browser's languages decide; with it, the cookie does.
    let french = web
        .app
        .request(Method::GET, "/")
        .header("accept-language", "fr-CA,fr;q=0.9,en;q=0.5")
        .send()
        .await;
    assert_eq!(page_lang(&french), "fr");
    assert!(french.body.contains("dir=\"ltr\""));
    let arabic = web.get("/", Some("locale=ar")).await;
    assert!(
        arabic.body.contains("<html lang=\"ar\" dir=\"rtl\""),
        "{}",
        arabic.body
    );

    // Another site's page is not a place to send anyone back to.
    let foreign = pick("fr", "https://evil.example/phish".into(), None).await;
    assert_eq!(foreign.headers["location"], "/");

    // A language we do not speak: refused, and nothing is set.
    let refused = web
        .app
        .request(Method::POST, "/sfn/set_locale")
        .form(&[("locale", "xx-klingon")])
        .header("origin", &web.origin)
        .header("accept", "application/json")
        .send()
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.headers.get(SET_COOKIE).is_none());

    // A signed-in person: the choice is the account's, and beats this browser's languages
    // on a device that never used the picker.
    web.user("linguist", "a good password").await;
    let session = web.session("linguist", "a good password").await;
    let saved = pick("uk", format!("{}/", web.origin), Some(session.clone())).await;
    assert!(saved.status.is_redirection(), "{}", saved.status);
    let stored = web
        .app
        .state
        .users
        .find_by_username("linguist")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.pref_locale, "uk");
    let elsewhere = web
        .app
        .request(Method::GET, "/")
        .header("cookie", &session)
        .header("accept-language", "de")
        .send()
        .await;
    assert_eq!(page_lang(&elsewhere), "uk");
}
