//! A gist's lifecycle through the real server: the API, the pages, raw files, embeds and
//! the real `git` client. Expiry on every door (at read time, then the sweep), archive on
//! every write door, custom URLs, push options and `master`, the comments switch, pins.

mod common;

use std::path::Path;
use std::process::Output;

use common::{Server, git};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

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

fn commit_file(dir: &Path, name: &str, content: &str) {
    std::fs::write(dir.join(name), content).unwrap();
    ok(git(dir, &["add", "-A"]));
    ok(git(dir, &["commit", "-q", "-m", name]));
}

struct Api<'a> {
    server: &'a Server,
}

impl Api<'_> {
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req =
            reqwest::Client::new().request(method, self.server.url(&format!("/api{path}")));
        if let Some(token) = token {
            req = req.header("authorization", format!("token {token}"));
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.call(Method::GET, path, token, None).await
    }
}

async fn status(server: &Server, path: &str) -> StatusCode {
    reqwest::get(server.url(path)).await.unwrap().status()
}

async fn body(server: &Server, path: &str) -> (StatusCode, String) {
    let res = reqwest::get(server.url(path)).await.unwrap();
    (res.status(), res.text().await.unwrap())
}

fn authed(server: &Server, user: &str, token: &str, path: &str) -> String {
    let host = server.base.trim_start_matches("http://");
    format!("http://{user}:{token}@{host}{path}")
}

