//! The maintenance jobs, started the way the admin panel starts them (its server
//! functions) on a server under write load, and from the CLI with its progress bar.
//! Whatever a job does, no gist is lost or changed behind its owner's back: the count
//! and every head are what the writers made, and git and the database agree.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::http::Method;
use sea_orm::{EntityTrait, PaginatorTrait, QuerySelect};
use serde_json::{Value, json};

use app::entities::gist;
use app::rules::Scope;
use app::rules::Visibility;
use common::app::TestApp;

async fn call(app: &TestApp, cookie: &str, function: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let answer = app
        .request(Method::POST, &format!("/sfn/{function}"))
        .form(form)
        .header("origin", app.origin())
        .header("cookie", cookie)
        .send()
        .await;
    let body = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
    (answer.status.as_u16(), body)
}

/// Every gist's head in the database.
async fn heads(app: &TestApp) -> HashMap<String, String> {
    gist::Entity::find()
        .select_only()
        .column(gist::Column::Id)
        .column(gist::Column::Head)
        .into_tuple::<(String, String)>()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .collect()
}

fn commits(repo: &Path) -> u64 {
    let out = common::git(repo, &["rev-list", "--count", "HEAD"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    common::stdout(&out).trim().parse().unwrap()
}

#[tokio::test]
async fn every_job_runs_under_write_load_and_loses_nothing() {
    let app = TestApp::new().await;
    let admin = app.user("root", true).await;
    let alice = app.user("alice", false).await;
    let cookie = app.session(&admin).await;
    let token = app
        .token(&alice, &[Scope::GistRead, Scope::GistWrite])
        .await;

    let mut quiet = Vec::new();
    for i in 0..10 {
        quiet.push(
            app.gist(&alice, Visibility::Public, &format!("quiet {i}"))
                .await,
        );
    }
    let hot = app.gist(&alice, Visibility::Public, "hot").await;
    let expired = app.gist(&alice, Visibility::Public, "soon gone").await;
    app.expire(&expired).await;
    // A repository no gist refers to, from long ago: Repair moves it aside, never away.
    let store = app.state.gists.store().clone();
    let orphan = "0123456789abcdef0123456789abcdef";
    std::fs::create_dir_all(store.path(orphan).parent().unwrap()).unwrap();
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(store.path(&quiet[0]))
        .arg(store.path(orphan))
        .status()
        .unwrap();
    assert!(copied.success());
    let touched = std::process::Command::new("touch")
        .args(["-d", "2 hours ago"])
        .arg(store.path(orphan))
        .status()
        .unwrap();
    assert!(touched.success());
    let before = heads(&app).await;

    // The write load: edits of one gist and new gists, through the API, all along.
    let stop = Arc::new(AtomicBool::new(false));
    let (edits, created) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let load = {
        let (stop, edits, created) = (stop.clone(), edits.clone(), created.clone());
        let (router, hot, token) = (app.router.clone(), hot.clone(), token.clone());
        tokio::spawn(async move {
            use tower::ServiceExt;
            let send = |method: Method, path: String, body: Value| {
                let router = router.clone();
                let token = token.clone();
                async move {
                    let req = axum::http::Request::builder()
                        .method(method)
                        .uri(path)
                        .header("authorization", format!("token {token}"))
                        .header("content-type", "application/json")
                        .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                            [127, 0, 0, 1],
                            9,
                        ))))
                        .body(axum::body::Body::from(body.to_string()))
                        .unwrap();
                    router.oneshot(req).await.unwrap().status().as_u16()
                }
            };
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let body = json!({"files": {"a.txt": {"content": format!("edit {n}\n")}}});
                let status = send(Method::PATCH, format!("/api/gists/{hot}"), body).await;
                assert_eq!(status, 200, "an edit failed during a job");
                edits.fetch_add(1, Ordering::Relaxed);
                if n % 3 == 0 {
                    let body =
                        json!({"public": true, "files": {"n.txt": {"content": format!("{n}\n")}}});
                    let status = send(Method::POST, "/api/gists".into(), body).await;
                    assert_eq!(status, 201, "a new gist failed during a job");
                    created.fetch_add(1, Ordering::Relaxed);
                }
            }
        })
    };

    // A job waits for each gist's lock as edits do: held here, the repack (oldest gist
    // first) gets past quiet 0-4, stops at quiet 5 and shows where it is; one job runs at
    // a time meanwhile.
    let held = app.state.gists.lock(&quiet[5]).await.unwrap();
    let (status, _) = call(&app, &cookie, "admin_start_job", &[("job", "repack")]).await;
    assert_eq!(status, 200);
    let deadline = Instant::now() + Duration::from_secs(60);
    let waiting = loop {
        let (_, now) = call(&app, &cookie, "admin_job_status", &[]).await;
        assert_eq!(now["running"], true, "{now}");
        if now["done"].as_u64() > Some(0) {
            break now;
        }
        assert!(Instant::now() < deadline, "{now}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, still) = call(&app, &cookie, "admin_job_status", &[]).await;
    assert_eq!(still["running"], true, "{still}");
    assert_eq!(still["job"], "Repack");
    assert_eq!(
        still["done"], 5,
        "the five older gists, then the held one: {still}"
    );
    assert!(
        still["done"].as_u64() < still["total"].as_u64(),
        "{still} {waiting}"
    );
    let (status, refused) = call(&app, &cookie, "admin_start_job", &[("job", "reindex")]).await;
    assert_eq!(status, 409, "{refused}");
    drop(held);

    let mut reports = HashMap::new();
    for job in ["reindex", "repack", "repair", "regenerate", "purge-expired"] {
        let deadline = Instant::now() + Duration::from_secs(60);
        let started = loop {
            let (status, started) = call(&app, &cookie, "admin_start_job", &[("job", job)]).await;
            if status == 200 {
                break started;
            }
            // The repack above finishing.
            assert_eq!(status, 409, "{job}: {started}");
            assert!(Instant::now() < deadline);
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(started["running"], true);
        let deadline = Instant::now() + Duration::from_secs(120);
        let done = loop {
            let (status, now) = call(&app, &cookie, "admin_job_status", &[]).await;
            assert_eq!(status, 200, "{now}");
            if now["running"] == false {
                break now;
            }
            assert!(now["done"].as_u64() <= now["total"].as_u64().map(|t| t.max(1)));
            assert!(Instant::now() < deadline, "{job} did not finish");
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert!(done["total"].as_u64().unwrap() >= 1, "{job}: {done}");
        assert_eq!(done["job"], started["job"]);
        assert_eq!(done["error"], Value::Null, "{job}: {done}");
        assert_eq!(done["done"], done["total"], "{job}: {done}");
        reports.insert(job, done["report"].as_str().unwrap().to_owned());
    }
    stop.store(true, Ordering::Relaxed);
    load.await.unwrap();

    // What each job did.
    assert!(reports["reindex"].starts_with("indexed "), "{reports:?}");
    assert!(
        reports["repack"].starts_with("repacked "),
        "{}",
        reports["repack"]
    );
    assert!(
        reports["repair"].contains(&format!(
            "orphan repository: {orphan} (moved to lost+found)"
        )),
        "{}",
        reports["repair"]
    );
    assert!(reports["regenerate"].starts_with("regenerated "));
    assert_eq!(reports["purge-expired"], "deleted 1 expired gists");
    assert!(
        app.state
            .home
            .join("lost+found")
            .join(format!("{orphan}.git"))
            .join("HEAD")
            .exists()
    );
    assert!(!store.exists(orphan));

    // Nothing lost, nothing changed behind anyone's back.
    let after = heads(&app).await;
    let created = created.load(Ordering::Relaxed);
    assert!(edits.load(Ordering::Relaxed) > 0);
    assert_eq!(after.len() as u64, 10 + 1 + created, "the gist count");
    assert_eq!(
        gist::Entity::find().count(&app.state.db).await.unwrap(),
        after.len() as u64
    );
    for id in &quiet {
        assert_eq!(after[id], before[id], "a quiet gist's head moved");
    }
    assert!(!after.contains_key(&expired));
    for (id, head) in &after {
        assert_eq!(
            &store.head(id).unwrap(),
            head,
            "git and the database disagree"
        );
    }
    assert_eq!(
        commits(&store.path(&hot)),
        1 + edits.load(Ordering::Relaxed),
        "an edit was lost"
    );
    // Repacked: a quiet gist's objects are in a pack now.
    let packs = std::fs::read_dir(store.path(&quiet[1]).join("objects/pack"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".pack"))
        .count();
    assert!(packs >= 1);
    // Re-indexed: every gist there was is in the index again.
    app.state.search.catch_up().await.unwrap();
    assert!(app.state.search.documents_count() >= 11);
    let check = app_check(&app, &cookie).await;
    assert_eq!(check["stale_rows"], json!([]), "{check}");
    assert_eq!(check["missing_repositories"], json!([]), "{check}");
    assert_eq!(check["orphan_repositories"], json!([]), "{check}");
}

async fn app_check(app: &TestApp, cookie: &str) -> Value {
    let (status, report) = call(app, cookie, "admin_check", &[]).await;
    assert_eq!(status, 200, "{report}");
    report
}

#[tokio::test]
async fn only_admins_see_or_start_jobs_and_unknown_jobs_are_refused() {
    let app = TestApp::new().await;
    let admin = app.user("root", true).await;
    let bob = app.user("bob", false).await;
    let bobs = app.session(&bob).await;
    let (status, _) = call(&app, &bobs, "admin_start_job", &[("job", "repack")]).await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, &bobs, "admin_job_status", &[]).await;
    assert_eq!(status, 404);
    let admins = app.session(&admin).await;
    let (status, body) = call(&app, &admins, "admin_job_status", &[]).await;
    assert_eq!((status, body), (200, Value::Null));
    let (status, _) = call(&app, &admins, "admin_start_job", &[("job", "rm")]).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_cli_runs_a_job_with_a_progress_bar_while_the_server_runs() {
    let server = common::Server::start_with(&[("OG_SSH_GIT_ENABLED", "false")]).await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:write");
    let mut heads = Vec::new();
    for i in 0..3 {
        let gist = common::create_gist(
            &server.base,
            &token,
            json!({"public": true, "files": {"a.txt": {"content": format!("{i}\n")}}}),
        )
        .await;
        heads.push((gist["id"].clone(), gist["history"][0]["version"].clone()));
    }
    // Under a terminal (`script` gives it one), as an admin would run it.
    let command = format!("{} admin job repack", common::binary());
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("OG_HOME", &server.home)
        .env("OG_LOG_LEVEL", "warn")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("Repack repositories"), "{shown}");
    assert!(shown.contains("3/3"), "{shown}");
    assert!(shown.contains('█'), "no bar drawn: {shown}");
    assert!(shown.contains("repacked 3 repositories"), "{shown}");
    // The gists are as they were.
    let client = reqwest::Client::new();
    for (id, head) in &heads {
        let gist: Value = client
            .get(server.url(&format!("/api/gists/{}", id.as_str().unwrap())))
            .header("authorization", format!("token {token}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(&gist["history"][0]["version"], head);
    }
    // Reindex needs the index the running server holds: a clear message, not a hang.
    let out = common::run(&server.home, &["admin", "job", "reindex"], "");
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("Maintenance tab"),
        "{}",
        common::stderr(&out)
    );
}
