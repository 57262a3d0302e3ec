//! `gistful admin import` from a second Gistful started here: three gists come with
//! every revision (the same commits), their descriptions and visibility; a second run
//! brings nothing new.

mod common;

use std::collections::HashMap;

use common::{Server, stderr, stdout};
use serde_json::{Value, json};

async fn api(
    server: &Server,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Value {
    let mut req = reqwest::Client::new()
        .request(method, server.url(&format!("/api{path}")))
        .header("authorization", format!("token {token}"));
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    assert!(res.status().is_success(), "{path}: {}", res.status());
    res.json().await.unwrap()
}

#[tokio::test]
async fn three_gists_come_with_their_history_once() {
    let source = Server::start_with(&[("OG_SSH_GIT_ENABLED", "false")]).await;
    common::create_user(&source.home, "alice", "password123");
    let token = common::create_token(&source.home, "alice", "gist:read,gist:write,user:read");
    // id -> (head, description, public)
    let mut made: HashMap<String, (String, String, bool)> = HashMap::new();
    for i in 0..3 {
        let public = i != 1;
        let gist = common::create_gist(
            &source.base,
            &token,
            json!({"description": format!("gist {i}"), "public": public,
                   "files": {"a.txt": {"content": format!("{i}.1\n")}}}),
        )
        .await;
        let id = gist["id"].as_str().unwrap().to_owned();
        let mut head = String::new();
        for n in 2..=3 {
            let edited = api(
                &source,
                &token,
                reqwest::Method::PATCH,
                &format!("/gists/{id}"),
                Some(json!({"files": {"a.txt": {"content": format!("{i}.{n}\n")}}})),
            )
            .await;
            head = edited["history"][0]["version"].as_str().unwrap().to_owned();
        }
        made.insert(id, (head, format!("gist {i}"), public));
    }

    let target = tempfile::tempdir().unwrap();
    common::create_user(target.path(), "bob", "password123");
    let from = source.url("/api");
    let args = [
        "admin", "import", "--from", &from, "--token", &token, "--as", "bob",
    ];
    let first = common::run(target.path(), &args, "");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("imported 3 gists for bob; 0 were here already"),
        "{}",
        stdout(&first)
    );
    let second = common::run(target.path(), &args, "");
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("imported 0 gists for bob; 3 were here already"),
        "{}",
        stdout(&second)
    );

    let copy = Server::start_in(target.path(), &[("OG_SSH_GIT_ENABLED", "false")]).await;
    let bobs = common::create_token(target.path(), "bob", "gist:read");
    let listed = api(&copy, &bobs, reqwest::Method::GET, "/gists", None).await;
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 3, "{listed:?}");
    let mut heads_seen = Vec::new();
    for gist in listed {
        let id = gist["id"].as_str().unwrap();
        let full = api(
            &copy,
            &bobs,
            reqwest::Method::GET,
            &format!("/gists/{id}"),
            None,
        )
        .await;
        let head = full["history"][0]["version"].as_str().unwrap().to_owned();
        // The same commits: the head is one of the source's, with what it said.
        let (source_id, (_, description, public)) = made
            .iter()
            .find(|(_, (h, _, _))| *h == head)
            .unwrap_or_else(|| panic!("{head} is no source head"));
        assert_eq!(full["description"], description.as_str());
        assert_eq!(full["public"], *public);
        assert_eq!(full["owner"]["login"], "bob");
        let i = description.trim_start_matches("gist ");
        assert_eq!(full["files"]["a.txt"]["content"], format!("{i}.3\n"));
        assert_ne!(id, source_id, "a new id here");
        // Every revision.
        let work = tempfile::tempdir().unwrap();
        let host = copy.base.trim_start_matches("http://");
        let url = format!("http://bob:{bobs}@{host}/bob/{id}.git");
        let cloned = common::git(work.path(), &["clone", "-q", &url, "g"]);
        assert!(cloned.status.success(), "{}", stderr(&cloned));
        let count = common::git(&work.path().join("g"), &["rev-list", "--count", "HEAD"]);
        assert_eq!(stdout(&count).trim(), "3");
        heads_seen.push(head);
    }
    heads_seen.sort();
    heads_seen.dedup();
    assert_eq!(heads_seen.len(), 3);
}

#[test]
fn an_unknown_local_user_or_a_bad_source_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let out = common::run(
        home.path(),
        &[
            "admin",
            "import",
            "--from",
            "ftp://example.com",
            "--token",
            "x",
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("only http:// and https://"),
        "{}",
        stderr(&out)
    );
    // Nothing listens on port 9 here: a message naming the address, not a hang.
    let out = common::run(
        home.path(),
        &[
            "admin",
            "import",
            "--from",
            "http://127.0.0.1:9/api",
            "--token",
            "x",
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot reach http://127.0.0.1:9/api/user"),
        "{}",
        stderr(&out)
    );
}