#[tokio::test]
async fn an_expired_gist_is_gone_from_every_door_then_swept() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // A sweep far away: whatever answers 404 below does so at read time.
    let mut server =
        Server::start_in(home.path(), &[("OG_GIST_EXPIRY_SWEEP_SECONDS", "3600")]).await;
    common::create_user(home.path(), "alice", "password123");
    let token = common::create_token(home.path(), "alice", "gist:read,gist:write");
    let api = Api { server: &server };
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"public": true, "description": "ephemeralmarker", "expires_at": soon,
               "files": {"a.txt": {"content": "short-lived\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap().to_owned();
    assert_eq!(gist["expires_at"].as_str().unwrap()[..19], soon[..19]);
    let (code, page) = body(&server, &format!("/alice/{id}")).await;
    assert_eq!(code, 200);
    assert!(page.contains("expires in"), "the page says when it goes");

    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    for path in [
        format!("/alice/{id}"),
        format!("/alice/{id}/revisions"),
        format!("/alice/{id}/raw/HEAD/a.txt"),
        format!("/alice/{id}/download/HEAD/a.txt"),
        format!("/alice/{id}/archive/HEAD.zip"),
        format!("/alice/{id}.js"),
        format!("/alice/{id}.json"),
        format!("/api/gists/{id}"),
        format!("/api/gists/{id}/commits"),
        format!("/api/gists/{id}/comments"),
    ] {
        assert_eq!(status(&server, &path).await, 404, "{path}");
    }
    assert_eq!(
        api.get(&format!("/gists/{id}"), Some(&token)).await.0,
        404,
        "not even its owner"
    );
    for list in [
        "/gists/public",
        "/users/alice/gists",
        "/search/gists?q=ephemeralmarker",
    ] {
        let (code, found) = api.get(list, Some(&token)).await;
        assert_eq!(code, 200, "{list}");
        assert!(!found.to_string().contains(&id), "{list}: {found}");
    }
    let out = git(
        work.path(),
        &[
            "clone",
            "-q",
            &authed(&server, "alice", &token, &format!("/alice/{id}.git")),
            "c",
        ],
    );
    assert!(!out.status.success(), "git clone of an expired gist");
    let repo = home
        .path()
        .join("repos")
        .join(&id[..2])
        .join(format!("{id}.git"));
    let repo = if repo.exists() {
        repo
    } else {
        home.path().join("repos").join(format!("{id}.git"))
    };
    assert!(repo.exists(), "the sweep has not run: {}", repo.display());

    // The sweep (at start, then every second) deletes its repository and row.
    server.terminate();
    let server = Server::start_in(home.path(), &[("OG_GIST_EXPIRY_SWEEP_SECONDS", "1")]).await;
    let mut gone = false;
    for _ in 0..50 {
        if !repo.exists() {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(gone, "the sweep removed {}", repo.display());
    assert_eq!(status(&server, &format!("/api/gists/{id}")).await, 404);
}

#[tokio::test]
async fn an_archived_gist_refuses_every_write_door() {
    let server = Server::start().await;
    let work = tempfile::tempdir().unwrap();
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let alice = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let bob = common::create_token(&server.home, "bob", "gist:read,gist:write,user:write");
    let api = Api { server: &server };
    let gist = common::create_gist(
        &server.base,
        &alice,
        json!({"public": true, "files": {"a.txt": {"content": "one\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    assert_eq!(gist["archived"], false);
    let url = authed(&server, "alice", &alice, &format!("/alice/{id}.git"));
    ok(git(work.path(), &["clone", "-q", &url, "c"]));
    let checkout = work.path().join("c");

    let (code, archived) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&alice),
            Some(json!({"archived": true})),
        )
        .await;
    assert_eq!(code, 200, "{archived}");
    assert_eq!(archived["archived"], true);
    let (code, refused) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&alice),
            Some(json!({"description": "new"})),
        )
        .await;
    assert_eq!(code, 409, "{refused}");
    assert!(
        refused["message"].as_str().unwrap().contains("archived"),
        "{refused}"
    );
    let (code, refused) = api
        .call(
            Method::POST,
            &format!("/gists/{id}/comments"),
            Some(&bob),
            Some(json!({"body": "hello"})),
        )
        .await;
    assert_eq!(code, 403, "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("archived"));
    commit_file(&checkout, "b.txt", "two\n");
    let pushed = failed(git(&checkout, &["push", "-q", "origin", "HEAD:main"]));
    assert!(pushed.contains("archived"), "{pushed}");
    // Stars and forks remain.
    assert_eq!(
        api.call(Method::PUT, &format!("/gists/{id}/star"), Some(&bob), None)
            .await
            .0,
        204
    );
    assert_eq!(
        api.call(
            Method::POST,
            &format!("/gists/{id}/forks"),
            Some(&bob),
            None
        )
        .await
        .0,
        201
    );
    let (_, page) = body(&server, &format!("/alice/{id}")).await;
    assert!(page.contains("badge-archived"));

    // Unarchived, every door writes again.
    let (code, open) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&alice),
            Some(json!({"archived": false, "description": "new"})),
        )
        .await;
    assert_eq!(code, 200, "{open}");
    assert_eq!(
        (open["archived"].clone(), open["description"].clone()),
        (json!(false), json!("new"))
    );
    // The description change was a commit of its own: pull it under the local one.
    ok(git(
        &checkout,
        &["pull", "-q", "--rebase", "origin", "main"],
    ));
    ok(git(&checkout, &["push", "-q", "origin", "HEAD:main"]));
    assert_eq!(
        api.call(
            Method::POST,
            &format!("/gists/{id}/comments"),
            Some(&bob),
            Some(json!({"body": "hello"}))
        )
        .await
        .0,
        201
    );
}

#[tokio::test]
async fn a_custom_url_works_on_every_door_and_frees_on_change() {
    let server = Server::start().await;
    let work = tempfile::tempdir().unwrap();
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let api = Api { server: &server };
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"public": true, "slug": "my-notes", "files": {"a.txt": {"content": "slugged\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();
    assert_eq!(gist["slug"], "my-notes");
    for path in [
        "/alice/my-notes",
        "/alice/My-Notes",
        &format!("/alice/{id}"),
    ] {
        let (code, page) = body(&server, path).await;
        assert_eq!(code, 200, "{path}");
        assert!(page.contains("slugged"), "{path}");
    }
    assert_eq!(
        body(&server, "/alice/my-notes/raw/HEAD/a.txt").await,
        (StatusCode::OK, "slugged\n".into())
    );
    assert_eq!(status(&server, "/alice/my-notes.js").await, 200);
    assert_eq!(
        status(&server, "/alice/my-notes/archive/HEAD.zip").await,
        200
    );
    assert_eq!(
        status(&server, "/bob/my-notes").await,
        404,
        "under its owner only"
    );
    ok(git(
        work.path(),
        &["clone", "-q", &server.url("/alice/my-notes.git"), "c"],
    ));
    assert_eq!(
        std::fs::read_to_string(work.path().join("c/a.txt")).unwrap(),
        "slugged\n"
    );

    // Taken, reserved, id-shaped: refused with 422, nothing changed.
    let other = common::create_gist(
        &server.base,
        &token,
        json!({"files": {"b.txt": {"content": "b"}}}),
    )
    .await;
    let other_id = other["id"].as_str().unwrap();
    for slug in ["My-NOTES", "edit", "cafe", "a b"] {
        let (code, refused) = api
            .call(
                Method::PATCH,
                &format!("/gists/{other_id}"),
                Some(&token),
                Some(json!({"slug": slug})),
            )
            .await;
        assert_eq!(code, 422, "{slug}: {refused}");
    }
    let (code, moved) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&token),
            Some(json!({"slug": "renamed"})),
        )
        .await;
    assert_eq!(code, 200, "{moved}");
    assert_eq!(
        status(&server, "/alice/my-notes").await,
        404,
        "the old URL names nothing"
    );
    assert_eq!(status(&server, "/alice/my-notes/raw/HEAD/a.txt").await, 404);
    assert_eq!(status(&server, "/alice/renamed").await, 200);
    assert!(
        !git(
            work.path(),
            &["clone", "-q", &server.url("/alice/my-notes.git"), "old"]
        )
        .status
        .success()
    );
    // The freed URL can name another gist, never the first one again.
    let (code, _) = api
        .call(
            Method::PATCH,
            &format!("/gists/{other_id}"),
            Some(&token),
            Some(json!({"slug": "my-notes"})),
        )
        .await;
    assert_eq!(code, 200);
    assert_eq!(body(&server, "/alice/my-notes/raw/HEAD/b.txt").await.1, "b");
    let (code, cleared) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&token),
            Some(json!({"slug": null})),
        )
        .await;
    assert_eq!(
        (code, cleared["slug"].clone()),
        (StatusCode::OK, Value::Null)
    );
}

#[tokio::test]
async fn push_options_and_master_over_http() {
    let server = Server::start().await;
    let work = tempfile::tempdir().unwrap();
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let api = Api { server: &server };
    let repo = work.path().join("new");
    std::fs::create_dir(&repo).unwrap();
    // As a new user would: git's default branch here is `master`.
    ok(git(&repo, &["init", "-q", "-b", "master"]));
    commit_file(&repo, "notes.md", "# Notes\n");
    let init = authed(&server, "alice", &token, "/init");
    let bad = failed(git(&repo, &["push", "-o", "colour=red", &init, "master"]));
    assert!(bad.contains("colour"), "names the option: {bad}");
    let bad = failed(git(
        &repo,
        &["push", "-o", "visibility=secret", &init, "master"],
    ));
    assert!(bad.contains("visibility"), "{bad}");
    let pushed = ok(git(
        &repo,
        &[
            "push",
            "-o",
            "title=From a push",
            "-o",
            "visibility=public",
            "-o",
            "topics=rust,notes",
            "-o",
            "expire=7d",
            "-o",
            "url=pushed-notes",
            &init,
            "master",
        ],
    ));
    assert!(pushed.contains("Your new gist"), "{pushed}");
    let (_, list) = api.get("/gists", Some(&token)).await;
    let gist = &list[0];
    let id = gist["id"].as_str().unwrap().to_owned();
    assert_eq!(gist["title"], "From a push");
    assert_eq!(gist["visibility"], "public");
    assert_eq!(gist["topics"], json!(["rust", "notes"]));
    assert_eq!(gist["slug"], "pushed-notes");
    assert!(gist["expires_at"].is_string());
    assert!(gist["files"]["notes.md"].is_object());

    // `master` again, to the gist: it moves `main`, and options apply to an existing gist.
    let url = authed(&server, "alice", &token, &format!("/alice/{id}.git"));
    commit_file(&repo, "more.md", "more\n");
    ok(git(
        &repo,
        &[
            "push",
            "-q",
            "-o",
            "expire=never",
            "-o",
            "description=pushed twice",
            &url,
            "master",
        ],
    ));
    let (_, gist) = api.get(&format!("/gists/{id}"), Some(&token)).await;
    assert!(gist["files"]["more.md"].is_object(), "{gist}");
    assert_eq!(gist["description"], "pushed twice");
    assert_eq!(gist["expires_at"], Value::Null);
    // One branch: a clone sees `main` only; any other branch is still refused.
    let refs = ok(git(&repo, &["ls-remote", &url]));
    assert!(
        refs.contains("refs/heads/main") && !refs.contains("master"),
        "{refs}"
    );
    let refused = failed(git(&repo, &["push", &url, "master:dev"]));
    assert!(refused.contains("one branch, main"), "{refused}");
    // A push to `main` takes options too.
    commit_file(&repo, "third.md", "3\n");
    ok(git(
        &repo,
        &[
            "push",
            "-q",
            "-o",
            "visibility=private",
            &url,
            "master:main",
        ],
    ));
    assert_eq!(
        api.get(&format!("/gists/{id}"), Some(&token)).await.1["visibility"],
        "private"
    );
    assert_eq!(status(&server, &format!("/alice/{id}")).await, 404);
}

#[tokio::test]
async fn comments_switch_and_pins_over_the_api() {
    let server = Server::start().await;
    common::create_user(&server.home, "alice", "password123");
    common::create_user(&server.home, "bob", "password123");
    let alice = common::create_token(&server.home, "alice", "gist:read,gist:write,user:write");
    let bob = common::create_token(&server.home, "bob", "gist:read,gist:write");
    let api = Api { server: &server };
    let mut ids = Vec::new();
    for i in 0..3 {
        let gist = common::create_gist(
            &server.base,
            &alice,
            json!({"public": true, "files": {"a.txt": {"content": format!("{i}")}}}),
        )
        .await;
        ids.push(gist["id"].as_str().unwrap().to_owned());
    }
    let id = &ids[0];
    let comments = format!("/gists/{id}/comments");
    assert_eq!(
        api.call(
            Method::POST,
            &comments,
            Some(&bob),
            Some(json!({"body": "first"}))
        )
        .await
        .0,
        201
    );

    let (code, closed) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&alice),
            Some(json!({"comments_mode": "closed"})),
        )
        .await;
    assert_eq!(
        (code, closed["comments_mode"].clone()),
        (StatusCode::OK, json!("closed"))
    );
    let (code, refused) = api
        .call(
            Method::POST,
            &comments,
            Some(&bob),
            Some(json!({"body": "again"})),
        )
        .await;
    assert_eq!(code, 403);
    assert!(
        refused["message"].as_str().unwrap().contains("turned off"),
        "{refused}"
    );
    assert_eq!(
        api.get(&comments, None).await.1.as_array().unwrap().len(),
        1,
        "still readable"
    );
    let (_, page) = body(&server, &format!("/alice/{id}")).await;
    assert!(page.contains("first") && page.contains("Comments are turned off"));

    api.call(
        Method::PATCH,
        &format!("/gists/{id}"),
        Some(&alice),
        Some(json!({"comments_mode": "hidden"})),
    )
    .await;
    assert_eq!(api.get(&comments, Some(&bob)).await.1, json!([]));
    assert_eq!(
        api.get(&comments, Some(&alice))
            .await
            .1
            .as_array()
            .unwrap()
            .len(),
        1,
        "its owner sees them"
    );
    let (_, page) = body(&server, &format!("/alice/{id}")).await;
    assert!(!page.contains("first"), "hidden from the page");
    let (code, bad) = api
        .call(
            Method::PATCH,
            &format!("/gists/{id}"),
            Some(&alice),
            Some(json!({"comments_mode": "maybe"})),
        )
        .await;
    assert_eq!(code, 422, "{bad}");

    // Pins: in the owner's order, own public gists only.
    let order = json!({"gist_ids": [ids[2], ids[0]]});
    let (code, pinned) = api
        .call(Method::PUT, "/user/pinned", Some(&alice), Some(order))
        .await;
    assert_eq!(code, 200, "{pinned}");
    let (_, shown) = api.get("/users/alice/pinned", None).await;
    let shown: Vec<&str> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(shown, vec![ids[2].as_str(), ids[0].as_str()]);
    let (code, _) = api
        .call(
            Method::PUT,
            "/user/pinned",
            Some(&bob),
            Some(json!({"gist_ids": [ids[1]]})),
        )
        .await;
    assert_eq!(code, 403, "bob's token may not write his profile");
    let (_, page) = body(&server, "/alice").await;
    assert!(page.contains("Pinned"), "the profile shows them");
    let seven: Vec<String> = (0..7).map(|_| ids[1].clone()).collect();
    assert_eq!(
        api.call(
            Method::PUT,
            "/user/pinned",
            Some(&alice),
            Some(json!({"gist_ids": seven}))
        )
        .await
        .0,
        422
    );
}
