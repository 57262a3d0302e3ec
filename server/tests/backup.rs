//! `gistful admin backup` while 50 writers edit, then `gistful admin restore` into a
//! fresh home: every gist opens, at a head some writer really made.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{Server, stderr, stdout};
use serde_json::{Value, json};
use tokio::sync::Mutex;

#[tokio::test]
async fn a_backup_under_write_load_restores_every_gist_at_a_head_it_had() {
    let server = Server::start_with(&[("OG_SSH_PORT", "0")]).await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let seen: Arc<Mutex<HashMap<String, HashSet<String>>>> = Arc::default();
    let mut ids = Vec::new();
    for i in 0..10 {
        let gist = common::create_gist(
            &server.base,
            &token,
            json!({"public": i % 2 == 0, "files": {"a.txt": {"content": format!("{i}\n")}}}),
        )
        .await;
        let id = gist["id"].as_str().unwrap().to_owned();
        let head = gist["history"][0]["version"].as_str().unwrap().to_owned();
        seen.lock()
            .await
            .entry(id.clone())
            .or_default()
            .insert(head);
        ids.push(id);
    }

    // 50 writers, each editing one of the gists over and over until the backup is done.
    let stop = Arc::new(AtomicBool::new(false));
    let client = reqwest::Client::new();
    let mut writers = Vec::new();
    for w in 0..50 {
        let (stop, seen, client, token) =
            (stop.clone(), seen.clone(), client.clone(), token.clone());
        let id = ids[w % ids.len()].clone();
        let url = server.url(&format!("/api/gists/{id}"));
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) || n == 0 {
                n += 1;
                let res = client
                    .patch(&url)
                    .header("authorization", format!("token {token}"))
                    .json(&json!({"files": {format!("w{w}.txt"): {"content": format!("{n}\n")}}}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 200);
                let body: Value = res.json().await.unwrap();
                let head = body["history"][0]["version"].as_str().unwrap().to_owned();
                seen.lock()
                    .await
                    .entry(id.clone())
                    .or_default()
                    .insert(head);
            }
            n
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let kept = tempfile::tempdir().unwrap();
    let file = kept.path().join("backup.tar.zst");
    let out = {
        let (home, file) = (server.home.clone(), file.clone());
        tokio::task::spawn_blocking(move || {
            common::run(&home, &["admin", "backup", file.to_str().unwrap()], "")
        })
        .await
        .unwrap()
    };
    stop.store(true, Ordering::Relaxed);
    let mut edits = 0;
    for writer in writers {
        edits += writer.await.unwrap();
    }
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("backed up 10 gists"),
        "{}",
        stdout(&out)
    );
    assert!(edits > 50, "the writers kept writing during the backup");

    // A fresh home, filled from the backup.
    let fresh = tempfile::tempdir().unwrap();
    let restored = common::run(
        fresh.path(),
        &["admin", "restore", file.to_str().unwrap()],
        "",
    );
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stdout(&restored).contains("restored 10 gists"),
        "{}",
        stdout(&restored)
    );
    // Only into an empty one.
    let again = common::run(
        fresh.path(),
        &["admin", "restore", file.to_str().unwrap()],
        "",
    );
    assert!(!again.status.success());
    assert!(stderr(&again).contains("empty"), "{}", stderr(&again));

    // The SSH host key came too: clients' known_hosts stay right.
    let key = "ssh/gistful_host_ed25519";
    assert_eq!(
        std::fs::read(fresh.path().join(key)).unwrap(),
        std::fs::read(server.home.join(key)).unwrap()
    );
    let copy = Server::start_in(fresh.path(), &[("OG_SSH_GIT_ENABLED", "false")]).await;
    let seen = seen.lock().await;
    for id in &ids {
        let res = client
            .get(copy.url(&format!("/api/gists/{id}")))
            .header("authorization", format!("token {token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{id} did not come back");
        let gist: Value = res.json().await.unwrap();
        let head = gist["history"][0]["version"].as_str().unwrap();
        assert!(
            seen[id].contains(head),
            "{id} came back at {head}, which no writer made"
        );
        let page = client
            .get(copy.url(&format!("/alice/{id}")))
            .header("authorization", format!("token {token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        // Its repository opens too: a clone of the head the API shows.
        let work = tempfile::tempdir().unwrap();
        let host = copy.base.trim_start_matches("http://");
        let url = format!("http://alice:{token}@{host}/alice/{id}.git");
        let cloned = common::git(work.path(), &["clone", "-q", &url, "g"]);
        assert!(cloned.status.success(), "{}", stderr(&cloned));
        let cloned_head = common::git(&work.path().join("g"), &["rev-parse", "HEAD"]);
        assert_eq!(stdout(&cloned_head).trim(), head);
    }
    // The new search index takes every restored gist in.
    copy.search_caught_up().await;
}

#[test]
fn restore_refuses_what_is_not_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("bogus.tar.zst");
    std::fs::write(&bogus, b"not a backup").unwrap();
    let home = dir.path().join("home");
    let out = common::run(&home, &["admin", "restore", bogus.to_str().unwrap()], "");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a Gistful backup"),
        "{}",
        stderr(&out)
    );
}
