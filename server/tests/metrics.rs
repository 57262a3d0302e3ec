//! Prometheus metrics on their own listener (`metrics.enabled`): requests counted by the
//! kind of route, git clones and pushes by outcome, totals read from the database, and
//! nothing on the main port.

mod common;

use std::path::Path;
use std::process::Output;

use common::{Server, git, stderr};
use serde_json::json;

fn ok(out: Output) -> String {
    assert!(out.status.success(), "git failed: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn scrape(server: &Server) -> String {
    let addr = server.metrics.as_ref().expect("metrics are on");
    let res = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    res.text().await.unwrap()
}

/// The sum of the samples of `name` whose labels include every one of `labels`.
fn value(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (series, sample) = line.rsplit_once(' ')?;
            let (metric, rest) = match series.split_once('{') {
                Some((metric, rest)) => (metric, rest),
                None => (series, ""),
            };
            (metric == name
                && labels
                    .iter()
                    .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\""))))
            .then(|| sample.parse::<f64>().ok())
            .flatten()
        })
        .sum()
}

#[tokio::test]
async fn traffic_and_git_are_counted_on_the_metrics_port_only() {
    let server =
        Server::start_with(&[("OG_METRICS_ENABLED", "true"), ("OG_METRICS_PORT", "0")]).await;
    common::create_user(&server.home, "alice", "password123");
    let token = common::create_token(&server.home, "alice", "gist:read,gist:write");
    let gist = common::create_gist(
        &server.base,
        &token,
        json!({"public": true, "files": {"a.txt": {"content": "one\n"}}}),
    )
    .await;
    let id = gist["id"].as_str().unwrap();

    // A gist page, counted under its kind of route (never its path).
    let page = |n: u32| {
        let url = server.url(&format!("/alice/{id}?n={n}"));
        async move {
            let res = reqwest::get(url).await.unwrap();
            assert_eq!(res.status(), 200);
        }
    };
    page(1).await;
    let before = scrape(&server).await;
    let pages = [("route", "gist_page"), ("method", "GET"), ("status", "200")];
    let seen = value(&before, "gistful_http_requests_total", &pages);
    assert!(seen >= 1.0, "{before}");
    assert!(!before.contains(id), "a gist id became a label");
    page(2).await;
    let after = scrape(&server).await;
    assert_eq!(
        value(&after, "gistful_http_requests_total", &pages),
        seen + 1.0
    );
    assert!(
        value(
            &after,
            "gistful_http_request_duration_seconds_count",
            &[("route", "gist_page")]
        ) >= 2.0
    );
    let created = [("route", "api"), ("method", "POST"), ("status", "201")];
    assert_eq!(value(&after, "gistful_http_requests_total", &created), 1.0);

    // Git: a clone, a push, and a push the server refuses (deleting the branch).
    let work = tempfile::tempdir().unwrap();
    let host = server.base.trim_start_matches("http://");
    let url = format!("http://alice:{token}@{host}/alice/{id}.git");
    ok(git(work.path(), &["clone", "-q", &url, "g"]));
    let dir = work.path().join("g");
    std::fs::write(dir.join("b.txt"), "two\n").unwrap();
    ok(git(&dir, &["add", "-A"]));
    ok(git(&dir, &["commit", "-q", "-m", "two"]));
    ok(git(&dir, &["push", "-q", "origin", "HEAD"]));
    let branch = ok(git(&dir, &["rev-parse", "--abbrev-ref", "HEAD"]));
    let deleted = git(&dir, &["push", "origin", &format!(":{}", branch.trim())]);
    assert!(!deleted.status.success());
    let heads = ok(git(Path::new(&dir), &["ls-remote", "origin"]));
    assert!(
        heads.contains(&format!("refs/heads/{}", branch.trim())),
        "{heads}"
    );

    let text = scrape(&server).await;
    let git_ops = |operation: &str, outcome: &str| {
        value(
            &text,
            "gistful_git_operations_total",
            &[
                ("operation", operation),
                ("transport", "http"),
                ("outcome", outcome),
            ],
        )
    };
    // ls-remote and the pushes' ref listings are no clones.
    assert_eq!(git_ops("clone", "ok"), 1.0, "{text}");
    assert_eq!(git_ops("push", "ok"), 1.0, "{text}");
    assert_eq!(git_ops("push", "refused"), 1.0, "{text}");
    assert!(
        value(
            &text,
            "gistful_git_operation_duration_seconds_count",
            &[("operation", "clone")]
        ) == 1.0
    );

    // Totals from the database, the pool, the search backlog and the process.
    assert_eq!(value(&text, "gistful_gists", &[]), 1.0, "{text}");
    assert_eq!(value(&text, "gistful_users", &[]), 1.0);
    assert_eq!(value(&text, "gistful_comments", &[]), 0.0);
    assert!(text.contains("\ngistful_search_pending_changes "), "{text}");
    assert!(value(&text, "gistful_db_pool_connections", &[]) >= 1.0);
    assert!(value(&text, "process_resident_memory_bytes", &[]) > 1e6);
    assert!(text.contains("# TYPE gistful_http_request_duration_seconds histogram"));

    // The main port has no metrics.
    let res = reqwest::get(server.url("/metrics")).await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(
        !res.text()
            .await
            .unwrap()
            .contains("gistful_http_requests_total")
    );
}

#[tokio::test]
async fn the_response_cache_counts_hits_and_misses() {
    let server =
        Server::start_with(&[("OG_METRICS_ENABLED", "true"), ("OG_METRICS_PORT", "0")]).await;
    for _ in 0..3 {
        let res = reqwest::get(server.url("/explore")).await.unwrap();
        assert_eq!(res.status(), 200);
    }
    let text = scrape(&server).await;
    assert!(
        value(&text, "gistful_response_cache_total", &[("result", "hit")]) >= 2.0,
        "{text}"
    );
    assert!(value(&text, "gistful_response_cache_total", &[("result", "miss")]) >= 1.0);
}
