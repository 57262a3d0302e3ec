//! Signing in through a real OpenID provider: the certified `oidc-provider` package from
//! npm (`end2end/oidc/provider.mjs`), on 127.0.0.1, in front of a real `gistful serve`.
//! A `reqwest` client with a cookie jar plays the browser, one redirect at a time.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::Server;
use reqwest::{Response, Url};
use serde_json::{Value, json};

const CALLBACK: &str = "/oauth/openid-connect/callback";

/// The provider, killed when dropped.
struct Provider {
    child: Child,
    people: PathBuf,
    _dir: tempfile::TempDir,
}

impl Provider {
    fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    }

    fn start(port: u16, gistful: &Server, people: Value) -> Provider {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("people.json");
        std::fs::write(&file, people.to_string()).unwrap();
        let end2end = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end");
        let mut child = Command::new("node")
            .arg("oidc/provider.mjs")
            .current_dir(end2end)
            .env("OIDC_PORT", port.to_string())
            .env("OIDC_USERS", &file)
            .env(
                "OIDC_REDIRECT_URIS",
                ["openid-connect", "gitlab", "gitea", "github"]
                    .map(|p| gistful.url(&format!("/oauth/{p}/callback")))
                    .join(","),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs end2end/oidc/provider.mjs (make test installs it)");
        let out = BufReader::new(child.stdout.take().unwrap());
        let (ready, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                if line.starts_with("ready ") {
                    let _ = ready.send(());
                }
            }
        });
        wait.recv_timeout(Duration::from_secs(30))
            .expect("the OpenID provider did not start");
        Provider {
            child,
            people: file,
            _dir: dir,
        }
    }

    fn set_people(&self, people: Value) {
        std::fs::write(&self.people, people.to_string()).unwrap();
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn people() -> Value {
    json!({
        "alice": {"password": "alice-pw", "email": "alice@corp.example", "groups": ["staff", "admins"]},
        "bob": {"password": "bob-pw", "email": "bob@corp.example", "groups": ["staff"], "preferred_username": "Bob Builder"},
        "carol": {"password": "carol-pw", "email": "carol@corp.example"},
    })
}

/// Gistful configured for the provider on `port` (which need not listen yet: discovery
/// happens at the first sign-in).
async fn gistful(port: u16) -> Server {
    let discovery = format!("http://127.0.0.1:{port}/.well-known/openid-configuration");
    gistful_with(&[("OG_OIDC_DISCOVERY_URL", discovery.as_str())]).await
}

/// Gistful with the test client's settings and `env` (which must name the discovery URL).
async fn gistful_with(env: &[(&str, &str)]) -> Server {
    let mut env = env.to_vec();
    env.extend_from_slice(&[
        ("OG_OIDC_PROVIDER_NAME", "Corp ID"),
        ("OG_OIDC_CLIENT_KEY", "gistful"),
        ("OG_OIDC_SECRET", "gistful-secret"),
        ("OG_OIDC_ADMIN_GROUP", "admins"),
    ]);
    Server::start_with(&env).await
}

/// A browser: a cookie jar, redirects taken one at a time.
struct Browser {
    http: reqwest::Client,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    async fn get(&self, url: &str) -> Response {
        self.http.get(url).send().await.unwrap()
    }

    async fn post(&self, url: &str, form: &[(&str, &str)]) -> Response {
        self.http.post(url).form(form).send().await.unwrap()
    }

    /// Follows redirects until a page, or until the next URL is one `stop` picks (then
    /// that URL, not fetched).
    async fn follow(&self, mut res: Response, stop: impl Fn(&Url) -> bool) -> (Url, Response) {
        for _ in 0..20 {
            if !res.status().is_redirection() {
                return (res.url().clone(), res);
            }
            let location = res.headers()["location"].to_str().unwrap();
            let next = res.url().join(location).unwrap();
            if stop(&next) {
                return (next, res);
            }
            res = self.get(next.as_str()).await;
        }
        panic!("too many redirects");
    }

    async fn page(&self, res: Response) -> (Url, String) {
        let (url, res) = self.follow(res, |_| false).await;
        (url, res.text().await.unwrap())
    }

    /// Starts a sign-in on `gistful` and signs in at the provider as `who`; returns the
    /// callback URL the provider sends the browser to, not yet visited.
    async fn to_callback(&self, gistful: &Server, who: &str, password: &str) -> Url {
        self.to_callback_of("openid-connect", gistful, who, password)
            .await
    }

    /// [`Browser::to_callback`] through the provider named `provider` in URLs.
    async fn to_callback_of(
        &self,
        provider: &str,
        gistful: &Server,
        who: &str,
        password: &str,
    ) -> Url {
        let callback = format!("/oauth/{provider}/callback");
        let is_callback = |url: &Url| url.path() == callback;
        let start = self
            .get(&gistful.url(&format!("/oauth/{provider}?next=/settings")))
            .await;
        let (login, res) = self.follow(start, is_callback).await;
        if is_callback(&login) {
            // Still signed in at the provider: it sends the browser straight back.
            return login;
        }
        let page = res.text().await.unwrap();
        assert!(
            page.contains("Test identity provider: sign in"),
            "{login}: {page}"
        );
        let res = self
            .post(
                &format!("{login}/login"),
                &[("login", who), ("password", password)],
            )
            .await;
        let (url, res) = self.follow(res, is_callback).await;
        if is_callback(&url) {
            return url;
        }
        let page = res.text().await.unwrap();
        assert!(page.contains("allow access"), "{url}: {page}");
        let res = self.post(&format!("{url}/confirm"), &[]).await;
        let (url, _) = self.follow(res, is_callback).await;
        assert!(is_callback(&url), "{url}");
        url
    }

    /// The whole sign-in; returns where it ends.
    async fn sign_in(&self, gistful: &Server, who: &str, password: &str) -> Url {
        let callback = self.to_callback(gistful, who, password).await;
        let res = self.get(callback.as_str()).await;
        let (url, _) = self.follow(res, |_| false).await;
        url
    }

    /// The settings page's "Link" address for the OpenID provider.
    async fn link_href(&self, gistful: &Server) -> String {
        let list: Value = self
            .http
            .post(gistful.url("/sfn/linked_providers"))
            .header("origin", &gistful.base)
            .form(&[("", "")][..0])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let link = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["provider"] == "openid-connect")
            .and_then(|p| p["link"].as_str())
            .unwrap_or_else(|| panic!("no link in {list}"))
            .to_owned();
        gistful.url(&link)
    }

    /// The signed-in user as the pages see it (`null` when nobody is).
    async fn who(&self, gistful: &Server) -> Value {
        common::current_user(&self.http, gistful, None).await
    }
}

