//! Branding over HTTP, in process through the whole router: the admin's uploads (refused
//! with a reason when huge, not an image, or an SVG that runs something), the images
//! served with a version and `304`s, nobody else able to upload, and the name, logo,
//! footer links and accent on the pages, in the title and in embeds.

mod common;

use axum::http::Method;

use app::rules::Visibility;
use app::rules::branding::{Accent, FooterLink, ListSort};
use app::services::branding::BrandSettings;
use common::app::{Answer, TestApp};

const BOUNDARY: &str = "----gistful-test-boundary";

/// A `multipart/form-data` body with `kind` and a `file`.
fn multipart(kind: &str, file: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logo\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn png(width: u32, height: u32, len: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes.resize(len.max(bytes.len()), 7);
    bytes
}

async fn upload(
    app: &TestApp,
    cookie: Option<&str>,
    accept: &str,
    kind: &str,
    file: &[u8],
) -> Answer {
    let mut call = app
        .request(Method::POST, "/sfn/brand_image")
        .header("origin", app.origin())
        .header("accept", accept)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(cookie) = cookie {
        call = call.header("cookie", cookie);
    }
    call.body(multipart(kind, file)).send().await
}

/// Where pages load the current logo from.
async fn logo_url(app: &TestApp) -> String {
    let branding = app.state.branding.load().await.unwrap();
    branding.logo.clone().expect("a logo")
}

#[tokio::test]
async fn uploads_are_checked_refused_with_a_reason_and_admin_only() {
    let app = TestApp::with_env(&[("OG_CUSTOM_MAX_IMAGE_SIZE", "65536")]).await;
    let admin = app.user("root", true).await;
    let alice = app.user("alice", false).await;
    let (root, alice) = (app.session(&admin).await, app.session(&alice).await);

    // Refused, each with its reason, as JSON for a script...
    let mut huge = png(10, 10, 65536 + 1);
    huge.truncate(65536 + 1);
    for (file, code, words) in [
        (huge.clone(), "too-large", "larger than 64 KiB"),
        (png(10, 10, 80 * 1024 * 1024 / 1000), "too-large", "larger than"),
        (b"#!/bin/sh\nrm -rf /\n".to_vec(), "not-an-image", "not a PNG"),
        (
            br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>"#.to_vec(),
            "unsafe-svg",
            "scripts",
        ),
        (png(5000, 10, 100), "too-many-pixels", "4096"),
        (Vec::new(), "empty", "No file"),
    ] {
        let answer = upload(&app, Some(&root), "*/*", "logo", &file).await;
        assert_eq!(answer.status, 422, "{code}: {}", answer.body);
        let json = answer.json();
        assert_eq!(json["code"], code);
        assert!(json["message"].as_str().unwrap().contains(words), "{json}");
    }
    // ...and back to the panel, saying why, for the form.
    let answer = upload(&app, Some(&root), "text/html", "logo", &huge).await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.headers["location"],
        "/admin?tab=branding&image=logo&refused=too-large"
    );
    // A body far beyond the limit is cut off, not read whole.
    let answer = upload(
        &app,
        Some(&root),
        "*/*",
        "logo",
        &png(10, 10, 4 * 1024 * 1024),
    )
    .await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(
        app.state.branding.load().await.unwrap().logo,
        None,
        "nothing refused landed"
    );

    // Nobody but the admin: not a user, not a visitor, not another site.
    for cookie in [Some(alice.as_str()), None] {
        let answer = upload(&app, cookie, "*/*", "logo", &png(10, 10, 100)).await;
        assert_eq!(answer.status, 404, "{}", answer.body);
    }
    let answer = app
        .request(Method::POST, "/sfn/brand_image")
        .header("origin", "https://evil.example")
        .header("cookie", &root)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(multipart("logo", &png(10, 10, 100)))
        .send()
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(app.state.branding.load().await.unwrap().logo, None);
    let answer = upload(&app, Some(&root), "*/*", "banner", &png(10, 10, 100)).await;
    assert_eq!(answer.status, 400);

    // Taken: served under its version, kept for good there, and `304` when unchanged.
    let logo = png(120, 40, 3000);
    let answer = upload(&app, Some(&root), "text/html", "logo", &logo).await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.headers["location"],
        "/admin?tab=branding&image=logo&uploaded=1"
    );
    let url = logo_url(&app).await;
    let answer = app.request(Method::GET, &url).send().await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.bytes, logo);
    assert_eq!(answer.headers["content-type"], "image/png");
    assert!(
        answer.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let etag = answer.headers["etag"].to_str().unwrap().to_owned();
    let answer = app
        .request(Method::GET, "/assets/brand/logo")
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(answer.status, 304);
    assert!(answer.bytes.is_empty());
    assert_eq!(
        app.request(Method::GET, "/assets/brand/favicon")
            .send()
            .await
            .status,
        404
    );

    // A safe SVG favicon is taken, and served so that even opened alone it runs nothing.
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#0a7c72"/></svg>"##;
    assert_eq!(
        upload(&app, Some(&root), "*/*", "favicon", svg)
            .await
            .status,
        204
    );
    let answer = app
        .request(Method::GET, "/assets/brand/favicon")
        .send()
        .await;
    assert_eq!(answer.headers["content-type"], "image/svg+xml");
    assert!(
        answer.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("sandbox")
    );
}

