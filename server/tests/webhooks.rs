//! Webhooks, end to end: hooks added through the settings' server functions, events
//! raised by the API, delivered by the real worker over real HTTP to receivers this test
//! starts on 127.0.0.1, each signed (HMAC-SHA256) and each once; a failing receiver
//! retried then recorded as failed, and redelivered; a private gist's events reaching
//! only its owner's hooks; and hooks into the server's own network refused by default.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, Method, StatusCode};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use app::rules::Scope;
use common::app::{Answer, TestApp};

#[derive(Debug, Clone)]
struct Received {
    event: String,
    delivery: String,
    signature: String,
    body: Vec<u8>,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// An HTTP server on 127.0.0.1 that keeps what it is sent and answers `status`.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Received>>>,
    status: Arc<std::sync::atomic::AtomicU16>,
}

impl Receiver {
    async fn start(status: u16) -> Receiver {
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let status = Arc::new(std::sync::atomic::AtomicU16::new(status));
        let (kept, answer) = (got.clone(), status.clone());
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
                let (kept, answer) = (kept.clone(), answer.clone());
                async move {
                    let header = |name: &str| {
                        headers
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    kept.lock().unwrap().push(Received {
                        event: header("x-gistful-event"),
                        delivery: header("x-gistful-delivery"),
                        signature: header("x-gistful-signature-256"),
                        body: body.to_vec(),
                    });
                    StatusCode::from_u16(answer.load(std::sync::atomic::Ordering::SeqCst)).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { url, got, status }
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits (at most 20 s) until `n` requests arrived.
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            if self.received().len() >= n {
                return self.received();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {n} deliveries, got {:?}", self.received());
    }
}

fn signed(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

async fn sfn(app: &TestApp, function: &str, cookie: &str, form: &[(&str, &str)]) -> Answer {
    app.request(Method::POST, &format!("/sfn/{function}"))
        .header("origin", app.origin())
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
}

async fn api(app: &TestApp, method: Method, path: &str, token: &str, body: Option<Value>) -> Value {
    let mut call = app
        .request(method, path)
        .header("authorization", format!("Bearer {token}"));
    if let Some(body) = body {
        call = call.json(&body);
    }
    let answer = call.send().await;
    assert!(
        answer.status.is_success(),
        "{path}: {} {}",
        answer.status,
        answer.body
    );
    serde_json::from_str(&answer.body).unwrap_or(Value::Null)
}

/// Adds a hook for every event through the settings form; returns its id.
async fn add_hook(app: &TestApp, cookie: &str, instance: bool, url: &str, secret: &str) -> i64 {
    let mut form = vec![
        ("instance", if instance { "true" } else { "false" }),
        ("url", url),
        ("secret", secret),
    ];
    let names: Vec<String> = (0..6).map(|i| format!("events[{i}]")).collect();
    for (name, event) in names.iter().zip(app::rules::webhooks::Event::ALL) {
        form.push((name, event.name()));
    }
    let answer = sfn(app, "add_webhook", cookie, &form).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let listed = sfn(
        app,
        "webhooks",
        cookie,
        &[("instance", if instance { "true" } else { "false" })],
    )
    .await;
    let hooks: Value = listed.json();
    let hook = hooks
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["url"] == url)
        .unwrap_or_else(|| panic!("{hooks}"));
    assert_eq!(hook["events"].as_array().unwrap().len(), 6, "{hook}");
    assert!(!listed.body.contains(secret), "the secret is never shown");
    hook["id"].as_i64().unwrap()
}

/// A hook's log once its newest delivery has `status` (or after 5 s, as it then is).
async fn log_once(
    app: &TestApp,
    owner: i64,
    hook: i64,
    status: &str,
) -> Vec<app::services::webhooks::DeliveryView> {
    let mut log = Vec::new();
    for _ in 0..50 {
        log = app
            .state
            .webhooks
            .deliveries(Some(owner), hook)
            .await
            .unwrap();
        if log[0].status == status {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    log
}

fn events_of(received: &[Received]) -> Vec<(String, String)> {
    let mut events: Vec<(String, String)> = received
        .iter()
        .map(|r| {
            (
                r.event.clone(),
                r.json()["gist"]["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    events.sort();
    events
}

#[tokio::test]
async fn each_event_once_signed_and_private_gists_only_to_their_owner() {
    let app = TestApp::with_env(&[("OG_WEBHOOKS_ALLOW_PRIVATE", "true")]).await;
    let root = app.user("root", true).await;
    let alice = app.user("alice", false).await;
    let bob = app.user("bob", false).await;
    let (root_cookie, alice_cookie, bob_cookie) = (
        app.session(&root).await,
        app.session(&alice).await,
        app.session(&bob).await,
    );
    let (alices, bobs, instance) = (
        Receiver::start(200).await,
        Receiver::start(200).await,
        Receiver::start(204).await,
    );
    let alice_hook = add_hook(&app, &alice_cookie, false, &alices.url, "alice-secret").await;
    let bob_hook = add_hook(&app, &bob_cookie, false, &bobs.url, "bob-secret").await;
    add_hook(&app, &root_cookie, true, &instance.url, "instance-secret").await;
    // The instance's hooks are the admin's alone.
    let refused = sfn(&app, "webhooks", &alice_cookie, &[("instance", "true")]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);

    let a = app.token(&alice, &Scope::ALL).await;
    let b = app.token(&bob, &Scope::ALL).await;
    let file = |content: &str| json!({ "files": { "a.txt": { "content": content } } });
    // A public gist: created, updated, starred, forked, commented on, deleted.
    let mut body = file("one");
    body["public"] = json!(true);
    let public = api(&app, Method::POST, "/api/gists", &a, Some(body)).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api(
        &app,
        Method::PATCH,
        &format!("/api/gists/{public}"),
        &a,
        Some(file("two")),
    )
    .await;
    api(
        &app,
        Method::PUT,
        &format!("/api/gists/{public}/star"),
        &b,
        None,
    )
    .await;
    // A second star by the same person is no new event.
    api(
        &app,
        Method::PUT,
        &format!("/api/gists/{public}/star"),
        &b,
        None,
    )
    .await;
    let fork = api(
        &app,
        Method::POST,
        &format!("/api/gists/{public}/forks"),
        &b,
        None,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api(
        &app,
        Method::POST,
        &format!("/api/gists/{public}/comments"),
        &b,
        Some(json!({ "body": "nice" })),
    )
    .await;
    // A private gist: created, updated, deleted.
    let mut body = file("secret words");
    body["visibility"] = json!("private");
    let private = api(&app, Method::POST, "/api/gists", &a, Some(body)).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api(
        &app,
        Method::PATCH,
        &format!("/api/gists/{private}"),
        &a,
        Some(file("more secret")),
    )
    .await;
    api(
        &app,
        Method::DELETE,
        &format!("/api/gists/{private}"),
        &a,
        None,
    )
    .await;
    api(
        &app,
        Method::DELETE,
        &format!("/api/gists/{public}"),
        &a,
        None,
    )
    .await;

    // Alice's hook hears of all of it.
    let mut expected: Vec<(String, String)> = [
        ("gist.created", &public),
        ("gist.updated", &public),
        ("gist.starred", &public),
        ("gist.forked", &public),
        ("comment.created", &public),
        ("gist.deleted", &public),
        ("gist.created", &private),
        ("gist.updated", &private),
        ("gist.deleted", &private),
    ]
    .iter()
    .map(|(e, id)| ((*e).to_owned(), (*id).clone()))
    .collect();
    expected.sort();
    let got = alices.wait_for(expected.len()).await;
    // The instance's hook: the public gist's events only.
    let public_only: Vec<(String, String)> = expected
        .iter()
        .filter(|(_, id)| *id == public)
        .cloned()
        .collect();
    let got_instance = instance.wait_for(public_only.len()).await;
    // Nothing more arrives: each event once.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let got = alices.received().len().max(got.len());
    assert_eq!(got, expected.len(), "{:?}", events_of(&alices.received()));
    assert_eq!(events_of(&alices.received()), expected);
    assert_eq!(events_of(&instance.received()), public_only);
    assert_eq!(got_instance.len(), instance.received().len());
    // Bob's hook hears nothing of Alice's gists (his fork raised no event of hers).
    assert!(
        bobs.received().is_empty(),
        "{:?}",
        events_of(&bobs.received())
    );
    let bob_log = app
        .state
        .webhooks
        .deliveries(Some(bob.id), bob_hook)
        .await
        .unwrap();
    assert!(bob_log.is_empty());

    // Signed with each hook's own secret, each delivery its own id, the header's event
    // the payload's.
    let mut ids = std::collections::HashSet::new();
    for (receiver, secret) in [(&alices, "alice-secret"), (&instance, "instance-secret")] {
        for r in receiver.received() {
            assert_eq!(r.signature, signed(secret, &r.body), "{}", r.event);
            assert_ne!(r.signature, signed("wrong", &r.body));
            assert!(
                ids.insert(r.delivery.clone()),
                "delivered twice: {}",
                r.delivery
            );
            let payload = r.json();
            assert_eq!(payload["event"], r.event.as_str());
            assert_eq!(payload["gist"]["owner"]["login"], "alice");
        }
    }
    // The private gist's content and title never left for the instance's hook.
    for r in instance.received() {
        assert!(!String::from_utf8_lossy(&r.body).contains(&private));
    }
    // What the payloads carry.
    let by_event: HashMap<String, Value> = alices
        .received()
        .iter()
        .filter(|r| r.json()["gist"]["id"] == public.as_str())
        .map(|r| (r.event.clone(), r.json()))
        .collect();
    assert_eq!(by_event["gist.starred"]["sender"]["login"], "bob");
    assert_eq!(by_event["gist.forked"]["forkee"]["id"], fork.as_str());
    assert_eq!(by_event["comment.created"]["comment"]["body"], "nice");
    assert_eq!(by_event["gist.created"]["gist"]["public"], true);
    assert_eq!(by_event["gist.created"]["action"], "created");

    // The log shows each delivery with its answer.
    let log = sfn(
        &app,
        "webhook_deliveries",
        &alice_cookie,
        &[("instance", "false"), ("hook", &alice_hook.to_string())],
    )
    .await
    .json();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), expected.len());
    assert!(
        log.iter()
            .all(|d| d["status"] == "delivered" && d["response_code"] == 200),
        "{log:?}"
    );
    // The pages: Settings lists one's own hooks with their log, the admin panel's tab the
    // instance's; neither shows a secret.
    let page = |path: &'static str, cookie: String| {
        let app = &app;
        async move {
            app.request(Method::GET, path)
                .header("cookie", cookie)
                .send()
                .await
        }
    };
    let settings = page("/settings", alice_cookie.clone()).await;
    assert_eq!(settings.status, StatusCode::OK);
    assert!(settings.body.contains(&alices.url) && !settings.body.contains(&bobs.url));
    assert!(settings.body.contains("Recent deliveries") && settings.body.contains("Redeliver"));
    assert!(!settings.body.contains("alice-secret"));
    let admin = page("/admin?tab=webhooks", root_cookie.clone()).await;
    assert!(admin.body.contains(&instance.url), "{}", admin.body);
    assert!(admin.body.contains("every public gist"));
    assert!(!admin.body.contains("instance-secret"));
    assert_eq!(
        page("/admin?tab=webhooks", alice_cookie.clone())
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Someone else's log does not exist.
    let theirs = sfn(
        &app,
        "webhook_deliveries",
        &bob_cookie,
        &[("instance", "false"), ("hook", &alice_hook.to_string())],
    )
    .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_failing_receiver_is_retried_then_recorded_and_can_be_redelivered() {
    let app = TestApp::with_env(&[
        ("OG_WEBHOOKS_ALLOW_PRIVATE", "true"),
        ("OG_WEBHOOKS_MAX_ATTEMPTS", "3"),
        ("OG_WEBHOOKS_RETRY_BASE_SECONDS", "1"),
    ])
    .await;
    let alice = app.user("alice", false).await;
    let cookie = app.session(&alice).await;
    let receiver = Receiver::start(500).await;
    let hook = add_hook(&app, &cookie, false, &receiver.url, "s3cret").await;
    let token = app.token(&alice, &Scope::ALL).await;
    api(
        &app,
        Method::POST,
        "/api/gists",
        &token,
        Some(json!({ "files": { "a.txt": { "content": "x" } } })),
    )
    .await;

    // Three attempts of one delivery, a second apart then two.
    let started = std::time::Instant::now();
    let got = receiver.wait_for(3).await;
    assert!(
        started.elapsed() >= Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(
        got.iter()
            .all(|r| r.delivery == got[0].delivery && r.event == "gist.created")
    );
    // Then it is recorded as failed, with the answer, and not tried again.
    let log = log_once(&app, alice.id, hook, "failed").await;
    assert_eq!(log.len(), 1);
    assert_eq!(
        (
            log[0].status.as_str(),
            log[0].attempts,
            log[0].response_code
        ),
        ("failed", 3, Some(500))
    );
    assert!(
        log[0].error.as_deref().unwrap_or_default().contains("500"),
        "{:?}",
        log[0]
    );
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(receiver.received().len(), 3);

    // Redeliver, now that the receiver is mended: a new delivery of the same payload.
    receiver
        .status
        .store(200, std::sync::atomic::Ordering::SeqCst);
    let answer = sfn(
        &app,
        "redeliver_webhook",
        &cookie,
        &[("instance", "false"), ("delivery", &log[0].id.to_string())],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let got = receiver.wait_for(4).await;
    assert_eq!(got[3].body, got[0].body);
    assert_ne!(got[3].delivery, got[0].delivery);
    let log = log_once(&app, alice.id, hook, "delivered").await;
    assert_eq!(
        (log[0].status.as_str(), log[0].response_code),
        ("delivered", Some(200))
    );
    assert_eq!(log[1].status, "failed");
}

/// Asks for a ping of hook `id` through the settings' server function.
async fn ping(app: &TestApp, cookie: &str, instance: &str, id: i64) -> Answer {
    sfn(
        app,
        "ping_webhook",
        cookie,
        &[("instance", instance), ("id", &id.to_string())],
    )
    .await
}

#[tokio::test]
async fn a_ping_tests_a_hook_and_only_its_owner_may_send_one() {
    let app = TestApp::with_env(&[("OG_WEBHOOKS_ALLOW_PRIVATE", "true")]).await;
    let admin = app.user("root", true).await;
    let alice = app.user("alice", false).await;
    let bob = app.user("bob", false).await;
    let (admin_cookie, alice_cookie, bob_cookie) = (
        app.session(&admin).await,
        app.session(&alice).await,
        app.session(&bob).await,
    );
    let receiver = Receiver::start(200).await;
    let hook = add_hook(&app, &alice_cookie, false, &receiver.url, "pong").await;
    let instance_hook = add_hook(&app, &admin_cookie, true, &receiver.url, "inst").await;

    // Bob cannot ping Alice's hook, nor the instance's: neither exists for him.
    for (instance, id) in [("false", hook), ("true", instance_hook)] {
        let answer = ping(&app, &bob_cookie, instance, id).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.body);
    }
    // Nor can Alice reach the instance's hook by naming it as hers.
    let answer = ping(&app, &alice_cookie, "false", instance_hook).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.body);

    let answer = ping(&app, &alice_cookie, "false", hook).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let got = receiver.wait_for(1).await;
    let pinged = &got[0];
    assert_eq!(pinged.event, "ping");
    assert_eq!(pinged.signature, signed("pong", &pinged.body));
    let body = pinged.json();
    assert_eq!(body["hook_id"], hook);
    assert_eq!(body["hook"]["config"]["url"], receiver.url.as_str());
    assert_eq!(body["hook"]["type"], "User");
    assert_eq!(body["hook"]["events"].as_array().unwrap().len(), 6);
    assert!(
        !body.to_string().contains("pong"),
        "the secret is never sent"
    );
    let log = log_once(&app, alice.id, hook, "delivered").await;
    assert_eq!(
        (log[0].event.as_str(), log[0].response_code),
        ("ping", Some(200))
    );

    // The admin pings the instance's hook, signed with its own secret.
    let answer = ping(&app, &admin_cookie, "true", instance_hook).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let got = receiver.wait_for(2).await;
    assert_eq!(got[1].signature, signed("inst", &got[1].body));
    assert_eq!(got[1].json()["hook"]["type"], "Instance");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.received().len(), 2, "one ping each, nothing else");
}

#[tokio::test]
async fn hooks_into_the_servers_own_network_are_refused_by_default() {
    let app = TestApp::new().await;
    app.user("root", true).await;
    let alice = app.user("alice", false).await;
    let cookie = app.session(&alice).await;
    let receiver = Receiver::start(200).await;
    for url in [
        receiver.url.as_str(),
        "http://localhost:3000/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://10.0.0.1/hook",
    ] {
        let answer = sfn(
            &app,
            "add_webhook",
            &cookie,
            &[
                ("instance", "false"),
                ("url", url),
                ("secret", "s"),
                ("events[0]", "gist.created"),
            ],
        )
        .await;
        assert_ne!(answer.status, StatusCode::OK, "{url}");
        assert!(
            answer.body.contains("inside this server"),
            "{url}: {}",
            answer.body
        );
    }
    assert!(
        app.state
            .webhooks
            .list(Some(alice.id))
            .await
            .unwrap()
            .is_empty()
    );
    // Malformed, unknown events, no secret: each named.
    for (form, says) in [
        (
            vec![
                ("url", "ftp://example.com/"),
                ("secret", "s"),
                ("events[0]", "gist.created"),
            ],
            "http:// or https://",
        ),
        (
            vec![
                ("url", "https://example.com/"),
                ("secret", "s"),
                ("events[0]", "gist.exploded"),
            ],
            "gist.exploded",
        ),
        (
            vec![
                ("url", "https://example.com/"),
                ("secret", ""),
                ("events[0]", "gist.created"),
            ],
            "secret",
        ),
        (
            vec![("url", "https://example.com/"), ("secret", "s")],
            "at least one event",
        ),
    ] {
        let mut form = form;
        form.push(("instance", "false"));
        let answer = sfn(&app, "add_webhook", &cookie, &form).await;
        assert_ne!(answer.status, StatusCode::OK);
        assert!(answer.body.contains(says), "{says}: {}", answer.body);
    }
    // A public address is taken, and a non-admin cannot add the instance's.
    let ok = sfn(
        &app,
        "add_webhook",
        &cookie,
        &[
            ("instance", "false"),
            ("url", "https://hooks.example.com/x"),
            ("secret", "s"),
            ("events[0]", "gist.created"),
        ],
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let instance = sfn(
        &app,
        "add_webhook",
        &cookie,
        &[
            ("instance", "true"),
            ("url", "https://hooks.example.com/x"),
            ("secret", "s"),
            ("events[0]", "gist.created"),
        ],
    )
    .await;
    assert_eq!(instance.status, StatusCode::NOT_FOUND);
    assert!(app.state.webhooks.list(None).await.unwrap().is_empty());

    // Removed through the form, it is gone; someone else's cannot be removed.
    let id = app.state.webhooks.list(Some(alice.id)).await.unwrap()[0]
        .id
        .to_string();
    let bob = app.user("bob", false).await;
    let bob_cookie = app.session(&bob).await;
    let theirs = sfn(
        &app,
        "remove_webhook",
        &bob_cookie,
        &[("instance", "false"), ("id", &id)],
    )
    .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let removed = sfn(
        &app,
        "remove_webhook",
        &cookie,
        &[("instance", "false"), ("id", &id)],
    )
    .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    assert!(
        app.state
            .webhooks
            .list(Some(alice.id))
            .await
            .unwrap()
            .is_empty()
    );
}
