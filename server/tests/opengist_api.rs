//! Opengist's endpoints beside GitHub's: liked (starred) and forked lists, like/unlike,
//! one file of one revision, and a user by number; each shows only what the caller may
//! see, as the GitHub routes do.

mod common;

use axum::http::{Method, StatusCode};
use serde_json::Value;

use app::rules::{Scope, Visibility};
use common::app::{Answer, TestApp};

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> Answer {
    call(app, Method::GET, path, token).await
}

async fn call(app: &TestApp, method: Method, path: &str, token: Option<&str>) -> Answer {
    let mut request = app.request(method, path);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    request.send().await
}

/// The ids of a list answer, in order.
fn ids(answer: &Answer) -> Vec<String> {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn liked_and_forked_lists_and_like() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let bob = app.user("bob", false).await;
    let carol = app.user("carol", false).await;
    let a = app.token(&alice, &Scope::ALL).await;
    let b = app.token(&bob, &Scope::ALL).await;
    let c = app.token(&carol, &Scope::ALL).await;
    let public = app.gist(&alice, Visibility::Public, "public").await;
    let private = app.gist(&alice, Visibility::Private, "private").await;

    // Like = star: PUT, GET 204, DELETE, GET 404.
    let like = format!("/api/gists/{public}/like");
    assert_eq!(
        get(&app, &like, Some(&c)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        call(&app, Method::PUT, &like, Some(&c)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        get(&app, &like, Some(&c)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        ids(&get(&app, "/api/gists/liked", Some(&c)).await),
        [public.as_str()]
    );
    assert_eq!(
        ids(&get(&app, "/api/gists/starred", Some(&c)).await),
        [public.as_str()]
    );
    assert_eq!(
        call(&app, Method::DELETE, &like, Some(&c)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        get(&app, &like, Some(&c)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(ids(&get(&app, "/api/gists/liked", Some(&c)).await).is_empty());
    // Someone else's private gist does not exist to like; nobody anonymous likes.
    let private_like = format!("/api/gists/{private}/like");
    assert_eq!(
        call(&app, Method::PUT, &private_like, Some(&b))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        call(&app, Method::PUT, &like, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(&app, "/api/gists/liked", None).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Alice likes her own private gist and Bob likes the public one.
    assert_eq!(
        call(&app, Method::PUT, &private_like, Some(&a))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(&app, Method::PUT, &like, Some(&b)).await.status,
        StatusCode::NO_CONTENT
    );
    for list in ["liked", "starred"] {
        let path = format!("/api/users/alice/{list}");
        assert_eq!(ids(&get(&app, &path, Some(&a)).await), [private.as_str()]);
        // Anyone else sees no trace of the private gist.
        assert!(ids(&get(&app, &path, None).await).is_empty());
        assert!(ids(&get(&app, &path, Some(&b)).await).is_empty());
        let path = format!("/api/users/bob/{list}");
        assert_eq!(ids(&get(&app, &path, None).await), [public.as_str()]);
    }
    assert_eq!(
        get(&app, "/api/users/nobody/liked", None).await.status,
        StatusCode::NOT_FOUND
    );

    // Forks, listed by who made them.
    let fork = call(
        &app,
        Method::POST,
        &format!("/api/gists/{public}/forks"),
        Some(&b),
    )
    .await;
    assert_eq!(fork.status, StatusCode::CREATED, "{}", fork.body);
    let fork = fork.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(
        ids(&get(&app, "/api/gists/forked", Some(&b)).await),
        [fork.as_str()]
    );
    assert!(ids(&get(&app, "/api/gists/forked", Some(&a)).await).is_empty());
    assert_eq!(
        ids(&get(&app, "/api/users/bob/forked", None).await),
        [fork.as_str()]
    );
    assert!(ids(&get(&app, "/api/users/alice/forked", None).await).is_empty());
    assert_eq!(
        get(&app, "/api/gists/forked", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn one_file_of_one_revision_and_users_by_number() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let bob = app.user("bob", false).await;
    let a = app.token(&alice, &Scope::ALL).await;
    let b = app.token(&bob, &Scope::ALL).await;
    let gist = app.gist(&alice, Visibility::Public, "first words").await;
    let first =
        get(&app, &format!("/api/gists/{gist}"), None).await.json()["history"][0]["version"]
            .as_str()
            .unwrap()
            .to_owned();
    let edit = app
        .request(Method::PATCH, &format!("/api/gists/{gist}"))
        .header("authorization", format!("Bearer {a}"))
        .json(&serde_json::json!({ "files": { "a.txt": { "content": "second words" } } }))
        .send()
        .await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);

    // The old revision's file, whole id or abbreviated; then the new one.
    for rev in [first.as_str(), &first[..7]] {
        let file = get(&app, &format!("/api/gists/{gist}/files/{rev}/a.txt"), None).await;
        assert_eq!(file.status, StatusCode::OK, "{}", file.body);
        let body = file.json();
        assert_eq!(body["filename"], "a.txt");
        assert_eq!(body["content"], "first words");
        assert_eq!(body["size"], 11);
        assert!(body["raw_url"].as_str().unwrap().contains(&first), "{body}");
    }
    let head = get(&app, &format!("/api/gists/{gist}"), None).await.json()["history"][0]["version"]
        .as_str()
        .unwrap()
        .to_owned();
    let file = get(&app, &format!("/api/gists/{gist}/files/{head}/a.txt"), None).await;
    assert_eq!(file.json()["content"], "second words");
    let base64 = app
        .request(
            Method::GET,
            &format!("/api/gists/{gist}/files/{head}/a.txt"),
        )
        .header("accept", "application/vnd.github.base64")
        .send()
        .await;
    assert_eq!(base64.json()["content"], "c2Vjb25kIHdvcmRz");
    assert_eq!(base64.json()["encoding"], "base64");

    // No such file, no such revision, not a revision.
    let missing = get(&app, &format!("/api/gists/{gist}/files/{head}/b.txt"), None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let missing = get(
        &app,
        &format!("/api/gists/{gist}/files/{}/a.txt", "f".repeat(40)),
        None,
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let bad = get(&app, &format!("/api/gists/{gist}/files/nothex/a.txt"), None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A private gist's file exists only for its owner.
    let private = app.gist(&alice, Visibility::Private, "secret words").await;
    let rev = get(&app, &format!("/api/gists/{private}"), Some(&a))
        .await
        .json()["history"][0]["version"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/gists/{private}/files/{rev}/a.txt");
    assert_eq!(
        get(&app, &path, Some(&a)).await.json()["content"],
        "secret words"
    );
    for other in [None, Some(b.as_str())] {
        let answer = get(&app, &path, other).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert!(!answer.body.contains("secret"), "{}", answer.body);
    }

    // Users by number.
    let user = get(&app, &format!("/api/user/{}", bob.id), None).await;
    assert_eq!(user.status, StatusCode::OK);
    let body: Value = user.json();
    assert_eq!(
        (body["login"].as_str(), body["id"].as_i64()),
        (Some("bob"), Some(bob.id))
    );
    for nobody in ["999999", "0", "-1", "abc", "99999999999999999999999"] {
        let answer = get(&app, &format!("/api/user/{nobody}"), None).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{nobody}");
    }
    // The static routes under /user keep their meaning.
    assert_eq!(
        get(&app, "/api/user/keys", Some(&a)).await.status,
        StatusCode::OK
    );
}
