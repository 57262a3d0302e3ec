//! Second factors against the real server: a password sign-in that asks for a code (once
//! each), recovery codes, git refusing an MFA account's password but taking its token,
//! `gistful admin reset-mfa`, and the "admins must have a second factor" setting.

mod common;

use common::{Server, git};
use serde_json::{Value, json};

/// The code an authenticator app with `secret` shows `steps` steps from now.
fn code(secret: &str, steps: i64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned())
        .to_bytes()
        .unwrap();
    let totp =
        totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "t".into()).unwrap();
    totp.generate((chrono::Utc::now().timestamp() + steps * 30) as u64)
}

/// What a server function answered: status, where it sends the browser, its cookies
/// (`name=value`) and body.
struct Answer {
    status: u16,
    redirect: Option<String>,
    cookies: Vec<String>,
    body: String,
}

impl Answer {
    fn cookie(&self, name: &str) -> Option<String> {
        self.cookies
            .iter()
            .find(|c| c.starts_with(&format!("{name}=")) && !c.ends_with('='))
            .cloned()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

async fn call(server: &Server, name: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Answer {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut req = client
        .post(server.url(&format!("/sfn/{name}")))
        .header("origin", &server.base)
        .form(form);
    if let Some(cookie) = cookie {
        req = req.header("cookie", cookie);
    }
    let res = req.send().await.unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let redirect = header("location").or_else(|| header("serverfnredirect"));
    let cookies = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|c| c.split(';').next().unwrap().to_owned())
        .collect();
    Answer {
        status: res.status().as_u16(),
        redirect,
        cookies,
        body: res.text().await.unwrap(),
    }
}

async fn login(server: &Server, username: &str) -> Answer {
    call(
        server,
        "login",
        None,
        &[("username", username), ("password", "password123")],
    )
    .await
}

/// A session of `username`, who has no second factor yet.
async fn session(server: &Server, username: &str) -> String {
    let answer = login(server, username).await;
    answer
        .cookie("gistful_session")
        .unwrap_or_else(|| panic!("no session: {} {}", answer.status, answer.body))
}

/// Sets up an authenticator app for the session's user; returns its secret and the
/// recovery codes.
async fn enrol(server: &Server, session: &str) -> (String, Vec<String>) {
    let setup = call(server, "begin_totp", Some(session), &[]).await;
    assert_eq!(setup.status, 200, "{}", setup.body);
    let secret = setup.json()["secret"].as_str().unwrap().to_owned();
    let confirmed = call(
        server,
        "confirm_totp",
        Some(session),
        &[("code", &code(&secret, 0))],
    )
    .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    let codes = confirmed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    (secret, codes)
}

async fn who(server: &Server, cookie: &str) -> Value {
    common::current_user(&reqwest::Client::new(), server, Some(cookie)).await
}

#[tokio::test]
async fn a_password_sign_in_asks_for_a_code_and_takes_each_once() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    let first = session(&server, "alice").await;
    let (secret, recovery) = enrol(&server, &first).await;
    assert_eq!(recovery.len(), 10);

    // The password alone no longer signs in: it leads to the second step.
    let step = login(&server, "alice").await;
    assert_eq!(step.cookie("gistful_session"), None, "{:?}", step.cookies);
    let pending = step.cookie("gistful_2fa").expect("a waiting sign-in");
    assert_eq!(step.redirect.as_deref(), Some("/login/two-factor"));
    let waiting = call(&server, "pending_sign_in", Some(&pending), &[]).await;
    assert_eq!(waiting.json()["username"], "alice");
    assert_eq!(waiting.json()["totp"], true);

    // No waiting sign-in, a wrong code, the code that confirmed the app: refused.
    let none = call(&server, "second_factor", None, &[("code", "123456")]).await;
    assert_eq!(none.status, 409, "{}", none.body);
    let wrong = call(
        &server,
        "second_factor",
        Some(&pending),
        &[("code", "12345x")],
    )
    .await;
    assert_eq!(wrong.status, 403, "{}", wrong.body);
    assert!(wrong.body.contains("not right"), "{}", wrong.body);
    let replayed = call(
        &server,
        "second_factor",
        Some(&pending),
        &[("code", &code(&secret, 0))],
    )
    .await;
    assert_eq!(replayed.status, 403, "replayed: {}", replayed.body);
    assert_eq!(replayed.cookie("gistful_session"), None);

    let next = code(&secret, 1);
    let done = call(&server, "second_factor", Some(&pending), &[("code", &next)]).await;
    let signed_in = done
        .cookie("gistful_session")
        .unwrap_or_else(|| panic!("{} {}", done.status, done.body));
    assert_eq!(who(&server, &signed_in).await["username"], "alice");
    // The waiting sign-in was taken.
    let again = call(&server, "second_factor", Some(&pending), &[("code", &next)]).await;
    assert_eq!(again.status, 409, "{}", again.body);

    // The same code cannot sign in a second time, even in a new sign-in.
    let pending = login(&server, "alice").await.cookie("gistful_2fa").unwrap();
    let replayed = call(&server, "second_factor", Some(&pending), &[("code", &next)]).await;
    assert_eq!(replayed.status, 403, "{}", replayed.body);

    // A recovery code works once.
    let with_recovery = call(
        &server,
        "second_factor",
        Some(&pending),
        &[("code", &recovery[0])],
    )
    .await;
    assert!(
        with_recovery.cookie("gistful_session").is_some(),
        "{}",
        with_recovery.body
    );
    let pending = login(&server, "alice").await.cookie("gistful_2fa").unwrap();
    let spent = call(
        &server,
        "second_factor",
        Some(&pending),
        &[("code", &recovery[0])],
    )
    .await;
    assert_eq!(spent.status, 403, "{}", spent.body);
    let status = call(&server, "second_factors", Some(&signed_in), &[]).await;
    assert_eq!(status.json()["recovery_left"], 9);
    assert_eq!(status.json()["totp"], true);
}

#[tokio::test]
async fn wrong_codes_are_throttled_like_passwords() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    let first = session(&server, "alice").await;
    let (secret, _) = enrol(&server, &first).await;
    let pending = login(&server, "alice").await.cookie("gistful_2fa").unwrap();
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let wrong = call(
            &server,
            "second_factor",
            Some(&pending),
            &[("code", "zzzzz-zzzzz")],
        )
        .await;
        statuses.push(wrong.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    // Throttled: even the right code waits.
    let right = call(
        &server,
        "second_factor",
        Some(&pending),
        &[("code", &code(&secret, 1))],
    )
    .await;
    assert_eq!(right.status, 429, "{}", right.body);
}

#[tokio::test]
async fn git_refuses_the_password_of_an_mfa_account_but_takes_its_token() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"public": true, "files": {"a.txt": {"content": "one\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    let host = server.base.trim_start_matches("http://");
    let url = |secret: &str| format!("http://alice:{secret}@{host}/alice/{id}.git");
    let work = tempfile::tempdir().unwrap();

    let out = git(work.path(), &["clone", "-q", &url("password123"), "before"]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    let first = session(&server, "alice").await;
    enrol(&server, &first).await;

    // Pushing with the password is refused, saying what to do instead.
    let dir = work.path().join("before");
    std::fs::write(dir.join("a.txt"), "two\n").unwrap();
    assert!(git(&dir, &["commit", "-qam", "two"]).status.success());
    let out = git(&dir, &["push", "-q", &url("password123"), "HEAD:main"]);
    assert!(!out.status.success());
    let said = common::stderr(&out);
    assert!(
        said.contains("remote: Password authentication is not available"),
        "{said}"
    );
    assert!(said.contains("personal access token"), "{said}");
    // Whatever the password (no hint whether it was right).
    let out = git(&dir, &["push", "-q", &url("wrong-password"), "HEAD:main"]);
    assert!(common::stderr(&out).contains("personal access token"));

    // The token still pushes.
    let out = git(&dir, &["push", "-q", &url(&token), "HEAD:main"]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    // `reset-mfa` takes the second factor away: the password signs in and pushes again.
    let out = common::run(&server.home, &["admin", "reset-mfa", "alice"], "");
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(common::stdout(&out).contains("alice"));
    assert!(
        login(&server, "alice")
            .await
            .cookie("gistful_session")
            .is_some()
    );
    std::fs::write(dir.join("a.txt"), "three\n").unwrap();
    assert!(git(&dir, &["commit", "-qam", "three"]).status.success());
    let out = git(&dir, &["push", "-q", &url("password123"), "HEAD:main"]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    let out = common::run(&server.home, &["admin", "reset-mfa", "nobody"], "");
    assert!(!out.status.success());
}

#[tokio::test]
async fn admins_must_set_up_a_second_factor_when_the_instance_says_so() {
    let server = Server::start().await;
    common::create_user(&server.home, "root", "password123");
    common::create_user(&server.home, "bob", "password123");
    let root = session(&server, "root").await;
    let saved = call(
        &server,
        "save_admin_settings",
        Some(&root),
        &[("api_enabled", "on"), ("require_admin_mfa", "on")],
    )
    .await;
    assert_eq!(saved.status, 200, "{}", saved.body);

    // The admin is sent to set one up, and the panel refuses them until they do.
    let again = login(&server, "root").await;
    let root = again.cookie("gistful_session").unwrap();
    assert_eq!(
        again.redirect.as_deref(),
        Some("/settings?mfa=required#two-factor")
    );
    let refused = call(&server, "admin_settings", Some(&root), &[]).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert!(refused.body.contains("second factor"), "{}", refused.body);

    enrol(&server, &root).await;
    let allowed = call(&server, "admin_settings", Some(&root), &[]).await;
    assert_eq!(allowed.status, 200, "{}", allowed.body);
    assert_eq!(allowed.json()["require_admin_mfa"], true);

    // Not admins: they go where they were going.
    let bob = call(
        &server,
        "login",
        None,
        &[
            ("username", "bob"),
            ("password", "password123"),
            ("next", "/explore"),
        ],
    )
    .await;
    assert!(bob.cookie("gistful_session").is_some());
    assert_eq!(bob.redirect.as_deref(), Some("/explore"));
}

#[tokio::test]
async fn hostile_passkey_answers_get_a_clear_4xx() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    let alice = session(&server, "alice").await;
    // Reached by an IP address: passkeys are off, and the answer says why.
    let options = call(&server, "passkey_login_options", None, &[]).await;
    assert_eq!(options.status, 409, "{}", options.body);
    assert!(options.body.contains("domain name"), "{}", options.body);
    // Malformed or oversized answers are a 400 before anything is looked up.
    let huge = "x".repeat(20 * 1024);
    for credential in ["{", "[]", "null", huge.as_str()] {
        let login = call(
            &server,
            "passkey_login",
            None,
            &[("challenge", "nope"), ("credential", credential)],
        )
        .await;
        assert_eq!(login.status, 400, "{}", login.body);
        let register = call(
            &server,
            "passkey_register",
            Some(&alice),
            &[("challenge", "nope"), ("credential", credential)],
        )
        .await;
        assert_eq!(register.status, 400, "{}", register.body);
    }
    // Registering needs a session; the second step needs a waiting sign-in.
    let anonymous = call(&server, "passkey_register_options", None, &[("name", "x")]).await;
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
    let nothing_waiting = call(
        &server,
        "second_factor_passkey",
        None,
        &[("credential", "{}")],
    )
    .await;
    assert_eq!(nothing_waiting.status, 409, "{}", nothing_waiting.body);
    let status = call(&server, "second_factors", Some(&alice), &[]).await;
    assert_eq!(status.json()["passkeys"], json!([]));
}
