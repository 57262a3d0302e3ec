//! The browser bundle under a versioned path that may be cached for good, served from a
//! site directory this test builds (its own binary: it points `LEPTOS_SITE_ROOT` there).

mod common;

use axum::http::Method;

use common::app::{Answer, TestApp};

async fn get(app: &TestApp, path: &str, accept: Option<&str>) -> Answer {
    let mut call = app.request(Method::GET, path);
    if let Some(accept) = accept {
        call = call.header("accept-encoding", accept);
    }
    call.send().await
}

fn header<'a>(answer: &'a Answer, name: &str) -> Option<&'a str> {
    answer.headers.get(name).map(|v| v.to_str().unwrap())
}

/// The bundle version a page names in its script and stylesheet links.
fn version_in(page: &str) -> String {
    let at = page.find("/pkg/").expect("the page links the bundle") + "/pkg/".len();
    let version = &page[at..at + 16];
    assert!(version.bytes().all(|b| b.is_ascii_hexdigit()), "{version}");
    for file in ["gistful.js", "gistful.css", "gistful.wasm"] {
        assert!(
            page.contains(&format!("/pkg/{version}/{file}")),
            "{file} under the version"
        );
    }
    version.to_owned()
}

#[tokio::test]
async fn the_bundle_is_named_by_its_content_and_kept_for_a_year() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("gistful.js"), "export default 1;").unwrap();
    std::fs::write(pkg.join("gistful.css"), "body{}").unwrap();
    std::fs::write(pkg.join("chunk_1.wasm"), b"\0asm-one").unwrap();
    std::fs::write(pkg.join("chunk_1.wasm.br"), b"brotli-of-one").unwrap();
    std::fs::write(site.path().join("favicon.svg"), "<svg/>").unwrap();
    // SAFETY: the only test in this binary, set before any server starts.
    unsafe { std::env::set_var("LEPTOS_SITE_ROOT", site.path()) };

    let app = TestApp::new().await;
    let first = version_in(&get(&app, "/", None).await.body);

    let chunk = get(&app, &format!("/pkg/{first}/chunk_1.wasm"), None).await;
    assert_eq!(chunk.status, 200);
    assert_eq!(chunk.bytes, b"\0asm-one");
    assert_eq!(
        header(&chunk, "cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let compressed = get(&app, &format!("/pkg/{first}/chunk_1.wasm"), Some("br")).await;
    assert_eq!(header(&compressed, "content-encoding"), Some("br"));
    assert_eq!(compressed.bytes, b"brotli-of-one", "built at build time");

    // Under the plain name the file may change with the next build: asked again each time.
    let plain = get(&app, "/pkg/chunk_1.wasm", None).await;
    assert_eq!(plain.status, 200);
    assert_eq!(header(&plain, "cache-control"), Some("no-cache"));
    // Nothing missing is kept: it may come with the next build.
    let missing = get(&app, &format!("/pkg/{first}/chunk_2.wasm"), None).await;
    assert_eq!(missing.status, 404);
    assert_eq!(header(&missing, "cache-control"), None);

    // The icon is the file, not a page for a user called `favicon.svg`.
    let icon = get(&app, "/favicon.svg", None).await;
    assert_eq!(icon.status, 200);
    assert_eq!(header(&icon, "content-type"), Some("image/svg+xml"));
    assert_eq!(icon.body, "<svg/>");
    drop(app);

    // A new build is a new name: browsers fetch it at once.
    std::fs::write(pkg.join("chunk_1.wasm"), b"\0asm-two").unwrap();
    let app = TestApp::new().await;
    let second = version_in(&get(&app, "/", None).await.body);
    assert_ne!(second, first);
    let chunk = get(&app, &format!("/pkg/{second}/chunk_1.wasm"), None).await;
    assert_eq!(chunk.bytes, b"\0asm-two");
}