#[tokio::test]
async fn pages_titles_and_embeds_wear_the_branding() {
    let app = TestApp::new().await;
    let admin = app.user("root", true).await;
    let alice = app.user("alice", false).await;
    let id = app.gist(&alice, Visibility::Public, "print('hi')\n").await;
    let page = |path: String| {
        let app = &app;
        async move { app.request(Method::GET, &path).send().await.body }
    };
    let before = page("/".into()).await;
    assert!(before.contains("<title>Gistful</title>"), "{before}");

    app.state
        .branding
        .save(&BrandSettings {
            name: "Acme <Snippets>".into(),
            links: vec![FooterLink {
                label: "Handbook".into(),
                url: "https://example.com/handbook".into(),
            }],
            accent: Accent::Purple,
            theme: "dark".into(),
            sort: ListSort::Created,
            soft_wrap: true,
        })
        .await
        .unwrap();
    let root = app.session(&admin).await;
    upload(&app, Some(&root), "*/*", "logo", &png(64, 64, 500)).await;
    let logo = logo_url(&app).await;

    for path in [
        "/".to_owned(),
        "/explore".into(),
        format!("/alice/{id}"),
        "/login".into(),
        "/no/such/page/here".into(),
    ] {
        let body = page(path.clone()).await;
        assert!(
            body.contains(r#"<span class="brand-name">Acme &lt;Snippets&gt;</span>"#),
            "{path}: {body}"
        );
        assert!(
            body.contains(&format!(r#"class="brand-logo" src="{logo}""#))
                || body.contains(&format!(r#"src="{logo}""#)),
            "{path}"
        );
        assert!(
            body.contains(r#"href="https://example.com/handbook">Handbook</a>"#),
            "{path}"
        );
        assert!(
            body.contains("--accent: light-dark(#8250df, #ab7df8)"),
            "{path}"
        );
        assert!(
            body.contains(r#"data-theme="dark""#),
            "{path}: the instance's default theme"
        );
        assert!(
            !body.contains("<title>Gistful") && !body.contains("· Gistful</title>"),
            "{path}"
        );
    }
    let home = page("/".into()).await;
    assert!(
        home.contains("<title>Acme &lt;Snippets&gt;</title>"),
        "{home}"
    );
    let gist = page(format!("/alice/{id}")).await;
    assert!(gist.contains("· Acme &lt;Snippets&gt;</title>"), "{gist}");
    assert!(
        gist.contains(r#"property="og:site_name" content="Acme &lt;Snippets&gt;""#),
        "{gist}"
    );
    assert!(
        gist.contains("soft-wrap"),
        "a visitor gets the instance's wrapping"
    );

    let embed = page(format!("/alice/{id}.js")).await;
    assert!(
        embed.contains("hosted with Acme &lt;Snippets&gt;"),
        "{embed}"
    );
    assert!(!embed.contains("hosted with Gistful"));
}