/// `/login` as a new visitor gets it.
async fn login_page(gistful: &Server) -> String {
    Browser::new()
        .get(&gistful.url("/login"))
        .await
        .text()
        .await
        .unwrap()
}

fn error_of(url: &Url) -> Option<String> {
    (url.path() == "/login")
        .then(|| url.query_pairs().find(|(k, _)| k == "error"))
        .flatten()
        .map(|(_, v)| v.into_owned())
}

#[tokio::test]
async fn sign_in_creates_the_account_and_the_admin_group_decides_admin_rights() {
    let port = Provider::free_port();
    let gistful = gistful(port).await;
    let provider = Provider::start(port, &gistful, people());

    // The login page offers the provider, by its configured name.
    let login = login_page(&gistful).await;
    assert!(login.contains("Sign in with Corp ID"), "{login}");
    assert!(login.contains("href=\"/oauth/openid-connect\""), "{login}");

    let browser = Browser::new();
    let end = browser.sign_in(&gistful, "alice", "alice-pw").await;
    assert_eq!(
        end.as_str(),
        gistful.url("/settings"),
        "back where the sign-in started"
    );
    let me = browser.who(&gistful).await;
    assert_eq!(me["username"], "alice");
    assert_eq!(me["is_admin"], true, "alice is in the admin group");

    // Bob: not an admin, though not the first account either way; a name made valid.
    let bob = Browser::new();
    bob.sign_in(&gistful, "bob", "bob-pw").await;
    let me = bob.who(&gistful).await;
    assert_eq!(me["username"], "Bob-Builder");
    assert_eq!(me["is_admin"], false);

    // Out of the group: not an admin at the next sign-in, on the same account.
    let mut changed = people();
    changed["alice"]["groups"] = json!(["staff"]);
    provider.set_people(changed);
    let again = Browser::new();
    again.sign_in(&gistful, "alice", "alice-pw").await;
    let me = again.who(&gistful).await;
    assert_eq!(
        me["username"], "alice",
        "the same account, found by subject"
    );
    assert_eq!(me["is_admin"], false);
    // And back in: admin again.
    provider.set_people(people());
    let back = Browser::new();
    back.sign_in(&gistful, "alice", "alice-pw").await;
    assert_eq!(back.who(&gistful).await["is_admin"], true);

    // Such an account has no password: the form cannot sign in to it.
    let form = Browser::new()
        .http
        .post(gistful.url("/sfn/login"))
        .header("origin", &gistful.base)
        .form(&[("username", "alice"), ("password", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 403);
}

#[tokio::test]
async fn a_state_works_once_in_the_browser_that_started_it() {
    let port = Provider::free_port();
    let gistful = gistful(port).await;
    let _provider = Provider::start(port, &gistful, people());
    let browser = Browser::new();

    // Tampered: a state the server never issued.
    let callback = browser.to_callback(&gistful, "alice", "alice-pw").await;
    let mut tampered = callback.clone();
    let pairs: Vec<(String, String)> = callback
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    tampered.query_pairs_mut().clear().extend_pairs(&pairs);
    let (end, _) = browser
        .follow(browser.get(tampered.as_str()).await, |_| false)
        .await;
    assert_eq!(error_of(&end).as_deref(), Some("state"), "{end}");
    assert!(browser.who(&gistful).await.is_null());

    // Another browser, with a genuine callback URL but without the flow's cookie.
    let callback = browser.to_callback(&gistful, "alice", "alice-pw").await;
    let thief = Browser::new();
    let (end, _) = thief
        .follow(thief.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(error_of(&end).as_deref(), Some("state"), "{end}");
    assert!(thief.who(&gistful).await.is_null());
    // ...which also spent the flow: the right browser cannot use it now.
    let (end, _) = browser
        .follow(browser.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(error_of(&end).as_deref(), Some("state"), "{end}");

    // Genuine, once; replayed, refused.
    let callback = browser.to_callback(&gistful, "alice", "alice-pw").await;
    let (end, _) = browser
        .follow(browser.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(end.path(), "/settings");
    assert_eq!(browser.who(&gistful).await["username"], "alice");
    let replay = Browser::new();
    let (end, _) = replay
        .follow(replay.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(error_of(&end).as_deref(), Some("state"), "{end}");
}

#[tokio::test]
async fn a_code_from_another_sign_in_is_refused() {
    // PKCE and the nonce tie a code to the flow that asked for it: the code of flow A
    // sent with the state of flow B (whose verifier and nonce the server holds) fails.
    let port = Provider::free_port();
    let gistful = gistful(port).await;
    let _provider = Provider::start(port, &gistful, people());
    let browser = Browser::new();
    let first = browser.to_callback(&gistful, "alice", "alice-pw").await;
    let second = browser.to_callback(&gistful, "alice", "alice-pw").await;
    let code = |url: &Url| {
        url.query_pairs()
            .find(|(k, _)| k == "code")
            .unwrap()
            .1
            .into_owned()
    };
    let state = |url: &Url| {
        url.query_pairs()
            .find(|(k, _)| k == "state")
            .unwrap()
            .1
            .into_owned()
    };
    let mut mixed = gistful.url(CALLBACK).parse::<Url>().unwrap();
    mixed
        .query_pairs_mut()
        .append_pair("code", &code(&first))
        .append_pair("state", &state(&second));
    let (end, _) = browser
        .follow(browser.get(mixed.as_str()).await, |_| false)
        .await;
    assert_eq!(error_of(&end).as_deref(), Some("provider"), "{end}");
    assert!(browser.who(&gistful).await.is_null());
}

#[tokio::test]
async fn refusals_and_failures_come_back_to_the_login_page_with_a_message() {
    let port = Provider::free_port();
    let gistful = gistful(port).await;

    // The provider is down: a message, not an error page.
    let browser = Browser::new();
    let start = browser.get(&gistful.url("/oauth/openid-connect")).await;
    let (end, page) = browser.page(start).await;
    assert_eq!(error_of(&end).as_deref(), Some("provider"), "{end}");
    assert!(page.contains("could not be reached"), "{page}");

    let _provider = Provider::start(port, &gistful, people());
    // Consent refused at the provider.
    let start = browser.get(&gistful.url("/oauth/openid-connect")).await;
    let (login, _) = browser.page(start).await;
    let res = browser
        .post(
            &format!("{login}/login"),
            &[("login", "alice"), ("password", "alice-pw")],
        )
        .await;
    let (consent, _) = browser.page(res).await;
    let res = browser.post(&format!("{consent}/abort"), &[]).await;
    let (end, page) = browser.page(res).await;
    assert_eq!(error_of(&end).as_deref(), Some("denied"), "{end}");
    assert!(page.contains("cancelled at the provider"), "{page}");
    assert!(browser.who(&gistful).await.is_null());

    // A provider whose documents name another issuer than the one configured (here
    // `localhost` for `127.0.0.1`) is not trusted.
    let elsewhere = format!("http://localhost:{port}/.well-known/openid-configuration");
    let impostor = gistful_with(&[("OG_OIDC_DISCOVERY_URL", elsewhere.as_str())]).await;
    let browser = Browser::new();
    let start = browser.get(&impostor.url("/oauth/openid-connect")).await;
    let (end, _) = browser.page(start).await;
    assert_eq!(error_of(&end).as_deref(), Some("provider"), "{end}");

    // Unknown provider names are not routes to anywhere.
    let res = browser.get(&gistful.url("/oauth/github")).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn closed_sign_ups_and_taken_emails_create_no_account() {
    let port = Provider::free_port();
    let gistful = gistful(port).await;
    let _provider = Provider::start(port, &gistful, people());
    let db = app::db::connect_and_migrate(&format!(
        "sqlite://{}/gistful.db?mode=rwc",
        gistful.home.display()
    ))
    .await
    .unwrap();

    // A local account already has bob's email: never merged.
    let users = app::services::UserService::new(db.clone());
    users
        .register(app::services::users::NewUser {
            username: "robert".into(),
            email: "bob@corp.example".into(),
            password: "password123".into(),
            admin: false,
        })
        .await
        .unwrap();
    let browser = Browser::new();
    let end = browser.sign_in(&gistful, "bob", "bob-pw").await;
    assert_eq!(error_of(&end).as_deref(), Some("email"), "{end}");
    assert!(browser.who(&gistful).await.is_null());
    assert!(
        users
            .find_by_username("Bob-Builder")
            .await
            .unwrap()
            .is_none()
    );

    // Alice gets an account while sign-ups are open...
    let alice = Browser::new();
    alice.sign_in(&gistful, "alice", "alice-pw").await;
    assert_eq!(alice.who(&gistful).await["username"], "alice");

    // ...and keeps getting in once they are closed; carol, never seen, is refused.
    let settings = app::services::SettingsService::new(db.clone());
    let mut current = settings.load().await.unwrap();
    current.disable_signup = true;
    settings.save(&current).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await; // the server's settings cache
    let again = Browser::new();
    again.sign_in(&gistful, "alice", "alice-pw").await;
    assert_eq!(again.who(&gistful).await["username"], "alice");
    let carol = Browser::new();
    let end = carol.sign_in(&gistful, "carol", "carol-pw").await;
    assert_eq!(error_of(&end).as_deref(), Some("closed"), "{end}");
    assert!(carol.who(&gistful).await.is_null());
    assert!(users.find_by_username("carol").await.unwrap().is_none());
}

#[tokio::test]
async fn gitlab_and_gitea_presets_sign_in_through_their_user_apis() {
    // The test provider answers at GitLab's and Gitea's paths too (end2end/oidc).
    let port = Provider::free_port();
    let forge = format!("http://127.0.0.1:{port}");
    let gistful = Server::start_with(&[
        ("OG_GITLAB_CLIENT_KEY", "gistful"),
        ("OG_GITLAB_SECRET", "gistful-secret"),
        ("OG_GITLAB_URL", forge.as_str()),
        ("OG_GITEA_CLIENT_KEY", "gistful"),
        ("OG_GITEA_SECRET", "gistful-secret"),
        ("OG_GITEA_URL", forge.as_str()),
        ("OG_GITEA_NAME", "Forgejo"),
    ])
    .await;
    let _provider = Provider::start(port, &gistful, people());

    let login = login_page(&gistful).await;
    assert!(login.contains("Sign in with GitLab"), "{login}");
    assert!(login.contains("Sign in with Forgejo"), "{login}");
    assert!(!login.contains("Sign in with GitHub"), "not configured");

    let browser = Browser::new();
    let callback = browser
        .to_callback_of("gitlab", &gistful, "bob", "bob-pw")
        .await;
    let (end, _) = browser
        .follow(browser.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(end.path(), "/settings", "{end}");
    let me = browser.who(&gistful).await;
    assert_eq!(me["username"], "Bob-Builder");

    // The same person through Gitea is another identity: a second account, not a merge
    // (its email is taken, so it is refused).
    let other = Browser::new();
    let callback = other
        .to_callback_of("gitea", &gistful, "bob", "bob-pw")
        .await;
    let (end, _) = other
        .follow(other.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(error_of(&end).as_deref(), Some("email"), "{end}");

    // Alice through Gitea: a new account, found again by the forge's user id.
    for _ in 0..2 {
        let alice = Browser::new();
        let callback = alice
            .to_callback_of("gitea", &gistful, "alice", "alice-pw")
            .await;
        alice.get(callback.as_str()).await;
        assert_eq!(alice.who(&gistful).await["username"], "alice");
    }
}

#[tokio::test]
async fn a_signed_in_user_links_and_unlinks_providers_but_keeps_a_way_in() {
    let port = Provider::free_port();
    let gistful = gistful(port).await;
    let _provider = Provider::start(port, &gistful, people());
    common::create_user(&gistful.home, "lara", "lara-password");

    // Lara signs in with her password and links the provider's bob from settings.
    let lara = Browser::new();
    let res = lara
        .http
        .post(gistful.url("/sfn/login"))
        .header("origin", &gistful.base)
        .form(&[("username", "lara"), ("password", "lara-password")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection() || res.status().is_success());
    assert_eq!(lara.who(&gistful).await["username"], "lara");
    // Only from our own settings page: a link without this session's token is refused.
    let forged = lara
        .get(&gistful.url("/oauth/openid-connect/link?token=guessed"))
        .await;
    assert_eq!(forged.status(), 403);
    let start = lara.get(&lara.link_href(&gistful).await).await;
    let (login, page) = lara.page(start).await;
    assert!(
        page.contains("Test identity provider: sign in"),
        "{login}: {page}"
    );
    let res = lara
        .post(
            &format!("{login}/login"),
            &[("login", "bob"), ("password", "bob-pw")],
        )
        .await;
    let (consent, _) = lara.page(res).await;
    let res = lara.post(&format!("{consent}/confirm"), &[]).await;
    let (end, _) = lara.follow(res, |_| false).await;
    assert_eq!(end.path(), "/settings");
    assert_eq!(end.query(), Some("linked=openid-connect"));

    // Bob at the provider now signs in to lara's account.
    let elsewhere = Browser::new();
    elsewhere.sign_in(&gistful, "bob", "bob-pw").await;
    assert_eq!(elsewhere.who(&gistful).await["username"], "lara");

    let alice = Browser::new();
    alice.sign_in(&gistful, "alice", "alice-pw").await;
    assert_eq!(alice.who(&gistful).await["username"], "alice");
    let start = alice.get(&alice.link_href(&gistful).await).await;
    // Still signed in at the provider as alice: linking the person she signs in with
    // changes nothing.
    let (end, _) = alice.follow(start, |_| false).await;
    assert_eq!(end.query(), Some("linked=openid-connect"), "{end}");

    // Another account cannot take alice's person.
    common::create_user(&gistful.home, "mona", "mona-password");
    let mona = Browser::new();
    mona.http
        .post(gistful.url("/sfn/login"))
        .header("origin", &gistful.base)
        .form(&[("username", "mona"), ("password", "mona-password")])
        .send()
        .await
        .unwrap();
    // Mona's link would not do for alice: tokens belong to a session.
    let monas = mona.link_href(&gistful).await;
    assert_eq!(alice.get(&monas).await.status(), 403);
    let start = mona.get(&monas).await;
    let (login, _) = mona.page(start).await;
    let res = mona
        .post(
            &format!("{login}/login"),
            &[("login", "alice"), ("password", "alice-pw")],
        )
        .await;
    let (consent, _) = mona.page(res).await;
    let res = mona.post(&format!("{consent}/confirm"), &[]).await;
    let (end, page) = mona.page(res).await;
    assert_eq!(end.query(), Some("link_error=taken"), "{end}");
    assert!(page.contains("linked to another Gistful account"), "{page}");
    assert_eq!(mona.who(&gistful).await["username"], "mona", "still mona");

    // Alice's provider is her only way in: not unlinked.
    let unlink = |browser: &Browser| {
        browser
            .http
            .post(gistful.url("/sfn/unlink_provider"))
            .header("origin", &gistful.base)
            .form(&[("provider", "openid-connect")])
            .send()
    };
    let refused = unlink(&alice).await.unwrap();
    assert_eq!(refused.status(), 403);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("only way to sign in")
    );
    // Lara has a password: she may unlink, and then bob is a stranger again (a new
    // account would need his email, which... is free: a new account is made).
    assert!(unlink(&lara).await.unwrap().status().is_success());
    let after = Browser::new();
    after.sign_in(&gistful, "bob", "bob-pw").await;
    assert_eq!(after.who(&gistful).await["username"], "Bob-Builder");
}

#[tokio::test]
async fn without_the_login_form_only_providers_sign_people_in() {
    let port = Provider::free_port();
    let discovery = format!("http://127.0.0.1:{port}/.well-known/openid-configuration");
    let gistful = gistful_with(&[
        ("OG_OIDC_DISCOVERY_URL", discovery.as_str()),
        ("OG_DISABLE_LOGIN_FORM", "true"),
    ])
    .await;
    let _provider = Provider::start(port, &gistful, people());
    common::create_user(&gistful.home, "olga", "olga-password");

    let browser = Browser::new();
    for page in ["/login", "/register"] {
        let html = browser.get(&gistful.url(page)).await.text().await.unwrap();
        assert!(!html.contains("name=\"password\""), "{page}: {html}");
        assert!(html.contains("Sign in with Corp ID"), "{page}: {html}");
    }
    let call = |function: &str, form: &[(&str, &str)]| {
        browser
            .http
            .post(gistful.url(&format!("/sfn/{function}")))
            .header("origin", &gistful.base)
            .form(form)
            .send()
    };
    let login = call(
        "login",
        &[("username", "olga"), ("password", "olga-password")],
    )
    .await
    .unwrap();
    assert_eq!(login.status(), 403);
    let register = call(
        "register",
        &[
            ("username", "newbie"),
            ("email", "n@example.com"),
            ("password", "a good password"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(register.status(), 403);
    assert!(browser.who(&gistful).await.is_null());
    // The provider still signs people in.
    browser.sign_in(&gistful, "alice", "alice-pw").await;
    assert_eq!(browser.who(&gistful).await["username"], "alice");
}

#[tokio::test]
async fn an_account_the_provider_made_renames_itself_once_in_settings() {
    let port = Provider::free_port();
    let gistful = gistful(port).await;
    let _provider = Provider::start(port, &gistful, people());
    let bob = Browser::new();
    bob.sign_in(&gistful, "bob", "bob-pw").await;
    assert_eq!(bob.who(&gistful).await["username"], "Bob-Builder");
    let settings = bob
        .get(&gistful.url("/settings"))
        .await
        .text()
        .await
        .unwrap();
    assert!(settings.contains("You may change it once"), "{settings}");
    assert!(
        !settings.contains("Change password"),
        "no password to change"
    );

    let choose = |name: &'static str| {
        bob.http
            .post(gistful.url("/sfn/choose_username"))
            .header("origin", &gistful.base)
            .form(&[("username", name)])
            .send()
    };
    assert!(!choose("bob").await.unwrap().status().is_client_error());
    assert_eq!(bob.who(&gistful).await["username"], "bob");
    let again = choose("robert").await.unwrap();
    assert_eq!(again.status(), 403);
    assert_eq!(bob.who(&gistful).await["username"], "bob");
    let settings = bob
        .get(&gistful.url("/settings"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!settings.contains("You may change it once"));
    // The provider's bob still signs in to it.
    let later = Browser::new();
    later.sign_in(&gistful, "bob", "bob-pw").await;
    assert_eq!(later.who(&gistful).await["username"], "bob");
}

#[tokio::test]
async fn the_github_preset_signs_in_through_a_github_enterprise_address() {
    // GitHub's own paths (`/login/oauth/...`, the API under `/api/v3` for an Enterprise
    // address), client credentials in the form as GitHub wants them.
    let port = Provider::free_port();
    let forge = format!("http://127.0.0.1:{port}");
    let gistful = Server::start_with(&[
        ("OG_GITHUB_CLIENT_KEY", "gistful-post"),
        ("OG_GITHUB_SECRET", "gistful-secret"),
        ("OG_GITHUB_URL", forge.as_str()),
        ("OG_GITHUB_NAME", "Corp GitHub"),
    ])
    .await;
    let _provider = Provider::start(port, &gistful, people());
    let login = login_page(&gistful).await;
    assert!(login.contains("Sign in with Corp GitHub"), "{login}");
    let browser = Browser::new();
    let callback = browser
        .to_callback_of("github", &gistful, "alice", "alice-pw")
        .await;
    let (end, _) = browser
        .follow(browser.get(callback.as_str()).await, |_| false)
        .await;
    assert_eq!(end.path(), "/settings", "{end}");
    assert_eq!(browser.who(&gistful).await["username"], "alice");
}
