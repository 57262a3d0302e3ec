//! `POST /api/graphql`: the queries `gh gist` sends, answered in GitHub's shape, paged,
//! filtered by privacy, bounded, and only ever about the caller's own gists.

mod common;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use app::rules::{Scope, Visibility};
use common::app::TestApp;

/// What `gh gist list` 2.23 sends, word for word.
const GH_LIST: &str = "query GistList($endCursor:String$per_page:Int!$visibility:GistPrivacy!){viewer{gists(first: $per_page, after: $endCursor, privacy: $visibility, orderBy: {field: CREATED_AT, direction: DESC}){nodes{description,files{name},isPublic,name,updatedAt},pageInfo{hasNextPage,endCursor}}}}";

async fn ask(app: &TestApp, token: &str, query: &str, variables: Value) -> (StatusCode, Value) {
    let answer = app
        .request(Method::POST, "/api/graphql")
        .header("authorization", format!("token {token}"))
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await;
    let body = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
    (answer.status, body)
}

fn names(body: &Value) -> Vec<&str> {
    body["data"]["viewer"]["gists"]["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("no nodes: {body}"))
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn gh_gist_list_pages_and_filters_the_callers_gists() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let bob = app.user("bob", false).await;
    let token = app.token(&alice, &[Scope::GistRead]).await;
    let public = app.gist(&alice, Visibility::Public, "public one").await;
    let unlisted = app.gist(&alice, Visibility::Unlisted, "unlisted one").await;
    let private = app.gist(&alice, Visibility::Private, "private one").await;
    let bobs = app.gist(&bob, Visibility::Public, "bob's").await;

    let vars = |first: u32, after: Value, privacy: &str| json!({ "per_page": first, "endCursor": after, "visibility": privacy });
    let (status, all) = ask(&app, &token, GH_LIST, vars(10, Value::Null, "ALL")).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert!(all.get("errors").is_none(), "{all}");
    // Newest first (CREATED_AT DESC), only Alice's.
    assert_eq!(names(&all), [&*private, &*unlisted, &*public]);
    let node = &all["data"]["viewer"]["gists"]["nodes"][2];
    assert_eq!(node["description"], "public one");
    assert_eq!(node["isPublic"], true);
    assert_eq!(node["files"], json!([{ "name": "a.txt" }]));
    assert!(node["updatedAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        all["data"]["viewer"]["gists"]["pageInfo"]["hasNextPage"],
        false
    );
    assert!(!names(&all).contains(&bobs.as_str()));

    let (_, secret) = ask(&app, &token, GH_LIST, vars(10, Value::Null, "SECRET")).await;
    assert_eq!(names(&secret), [&*private, &*unlisted]);
    let (_, only_public) = ask(&app, &token, GH_LIST, vars(10, Value::Null, "PUBLIC")).await;
    assert_eq!(names(&only_public), [&*public]);

    // Pages of two, followed by their cursors.
    let (_, first) = ask(&app, &token, GH_LIST, vars(2, Value::Null, "ALL")).await;
    assert_eq!(names(&first), [&*private, &*unlisted]);
    let info = &first["data"]["viewer"]["gists"]["pageInfo"];
    assert_eq!(info["hasNextPage"], true);
    let (_, second) = ask(
        &app,
        &token,
        GH_LIST,
        vars(2, info["endCursor"].clone(), "ALL"),
    )
    .await;
    assert_eq!(names(&second), [&*public]);
    assert_eq!(
        second["data"]["viewer"]["gists"]["pageInfo"]["hasNextPage"],
        false
    );

    // Oldest first, as GitHub's `direction: ASC`, paged the same way.
    let ascending = GH_LIST.replace("direction: DESC", "direction: ASC");
    let (_, oldest) = ask(&app, &token, &ascending, vars(2, Value::Null, "ALL")).await;
    assert!(oldest.get("errors").is_none(), "{oldest}");
    assert_eq!(names(&oldest), [&*public, &*unlisted]);
    let after = oldest["data"]["viewer"]["gists"]["pageInfo"]["endCursor"].clone();
    let (_, rest) = ask(&app, &token, &ascending, vars(2, after, "ALL")).await;
    assert_eq!(names(&rest), [&*private]);

    // `gh gist edit`'s check of who is asking; fragments and aliases are GraphQL's own.
    let (_, login) = ask(
        &app,
        &token,
        "query UserCurrent{viewer{login}}",
        Value::Null,
    )
    .await;
    assert_eq!(login["data"]["viewer"]["login"], "alice");
    let (_, aliased) = ask(
        &app,
        &token,
        "{ me: viewer { ...F } } fragment F on User { who: login gists(first: 1, privacy: ALL) { totalCount } }",
        Value::Null,
    )
    .await;
    assert_eq!(aliased["data"]["me"]["who"], "alice");
    assert_eq!(aliased["data"]["me"]["gists"]["totalCount"], 3);

    // Bob's token sees only Bob's.
    let bob_token = app.token(&bob, &[Scope::GistRead]).await;
    let (_, his) = ask(&app, &bob_token, GH_LIST, vars(10, Value::Null, "ALL")).await;
    assert_eq!(names(&his), [&*bobs]);
}

#[tokio::test]
async fn graphql_is_bounded_and_needs_a_reader() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let token = app.token(&alice, &[Scope::GistRead]).await;
    let vars = |first: i64| json!({ "per_page": first, "endCursor": null, "visibility": "ALL" });

    // No token: 401; a token without gist:read: 403.
    let anonymous = app
        .request(Method::POST, "/api/graphql")
        .json(&json!({ "query": "{viewer{login}}" }))
        .send()
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let writer = app.token(&alice, &[Scope::UserRead]).await;
    let (status, _) = ask(&app, &writer, "{viewer{login}}", Value::Null).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Page sizes past GitHub's 100, foreign cursors and fields we lack are GraphQL errors.
    for (query, variables, says) in [
        (GH_LIST, vars(101), "`first` must be between 1 and 100"),
        (GH_LIST, vars(0), "`first` must be between 1 and 100"),
        (
            GH_LIST,
            json!({ "per_page": 5, "endCursor": "bm90IG91cnM=", "visibility": "ALL" }),
            "`after` is not a cursor we gave",
        ),
        (
            "{viewer{repositories{totalCount}}}",
            Value::Null,
            "repositories",
        ),
        ("{viewer{login", Value::Null, "expected"),
    ] {
        let (status, body) = ask(&app, &token, query, variables).await;
        assert_eq!(status, StatusCode::OK);
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{says}: {body}");
        assert!(
            body["data"].is_null() || body["data"]["viewer"].is_null(),
            "{body}"
        );
    }

    // A deeply nested query is refused before it runs.
    let (_, ok) = ask(&app, &token, "{viewer{login}}", Value::Null).await;
    assert_eq!(ok["data"]["viewer"]["login"], "alice");
    let opened = format!("__schema{{types{{fields{{type{{{}", "ofType{".repeat(10));
    let nested = format!(
        "{{{opened}name{}}}",
        "}".repeat(opened.matches('{').count())
    );
    let (_, refused) = ask(&app, &token, &nested, Value::Null).await;
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nested too deep"),
        "{refused}"
    );

    // Not JSON, and a body past the GraphQL limit.
    let garbage = app
        .request(Method::POST, "/api/graphql")
        .header("authorization", format!("token {token}"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await;
    assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
    let huge = app
        .request(Method::POST, "/api/graphql")
        .header("authorization", format!("token {token}"))
        .json(&json!({ "query": format!("{{viewer{{login}}}} #{}", "x".repeat(100_000)) }))
        .send()
        .await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(huge.body.contains("too large"), "{}", huge.body);
}
