//! The web side's server functions over real HTTP: sessions, cross-site refusal,
//! throttling, and their status codes.

mod common;

use common::{Server, run};
use reqwest::header::{HeaderMap, SET_COOKIE};

struct Web {
    server: Server,
    client: reqwest::Client,
    origin: String,
}

struct Answer {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Web {
    async fn start(env: &[(&str, &str)], origin: Option<&str>) -> (Web, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start_in(dir.path(), env).await;
        let origin = origin
            .map(str::to_owned)
            .unwrap_or_else(|| server.base.clone());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        (
            Web {
                server,
                client,
                origin,
            },
            dir,
        )
    }

    fn user(&self, name: &str, password: &str) {
        let args = [
            "admin",
            "create-user",
            "--username",
            name,
            "--email",
            "x@example.com",
            "--password-stdin",
        ];
        assert!(
            run(&self.server.home, &args, &format!("{password}\n"))
                .status
                .success()
        );
    }

    async fn call(
        &self,
        function: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        origin: Option<&str>,
    ) -> Answer {
        let mut req = self
            .client
            .post(self.server.url(&format!("/sfn/{function}")))
            .form(form);
        if let Some(origin) = origin {
            req = req.header("origin", origin);
        }
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        let res = req.send().await.unwrap();
        Answer {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body: res.text().await.unwrap(),
        }
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
    let (web, _dir) = Web::start(&[], None).await;
    web.user("alice", "password123");

    let answer = web.login("alice", "password123").await;
    assert!(answer.status < 400, "{} {}", answer.status, answer.body);
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
        .client
        .get(web.server.url("/"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
    let (web, _dir) = Web::start(&[], None).await;
    web.user("alice", "password123");
    let form = [("username", "alice"), ("password", "password123")];
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let answer = web.call("login", &form, None, origin).await;
        assert_eq!(answer.status, 403, "origin {origin:?}");
        assert!(answer.headers.get(SET_COOKIE).is_none());
    }
}

#[tokio::test]
async fn failures_have_their_own_status() {
    let (web, _dir) = Web::start(&[], None).await;
    web.user("alice", "password123");
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
    let (web, _dir) = Web::start(&[], None).await;
    web.user("alice", "password123");
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
    let (web, _dir) = Web::start(
        &[("OG_EXTERNAL_URL", "https://gists.example.com")],
        Some("https://gists.example.com"),
    )
    .await;
    web.user("alice", "password123");
    let answer = web.login("alice", "password123").await;
    assert!(session_cookie(&answer).contains("Secure"));
}

#[tokio::test]
async fn signup_can_be_closed() {
    let (web, dir) = Web::start(&[], None).await;
    let form = [
        ("username", "newbie"),
        ("email", "n@example.com"),
        ("password", "password123"),
    ];
    let db = app::db::connect(&format!("sqlite://{}/gistful.db", dir.path().display()))
        .await
        .unwrap();
    let mut settings = app::services::settings::load(&db).await.unwrap();
    settings.disable_signup = true;
    app::services::settings::save(&db, &settings).await.unwrap();
    let closed = web.call("register", &form, None, Some(&web.origin)).await;
    assert_eq!(closed.status, 403);
    assert!(
        closed.body.contains("Registration is closed"),
        "{}",
        closed.body
    );

    settings.disable_signup = false;
    app::services::settings::save(&db, &settings).await.unwrap();
    let open = web.call("register", &form, None, Some(&web.origin)).await;
    assert!(open.status < 400, "{} {}", open.status, open.body);
    session_cookie(&open);
}

#[tokio::test]
async fn require_login_sends_visitors_to_the_login_page() {
    let (web, dir) = Web::start(&[], None).await;
    web.user("alice", "password123");
    let token = common::create_token(&web.server.home, "alice", "gist:write");
    let created = common::create_gist(
        &web.server.base,
        &token,
        serde_json::json!({"public": true, "files": {"a.txt": {"content": "hello"}}}),
    )
    .await;
    let gist_page = format!("/alice/{}", created["id"].as_str().unwrap());

    let db = app::db::connect(&format!("sqlite://{}/gistful.db", dir.path().display()))
        .await
        .unwrap();
    let mut settings = app::services::settings::load(&db).await.unwrap();
    settings.require_login = true;
    app::services::settings::save(&db, &settings).await.unwrap();

    let get = |path: String, cookie: Option<String>| {
        let mut req = web.client.get(web.server.url(&path));
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        async move { req.send().await.unwrap() }
    };
    for path in ["/", "/explore", "/alice", gist_page.as_str(), "/new"] {
        let res = get(path.to_owned(), None).await;
        assert_eq!(res.status(), 302, "{path}");
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            location.starts_with("/login?next=%2F"),
            "{path}: {location}"
        );
    }
    assert_eq!(get("/login".into(), None).await.status(), 200);
    assert_eq!(get("/register".into(), None).await.status(), 200);
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
        get("/explore".into(), Some(cookie.clone())).await.status(),
        200
    );
    assert_eq!(get(gist_page.clone(), Some(cookie)).await.status(), 200);

    // Individual gists may stay readable by link.
    settings.allow_individual_gists = true;
    app::services::settings::save(&db, &settings).await.unwrap();
    let page = get(gist_page.clone(), None).await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("hello"));
    assert_eq!(get("/explore".into(), None).await.status(), 302);
}

#[tokio::test]
async fn downloads_zips_and_private_raw_files_for_their_owner() {
    let (web, _dir) = Web::start(&[], None).await;
    web.user("alice", "password123");
    let token = common::create_token(&web.server.home, "alice", "gist:write");
    let created = common::create_gist(&web.server.base, &token, serde_json::json!({"visibility": "private", "files": {"a b.txt": {"content": "alpha"}, "data.csv": {"content": "x,y\n1,2\n"}}})).await;
    let id = created["id"].as_str().unwrap();
    let login = web.login("alice", "password123").await;
    let cookie = session_cookie(&login).split(';').next().unwrap().to_owned();
    let get = |path: String, cookie: Option<String>| {
        let mut req = web.client.get(web.server.url(&path));
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        async move { req.send().await.unwrap() }
    };

    let raw = format!("/alice/{id}/raw/HEAD/a%20b.txt");
    assert_eq!(
        get(raw.clone(), None).await.status(),
        404,
        "private: not for anonymous visitors"
    );
    let own = get(raw, Some(cookie.clone())).await;
    assert_eq!(own.status(), 200, "the owner reads their own raw file");
    assert!(own.headers().get("content-disposition").is_none());
    assert_eq!(own.text().await.unwrap(), "alpha");

    let download = get(
        format!("/alice/{id}/download/HEAD/a%20b.txt"),
        Some(cookie.clone()),
    )
    .await;
    assert_eq!(
        download.headers()["content-disposition"],
        "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%20b.txt"
    );
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");

    let archive = get(
        format!("/alice/{id}/archive/HEAD.zip"),
        Some(cookie.clone()),
    )
    .await;
    assert_eq!(archive.status(), 200);
    assert_eq!(archive.headers()["content-type"], "application/zip");
    assert!(
        archive.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("{id}-"))
    );
    let bytes = archive.bytes().await.unwrap();
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
            .status(),
        404
    );
    assert_eq!(
        get(
            format!("/alice/{id}/archive/HEAD.tar"),
            Some(cookie.clone())
        )
        .await
        .status(),
        404
    );

    // The page shows the CSV as a table.
    let page = get(format!("/alice/{id}"), Some(cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("<table class=\"csv\"><thead><tr><th>x</th><th>y</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"), "{page}");
}
