//! What leaves on the wire, in process through the whole router: pages, JSON and raw text
//! compressed by the caller's `Accept-Encoding` (brotli first), and what is compressed
//! already (git's packs, ZIP archives) sent as it is.

mod common;

use std::io::Read;

use axum::http::Method;

use app::rules::Visibility;
use common::app::{Answer, TestApp};

/// A file long and repetitive enough that compression must shrink it a lot.
fn long_content() -> String {
    (0..200)
        .map(|i| format!("line {i}: the same words compress well\n"))
        .collect()
}

async fn get(app: &TestApp, path: &str, accept: Option<&str>) -> Answer {
    let mut call = app.request(Method::GET, path);
    if let Some(accept) = accept {
        call = call.header("accept-encoding", accept);
    }
    call.send().await
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("a gzip body");
    text
}

fn unbrotli(bytes: &[u8]) -> String {
    let mut text = String::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_string(&mut text)
        .expect("a brotli body");
    text
}

fn encoding(answer: &Answer) -> Option<&str> {
    answer
        .headers
        .get("content-encoding")
        .map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn pages_json_and_raw_text_leave_compressed_by_accept_encoding() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let content = long_content();
    let id = app.gist(&alice, Visibility::Public, &content).await;

    // A browser's header: brotli is preferred when offered at the same weight.
    let page = get(&app, &format!("/alice/{id}"), Some("gzip, deflate, br")).await;
    assert_eq!(page.status, 200);
    assert_eq!(encoding(&page), Some("br"));
    assert!(
        page.headers["vary"]
            .to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    );
    let html = unbrotli(&page.bytes);
    assert!(html.contains("line 199: the same words compress well"));
    assert!(
        page.bytes.len() * 4 < html.len(),
        "{} of {}",
        page.bytes.len(),
        html.len()
    );

    let api = get(&app, &format!("/api/gists/{id}"), Some("gzip")).await;
    assert_eq!(api.status, 200);
    assert_eq!(encoding(&api), Some("gzip"));
    let json: serde_json::Value = serde_json::from_str(&gunzip(&api.bytes)).unwrap();
    assert_eq!(json["files"]["a.txt"]["content"], content.as_str());

    let raw = get(
        &app,
        &format!("/alice/{id}/raw/HEAD/a.txt"),
        Some("br;q=0.5, gzip"),
    )
    .await;
    assert_eq!(raw.status, 200);
    assert_eq!(
        encoding(&raw),
        Some("gzip"),
        "the caller weighed gzip higher"
    );
    assert_eq!(gunzip(&raw.bytes), content);

    // Nothing offered, nothing compressed.
    let plain = get(&app, &format!("/alice/{id}/raw/HEAD/a.txt"), None).await;
    assert_eq!(encoding(&plain), None);
    assert_eq!(plain.body, content);
    let identity = get(&app, &format!("/api/gists/{id}"), Some("identity")).await;
    assert_eq!(encoding(&identity), None);
    assert_eq!(
        identity.json()["files"]["a.txt"]["content"],
        content.as_str()
    );
}

#[tokio::test]
async fn what_is_compressed_already_is_sent_as_it_is() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let id = app.gist(&alice, Visibility::Public, &long_content()).await;

    let zip = get(
        &app,
        &format!("/alice/{id}/archive/HEAD.zip"),
        Some("gzip, br"),
    )
    .await;
    assert_eq!(zip.status, 200);
    assert_eq!(zip.headers["content-type"], "application/zip");
    assert_eq!(encoding(&zip), None);
    assert!(zip.bytes.starts_with(b"PK\x03\x04"));

    let refs = get(
        &app,
        &format!("/alice/{id}.git/info/refs?service=git-upload-pack"),
        Some("gzip, br"),
    )
    .await;
    assert_eq!(refs.status, 200, "{}", refs.body);
    assert!(
        refs.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/x-git-upload-pack-advertisement")
    );
    assert_eq!(encoding(&refs), None);
    assert!(refs.body.starts_with("001e# service=git-upload-pack\n"));
}
