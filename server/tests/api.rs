//! The REST API, in process through the whole router (`TestApp`, no port): every
//! endpoint, every error path, and who may see what.

mod common;

use std::collections::HashSet;

use axum::body::Body;
use axum::http::{HeaderMap, Method, StatusCode};
use serde_json::{Value, json};

use app::rules::parse_scopes;
use common::app::{Call, TestApp};

struct Api {
    app: TestApp,
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    /// The body as JSON (a JSON string when it is not JSON, null when empty).
    body: Value,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl Api {
    async fn start() -> Api {
        Api {
            app: TestApp::new().await,
        }
    }

    async fn with_env(env: &[(&str, &str)]) -> Api {
        Api {
            app: TestApp::with_env(env).await,
        }
    }

    /// The address the instance gives for `path`.
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.app.state.external_url)
    }

    /// A user made through the account service (the first one is the admin).
    async fn user(&self, name: &str) {
        self.app.user(name, false).await;
    }

    async fn token(&self, name: &str, scopes: &str) -> String {
        let user = self
            .app
            .state
            .users
            .find_by_username(name)
            .await
            .unwrap()
            .unwrap();
        self.app.token(&user, &parse_scopes(scopes).unwrap()).await
    }

    /// A request to `path`, or to a whole URL this instance gave out.
    fn request(&self, method: Method, path: &str) -> Call<'_> {
        self.app.request(method, path)
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut call = self.request(method, path);
        if let Some(token) = token {
            call = call.header("authorization", format!("token {token}"));
        }
        if let Some(body) = body {
            call = call.json(&body);
        }
        let answer = call.send().await;
        let body = if answer.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&answer.body).unwrap_or(Value::String(answer.body))
        };
        Reply {
            status: answer.status,
            headers: answer.headers,
            body,
        }
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(Method::GET, path, token, None).await
    }

    async fn create(&self, token: &str, body: Value) -> Value {
        let reply = self
            .send(Method::POST, "/api/gists", Some(token), Some(body))
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.body
    }
}

fn gist_body(visibility: &str) -> Value {
    json!({"description": "d", "visibility": visibility, "files": {"a.txt": {"content": "hello\n"}}})
}

#[tokio::test]
async fn create_read_edit_delete() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write,user:write").await;

    let reply = api
        .send(Method::POST, "/api/gists", Some(&token), Some(json!({
            "description": "demo", "public": "true",
            "files": {"keep.txt": {"content": "k\n"}, "old.txt": {"content": "o\n"}, "gone.txt": {"content": "g\n"}},
            "unknown_field": 1
        })))
        .await;
    assert_eq!(reply.status, 201);
    let id = reply.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        reply.header("location"),
        api.url(&format!("/api/gists/{id}"))
    );
    assert_eq!(
        reply.header("content-type"),
        "application/json; charset=utf-8"
    );
    assert!(reply.headers.get("x-oauth-scopes").is_none());
    let gist = &reply.body;
    assert_eq!(gist["public"], true);
    assert_eq!(gist["visibility"], "public");
    assert_eq!(gist["owner"]["login"], "alice");
    assert_eq!(gist["user"], Value::Null);
    assert_eq!(gist["files"]["keep.txt"]["content"], "k\n");
    assert_eq!(gist["files"]["keep.txt"]["encoding"], "utf-8");
    assert_eq!(gist["history"].as_array().unwrap().len(), 1);
    assert_eq!(gist["fork_of"], Value::Null);
    assert!(gist["created_at"].as_str().unwrap().ends_with('Z'));
    for field in [
        "url",
        "forks_url",
        "commits_url",
        "git_pull_url",
        "git_push_url",
        "html_url",
        "comments_url",
    ] {
        assert!(
            gist[field]
                .as_str()
                .unwrap()
                .starts_with(&api.app.state.external_url),
            "{field}"
        );
    }
    let first = gist["history"][0]["version"].as_str().unwrap().to_owned();

    // Anyone reads it; the raw URL works without credentials.
    let read = api.get(&format!("/api/gists/{id}"), None).await;
    assert_eq!(read.status, 200);
    let raw = api
        .request(
            Method::GET,
            read.body["files"]["old.txt"]["raw_url"].as_str().unwrap(),
        )
        .send()
        .await;
    assert_eq!(raw.status, 200);
    assert_eq!(raw.headers["content-type"], "text/plain; charset=utf-8");
    assert_eq!(raw.headers["x-content-type-options"], "nosniff");
    assert!(
        raw.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert_eq!(raw.body, "o\n");

    // PATCH: rename, delete, add, describe. POST does the same.
    let patched = api
        .send(Method::PATCH, &format!("/api/gists/{id}"), Some(&token), Some(json!({
            "description": "edited",
            "files": {"old.txt": {"filename": "new.txt"}, "gone.txt": null, "added.md": {"content": "# new"}}
        })))
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    let names: HashSet<&str> = patched.body["files"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(names, HashSet::from(["keep.txt", "new.txt", "added.md"]));
    assert_eq!(patched.body["description"], "edited");
    assert_eq!(patched.body["history"].as_array().unwrap().len(), 2);
    let posted = api
        .send(
            Method::POST,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(json!({"files": {"added.md": {"content": ""}}})),
        )
        .await;
    assert_eq!(posted.status, 200);
    assert!(
        posted.body["files"].get("added.md").is_none(),
        "empty content deletes"
    );
    let everything = json!({"files": {"keep.txt": null, "new.txt": {}}});
    assert_eq!(
        api.send(
            Method::PATCH,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(everything)
        )
        .await
        .status,
        422
    );
    assert_eq!(
        api.send(
            Method::PATCH,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(json!({}))
        )
        .await
        .status,
        422
    );

    // History and revisions.
    let commits = api.get(&format!("/api/gists/{id}/commits"), None).await;
    assert_eq!(commits.status, 200);
    assert_eq!(commits.body.as_array().unwrap().len(), 3);
    assert_eq!(commits.header("x-total"), "3");
    assert_eq!(commits.body[2]["version"], first.as_str());
    let old = api.get(&format!("/api/gists/{id}/{first}"), None).await;
    assert_eq!(old.status, 200);
    assert!(old.body["files"].get("gone.txt").is_some());
    assert!(
        old.body["files"]["gone.txt"]["raw_url"]
            .as_str()
            .unwrap()
            .contains(&first)
    );
    assert_eq!(
        api.get(&format!("/api/gists/{id}/{}", &first[..7]), None)
            .await
            .body["files"]["old.txt"]["content"],
        "o\n"
    );
    assert_eq!(
        api.get(&format!("/api/gists/{id}/xyz1"), None).await.status,
        422
    );
    assert_eq!(
        api.get(&format!("/api/gists/{id}/abc"), None).await.status,
        422
    );
    assert_eq!(
        api.get(&format!("/api/gists/{id}/0000000"), None)
            .await
            .status,
        404
    );

    let deleted = api
        .send(
            Method::DELETE,
            &format!("/api/gists/{id}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(deleted.status, 204);
    assert_eq!(deleted.body, Value::Null, "204 has no body");
    assert_eq!(api.get(&format!("/api/gists/{id}"), None).await.status, 404);
}

#[tokio::test]
async fn authentication_rules() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    let create = json!({"files": {"a": {"content": "x"}}});
    for header in [
        format!("token {token}"),
        format!("TOKEN {token}"),
        format!("Bearer {token}"),
        format!("bearer {token}"),
    ] {
        let res = api
            .request(Method::POST, &api.url("/api/gists"))
            .header("authorization", header.clone())
            .json(&create)
            .send()
            .await;
        assert_eq!(res.status, 201, "{header}");
    }
    let bad = api
        .send(Method::GET, "/api/gists/public", Some("og_0000"), None)
        .await;
    assert_eq!(
        (bad.status, bad.body["message"].as_str().unwrap()),
        (StatusCode::UNAUTHORIZED, "Bad credentials")
    );
    let weird = api
        .request(Method::GET, &api.url("/api/gists"))
        .header("authorization", "Basic abc")
        .send()
        .await;
    assert_eq!(weird.status, 401);
    // Tokens in the query string are ignored: the request is anonymous.
    let query = api
        .send(
            Method::POST,
            &format!("/api/gists?access_token={token}"),
            None,
            Some(create.clone()),
        )
        .await;
    assert_eq!(
        (query.status, query.body["message"].as_str().unwrap()),
        (StatusCode::UNAUTHORIZED, "Requires authentication")
    );
    let read_only = api.token("alice", "gist:read").await;
    let denied = api
        .send(Method::POST, "/api/gists", Some(&read_only), Some(create))
        .await;
    assert_eq!(denied.status, 403);
    assert_eq!(denied.body["status"], 403);
    assert!(denied.headers.get("x-oauth-scopes").is_none());
    let starred = api.get("/api/gists/starred", None).await;
    assert_eq!(
        (starred.status, starred.body["message"].as_str().unwrap()),
        (StatusCode::UNAUTHORIZED, "Requires authentication")
    );
}

/// Private gists are 404 for everyone but their owner (with a token that may read gists)
/// on every route; unlisted ones are readable by id but never listed.
#[tokio::test]
async fn visibility_by_scope_on_every_route() {
    let api = Api::start().await;
    api.user("owner").await;
    api.user("other").await;
    let write = api.token("owner", "gist:write,user:write").await;
    let private = api.create(&write, gist_body("private")).await;
    let unlisted = api.create(&write, gist_body("unlisted")).await;
    let (pid, uid) = (
        private["id"].as_str().unwrap(),
        unlisted["id"].as_str().unwrap(),
    );
    let sha = private["history"][0]["version"].as_str().unwrap();
    let comment = api
        .send(
            Method::POST,
            &format!("/api/gists/{pid}/comments"),
            Some(&write),
            Some(json!({"body": "mine"})),
        )
        .await;
    assert_eq!(comment.status, 201);
    let cid = comment.body["id"].as_i64().unwrap();
    let raw = private["files"]["a.txt"]["raw_url"]
        .as_str()
        .unwrap()
        .to_owned();

    let reads = [
        format!("/api/gists/{pid}"),
        format!("/api/gists/{pid}/{sha}"),
        format!("/api/gists/{pid}/commits"),
        format!("/api/gists/{pid}/forks"),
        format!("/api/gists/{pid}/comments"),
        format!("/api/gists/{pid}/comments/{cid}"),
        format!("/api/v3/gists/{pid}"),
    ];
    let owner_tokens = [
        ("gist:read", api.token("owner", "gist:read").await, true),
        ("gist:write", api.token("owner", "gist:write").await, true),
        ("user:read", api.token("owner", "user:read").await, false),
        ("user:write", api.token("owner", "user:write").await, false),
        ("no scope", api.token("owner", "").await, false),
    ];
    let other = api
        .token("other", "gist:read,gist:write,user:read,user:write")
        .await;
    for path in &reads {
        assert_eq!(api.get(path, None).await.status, 404, "anonymous {path}");
        assert_eq!(
            api.get(path, Some(&other)).await.status,
            404,
            "other user {path}"
        );
        for (scope, token, sees) in &owner_tokens {
            let expected = if *sees { 200 } else { 404 };
            assert_eq!(
                api.get(path, Some(token)).await.status,
                expected,
                "owner with {scope}: {path}"
            );
        }
    }
    assert_eq!(
        api.request(Method::GET, &raw).send().await.status,
        404,
        "raw, anonymous"
    );
    assert_eq!(
        api.get(&format!("/api/gists/{pid}/star"), Some(&other))
            .await
            .status,
        404
    );

    // Writes by another user look exactly like a missing gist.
    let writes = [
        (
            Method::PATCH,
            format!("/api/gists/{pid}"),
            Some(json!({"description": "x"})),
        ),
        (
            Method::POST,
            format!("/api/gists/{pid}"),
            Some(json!({"description": "x"})),
        ),
        (Method::DELETE, format!("/api/gists/{pid}"), None),
        (Method::POST, format!("/api/gists/{pid}/forks"), None),
        (Method::PUT, format!("/api/gists/{pid}/star"), None),
        (Method::DELETE, format!("/api/gists/{pid}/star"), None),
        (
            Method::POST,
            format!("/api/gists/{pid}/comments"),
            Some(json!({"body": "x"})),
        ),
        (
            Method::PATCH,
            format!("/api/gists/{pid}/comments/{cid}"),
            Some(json!({"body": "x"})),
        ),
        (
            Method::DELETE,
            format!("/api/gists/{pid}/comments/{cid}"),
            None,
        ),
    ];
    for (method, path, body) in &writes {
        let reply = api
            .send(method.clone(), path, Some(&other), body.clone())
            .await;
        assert_eq!(reply.status, 404, "other user {method} {path}");
        assert_eq!(reply.body["message"], "Not Found");
        let anonymous = api.send(method.clone(), path, None, body.clone()).await;
        assert_eq!(anonymous.status, 401, "anonymous {method} {path}");
    }
    // The owner without the right scope is told so.
    let (_, read_only, _) = &owner_tokens[0];
    assert_eq!(
        api.send(
            Method::PATCH,
            &format!("/api/gists/{pid}"),
            Some(read_only),
            Some(json!({"description": "x"}))
        )
        .await
        .status,
        403
    );

    // Unlisted: readable by id, absent from every list for everyone else.
    assert_eq!(
        api.get(&format!("/api/gists/{uid}"), None).await.status,
        200
    );
    assert_eq!(
        api.get(&format!("/api/gists/{uid}"), Some(&other))
            .await
            .status,
        200
    );
    for list in ["/api/gists/public", "/api/users/owner/gists", "/api/gists"] {
        for token in [None, Some(other.as_str())] {
            let ids: Vec<Value> = api
                .get(list, token)
                .await
                .body
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["id"].clone())
                .collect();
            assert!(
                !ids.contains(&json!(uid)) && !ids.contains(&json!(pid)),
                "{list} {token:?}"
            );
        }
    }
    let (_, reader, _) = &owner_tokens[0];
    let own = api.get("/api/users/owner/gists", Some(reader)).await;
    assert_eq!(
        own.header("x-total"),
        "2",
        "the owner lists all their gists"
    );
    assert_eq!(
        api.get("/api/gists", Some(reader)).await.header("x-total"),
        "2"
    );
}

#[tokio::test]
async fn pagination_follows_links() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    for i in 0..7 {
        api.create(
            &token,
            json!({"public": true, "files": {format!("f{i}.txt"): {"content": "x"}}}),
        )
        .await;
    }
    let first = api
        .get(
            "/api/gists/public?per_page=3&since=2000-01-01T00:00:00Z",
            None,
        )
        .await;
    assert_eq!(first.header("x-total"), "7");
    assert_eq!(first.header("x-total-pages"), "3");
    assert_eq!(first.header("x-page"), "1");
    assert_eq!(first.header("x-per-page"), "3");
    let link = first.header("link");
    assert!(
        link.contains("rel=\"next\"")
            && link.contains("rel=\"last\"")
            && !link.contains("rel=\"prev\""),
        "{link}"
    );

    let mut seen = HashSet::new();
    let mut next = Some(api.url("/api/gists/public?per_page=3&since=2000-01-01T00:00:00Z"));
    let mut pages = 0;
    while let Some(url) = next {
        let page = api.get(&url, None).await;
        pages += 1;
        for gist in page.body.as_array().unwrap() {
            assert!(seen.insert(gist["id"].as_str().unwrap().to_owned()));
            assert!(
                gist["files"]
                    .as_object()
                    .unwrap()
                    .values()
                    .all(|f| f.get("content").is_none()),
                "list items carry no content"
            );
        }
        next = page
            .header("link")
            .split(", ")
            .find(|l| l.ends_with("rel=\"next\""))
            .map(|l| {
                l.trim_start_matches('<')
                    .split('>')
                    .next()
                    .unwrap()
                    .to_owned()
            });
        if let Some(url) = &next {
            assert!(
                url.contains("since=2000-01-01T00%3A00%3A00Z"),
                "other parameters kept: {url}"
            );
        }
    }
    assert_eq!((pages, seen.len()), (3, 7));
    let last = api.get("/api/gists/public?per_page=3&page=3", None).await;
    assert!(
        last.header("link").contains("rel=\"prev\"")
            && last.header("link").contains("rel=\"first\"")
    );
    assert_eq!(
        api.get("/api/gists/public?per_page=1000", None)
            .await
            .header("x-per-page"),
        "100"
    );
    assert_eq!(
        api.get("/api/gists/public?since=2999-01-01T00:00:00Z", None)
            .await
            .header("x-total"),
        "0"
    );
    assert_eq!(
        api.get("/api/gists/public?since=soon", None).await.status,
        422
    );
    assert_eq!(
        api.get("/api/gists/public?page=two", None).await.status,
        422
    );
}

#[tokio::test]
async fn content_limits_and_media_types() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    let big = "x".repeat(1024 * 1024 + 10);
    let gist = api.create(&token, json!({"public": true, "files": {"big.txt": {"content": big}, "small.txt": {"content": "héllo"}}})).await;
    let id = gist["id"].as_str().unwrap();
    let file = &gist["files"]["big.txt"];
    assert_eq!(file["truncated"], true);
    assert_eq!(file["size"], 1024 * 1024 + 10);
    assert_eq!(file["content"].as_str().unwrap().len(), 1024 * 1024);
    let raw = api
        .request(Method::GET, file["raw_url"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(raw.bytes.len(), 1024 * 1024 + 10, "raw has it all");

    let b64 = api
        .request(Method::GET, &api.url(&format!("/api/gists/{id}")))
        .header("accept", "application/vnd.github.base64+json")
        .send()
        .await;
    let body: Value = b64.json();
    assert_eq!(body["files"]["small.txt"]["encoding"], "base64");
    assert_eq!(body["files"]["small.txt"]["content"], "aMOpbGxv");
    for accept in [
        "application/vnd.github.raw+json",
        "*/*",
        "application/vnd.github.v3+json",
        "text/html",
        "application/xml",
    ] {
        let res = api
            .request(Method::GET, &api.url(&format!("/api/gists/{id}")))
            .header("accept", accept)
            .send()
            .await;
        assert_eq!(res.status, 200, "{accept}");
        assert_eq!(
            res.headers["content-type"], "application/json; charset=utf-8",
            "{accept}"
        );
    }

    // More than 300 files: the first 300, flagged.
    let files: serde_json::Map<String, Value> = (0..301)
        .map(|i| (format!("f{i:03}.txt"), json!({"content": "x"})))
        .collect();
    let many = api
        .create(&token, json!({"public": true, "files": files}))
        .await;
    assert_eq!(many["truncated"], true);
    assert_eq!(many["files"].as_object().unwrap().len(), 300);
    let listed = api.get("/api/gists/public", None).await;
    let item = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == many["id"])
        .unwrap()
        .clone();
    assert_eq!(item["truncated"], true);

    // ETag and 304.
    let first = api.get(&format!("/api/gists/{id}"), None).await;
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    let again = api
        .request(Method::GET, &api.url(&format!("/api/gists/{id}")))
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(again.status, 304);
    assert!(again.bytes.is_empty());
    let modified = first.header("last-modified").to_owned();
    assert!(modified.ends_with(" GMT"), "{modified}");
    let since = |date: &str| {
        let req = api
            .request(Method::GET, &api.url(&format!("/api/gists/{id}")))
            .header("if-modified-since", date);
        async move { req.send().await.status }
    };
    assert_eq!(
        since(&modified).await,
        304,
        "not modified since its own Last-Modified"
    );
    assert_eq!(since("Mon, 01 Jan 2001 00:00:00 GMT").await, 200);
    let list_etag = api
        .get("/api/gists/public", None)
        .await
        .header("etag")
        .to_owned();
    api.create(
        &token,
        json!({"public": true, "files": {"n": {"content": "x"}}}),
    )
    .await;
    let changed = api
        .request(Method::GET, &api.url("/api/gists/public"))
        .header("if-none-match", &list_etag)
        .send()
        .await;
    assert_eq!(changed.status, 200, "a changed list is sent again");
}

#[tokio::test]
async fn errors_are_precise_json() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write,user:write").await;
    let post = |body: &'static str| {
        let req = api
            .request(Method::POST, &api.url("/api/gists"))
            .header("authorization", format!("token {token}"))
            .body(body);
        async move {
            let res = req.send().await;
            (res.status.as_u16(), res.json())
        }
    };
    assert_eq!(
        post("{nope").await,
        (
            400,
            json!({"message": "Problems parsing JSON", "documentation_url": "https://docs.github.com/rest/gists", "status": 400})
        )
    );
    assert_eq!(
        post("[1, 2]").await.1["message"],
        "Body should be a JSON object"
    );
    assert_eq!(post("").await.0, 400);
    let (status, body) = post(r#"{"files": {"a/b": {"content": "x"}}}"#).await;
    assert_eq!(status, 422);
    assert_eq!(body["message"], "Validation Failed");
    assert_eq!(body["errors"][0]["resource"], "Gist");
    assert_eq!(body["errors"][0]["field"], "files");
    assert_eq!(body["errors"][0]["code"], "invalid");
    assert_eq!(
        post(r#"{"files": {"a": {"content": " \n"}}}"#).await.1["errors"][0]["code"],
        "missing_field"
    );
    assert_eq!(
        post(r#"{"files": {"a": {"content": "x"}}, "description": 5}"#)
            .await
            .0,
        422
    );
    assert_eq!(
        post(r#"{"files": {"a": {"content": "x"}}, "visibility": "secret"}"#)
            .await
            .0,
        422
    );

    let unknown = api.get("/api/no/such/route", None).await;
    assert_eq!(
        (unknown.status, unknown.body["message"].as_str().unwrap()),
        (StatusCode::NOT_FOUND, "Not Found")
    );
    assert_eq!(
        unknown.header("content-type"),
        "application/json; charset=utf-8"
    );
    assert_eq!(
        api.send(Method::PUT, "/api/gists/public", None, None)
            .await
            .status,
        405
    );

    // 413 before the body is read: a body that never comes is not waited for.
    let never = futures_util::stream::pending::<Result<Vec<u8>, std::io::Error>>();
    let refused = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        api.request(Method::POST, "/api/gists")
            .header("authorization", format!("token {token}"))
            .header("content-type", "application/json")
            .header("content-length", "999999999")
            .body(Body::from_stream(never))
            .send(),
    )
    .await
    .expect("answered without reading the body");
    assert_eq!(refused.status, 413);

    // A taken username is a conflict.
    api.user("bob").await;
    let taken = api
        .send(
            Method::PATCH,
            "/api/user",
            Some(&token),
            Some(json!({"login": "BOB"})),
        )
        .await;
    assert_eq!(taken.status, 409);
}

#[tokio::test]
async fn stars_forks_comments_and_users() {
    let api = Api::start().await;
    api.user("alice").await;
    api.user("bob").await;
    let alice = api.token("alice", "gist:write,user:write").await;
    let bob = api.token("bob", "gist:write,user:write").await;
    let gist = api.create(&alice, gist_body("public")).await;
    let id = gist["id"].as_str().unwrap();

    assert_eq!(
        api.get(&format!("/api/gists/{id}/star"), Some(&bob))
            .await
            .status,
        404
    );
    for _ in 0..2 {
        assert_eq!(
            api.send(
                Method::PUT,
                &format!("/api/gists/{id}/star"),
                Some(&bob),
                None
            )
            .await
            .status,
            204
        );
    }
    assert_eq!(
        api.get(&format!("/api/gists/{id}/star"), Some(&bob))
            .await
            .status,
        204
    );
    assert_eq!(
        api.get(&format!("/api/gists/{id}"), None).await.body["star_count"],
        1
    );
    for path in ["/api/gists/starred", "/api/gists/liked"] {
        let starred = api.get(path, Some(&bob)).await;
        assert_eq!(starred.body[0]["id"], id, "{path}");
    }
    let gist_only = api.token("bob", "gist:write").await;
    assert_eq!(
        api.send(
            Method::PUT,
            &format!("/api/gists/{id}/star"),
            Some(&gist_only),
            None
        )
        .await
        .status,
        403
    );
    for _ in 0..2 {
        assert_eq!(
            api.send(
                Method::DELETE,
                &format!("/api/gists/{id}/star"),
                Some(&bob),
                None
            )
            .await
            .status,
            204
        );
    }
    assert_eq!(
        api.get(&format!("/api/gists/{id}/star"), Some(&bob))
            .await
            .status,
        404
    );

    let fork = api
        .send(
            Method::POST,
            &format!("/api/gists/{id}/forks"),
            Some(&bob),
            None,
        )
        .await;
    assert_eq!(fork.status, 201);
    let fork_id = fork.body["id"].as_str().unwrap();
    assert_eq!(
        fork.header("location"),
        api.url(&format!("/api/gists/{fork_id}"))
    );
    assert_eq!(fork.body["fork_of"]["id"], id);
    assert_eq!(fork.body["owner"]["login"], "bob");
    let own = api
        .send(
            Method::POST,
            &format!("/api/gists/{id}/forks"),
            Some(&alice),
            None,
        )
        .await;
    assert_eq!(own.status, 422);
    let forks = api.get(&format!("/api/gists/{id}/forks"), None).await;
    assert_eq!(forks.body[0]["id"], fork_id);
    let source = api.get(&format!("/api/gists/{id}"), None).await.body;
    assert_eq!(source["fork_count"], 1);
    assert_eq!(source["forks"][0]["id"], fork_id);
    assert_eq!(source["forks"][0]["user"]["login"], "bob");

    let created = api
        .send(
            Method::POST,
            &format!("/api/gists/{id}/comments"),
            Some(&bob),
            Some(json!({"body": "**nice**"})),
        )
        .await;
    assert_eq!(created.status, 201);
    let cid = created.body["id"].as_i64().unwrap();
    assert_eq!(created.body["user"]["login"], "bob");
    assert_eq!(created.body["author_association"], "NONE");
    assert_eq!(
        api.send(
            Method::POST,
            &format!("/api/gists/{id}/comments"),
            Some(&bob),
            Some(json!({}))
        )
        .await
        .status,
        422
    );
    let listed = api.get(&format!("/api/gists/{id}/comments"), None).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(
        api.get(&format!("/api/gists/{id}"), None).await.body["comments"],
        1
    );
    let path = format!("/api/gists/{id}/comments/{cid}");
    assert_eq!(
        api.send(
            Method::PATCH,
            &path,
            Some(&alice),
            Some(json!({"body": "hijack"}))
        )
        .await
        .status,
        403
    );
    let edited = api
        .send(
            Method::PATCH,
            &path,
            Some(&bob),
            Some(json!({"body": "edited"})),
        )
        .await;
    assert_eq!(edited.body["body"], "edited");
    assert_eq!(api.get(&path, None).await.body["body"], "edited");
    assert_eq!(
        api.send(Method::DELETE, &path, Some(&alice), None)
            .await
            .status,
        204,
        "the gist owner may delete"
    );
    assert_eq!(api.get(&path, None).await.status, 404);
    assert_eq!(
        api.get(&format!("/api/gists/{id}/comments/nope"), None)
            .await
            .status,
        404
    );

    let user = api.get("/api/users/alice", None).await;
    assert_eq!(user.body["login"], "alice");
    assert_eq!(user.body["type"], "User");
    assert_eq!(user.body["site_admin"], true);
    for field in [
        "url",
        "html_url",
        "avatar_url",
        "followers_url",
        "gists_url",
        "repos_url",
        "events_url",
        "received_events_url",
    ] {
        assert!(
            user.body[field].as_str().unwrap().starts_with("http"),
            "{field}"
        );
    }
    assert!(
        user.body.get("email").is_none(),
        "public profile has no email"
    );
    assert_eq!(api.get("/api/users/nobody", None).await.status, 404);
    let me = api
        .get("/api/user", Some(&api.token("alice", "user:read").await))
        .await;
    assert_eq!(me.body["email"], "alice@example.com");
    let updated = api
        .send(
            Method::PATCH,
            "/api/user",
            Some(&alice),
            Some(json!({"name": "Alice A.", "bio": "hi"})),
        )
        .await;
    assert_eq!(
        (updated.body["name"].as_str(), updated.body["bio"].as_str()),
        (Some("Alice A."), Some("hi"))
    );
    assert_eq!(
        api.send(
            Method::PATCH,
            "/api/user",
            Some(&alice),
            Some(json!({"email": "bad"}))
        )
        .await
        .status,
        422
    );
}

#[tokio::test]
async fn v3_prefix_is_kept_in_urls() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    let created = api
        .send(
            Method::POST,
            "/api/v3/gists",
            Some(&token),
            Some(gist_body("public")),
        )
        .await;
    assert_eq!(created.status, 201);
    let id = created.body["id"].as_str().unwrap();
    assert_eq!(
        created.header("location"),
        api.url(&format!("/api/v3/gists/{id}"))
    );
    assert!(
        created.body["url"]
            .as_str()
            .unwrap()
            .contains("/api/v3/gists/")
    );
    assert!(
        created.body["owner"]["url"]
            .as_str()
            .unwrap()
            .contains("/api/v3/users/")
    );
    assert!(
        created.body["html_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/alice/{id}"))
    );
    let plain = api.get(&format!("/api/gists/{id}"), None).await;
    assert!(!plain.body["url"].as_str().unwrap().contains("/v3/"));
}

#[tokio::test]
async fn openapi_document_is_served() {
    let api = Api::start().await;
    let res = api
        .request(Method::GET, &api.url("/api/openapi.yaml"))
        .send()
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.headers["content-type"], "application/yaml");
    let yaml = res.body;
    assert!(yaml.starts_with("openapi: 3.1"));
    for path in [
        "/gists/{gist_id}/comments/{comment_id}:",
        "/users/{username}/gists:",
        "/gists/starred:",
    ] {
        assert!(yaml.contains(path), "{path}");
    }
}

#[tokio::test]
async fn instance_gates() {
    // API switched off in the configuration: every /api route is 403, tokens included.
    let off = Api::with_env(&[("OG_API_ENABLED", "false")]).await;
    off.user("alice").await;
    let token = off.token("alice", "gist:write").await;
    for path in [
        "/api/gists/public",
        "/api/v3/gists",
        "/api/openapi.yaml",
        "/api/users/alice",
        "/api/nowhere",
    ] {
        let res = off.get(path, Some(&token)).await;
        assert_eq!(res.status, 403, "{path}");
        assert_eq!(
            res.headers["content-type"],
            "application/json; charset=utf-8"
        );
    }
    drop(off);

    // Switched off by the admin at run time, then back on: the same token works again.
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    api.app.settings(|s| s.api_enabled = false).await;
    assert_eq!(api.get("/api/gists/public", Some(&token)).await.status, 403);
    api.app.settings(|s| s.api_enabled = true).await;
    let res = api
        .send(
            Method::POST,
            "/api/gists",
            Some(&token),
            Some(json!({"public": true, "files": {"a.txt": {"content": "x"}}})),
        )
        .await;
    assert_eq!(res.status, 201);
    let gist: Value = res.body;
    let id = gist["id"].as_str().unwrap().to_owned();
    let raw = gist["files"]["a.txt"]["raw_url"]
        .as_str()
        .unwrap()
        .to_owned();

    // "Require login": anonymous callers are turned away everywhere...
    api.app.settings(|s| s.require_login = true).await;
    for path in [
        "/api/gists/public".to_owned(),
        format!("/api/gists/{id}"),
        format!("/api/gists/{id}/commits"),
    ] {
        assert_eq!(api.get(&path, None).await.status, 401, "{path}");
    }
    assert_eq!(api.get(&raw, None).await.status, 401);
    assert_eq!(api.get("/api/gists/public", Some(&token)).await.status, 200);

    // ...unless single gists stay open: those, and only those, answer anonymously.
    api.app.settings(|s| s.allow_individual_gists = true).await;
    for path in [
        format!("/api/gists/{id}"),
        format!("/api/gists/{id}/commits"),
    ] {
        assert_eq!(api.get(&path, None).await.status, 200, "{path}");
    }
    assert_eq!(api.get(&raw, None).await.status, 200);
    assert_eq!(api.get("/api/gists/public", None).await.status, 401);
    assert_eq!(
        api.get(&format!("/api/gists/{id}/forks"), None)
            .await
            .status,
        401
    );
}

/// A file that is not UTF-8 (committed with git itself) is always sent as base64.
#[tokio::test]
async fn binary_files_are_base64() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    let gist = api.create(&token, gist_body("public")).await;
    let id = gist["id"].as_str().unwrap();

    let repo = api
        .app
        .state
        .home
        .join("repos")
        .join(&id[..2])
        .join(format!("{id}.git"));
    let work = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=alice",
                "-c",
                "user.email=alice@example.com",
            ])
            .args(args)
            .current_dir(work.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["clone", "-q", repo.to_str().unwrap(), "."]);
    std::fs::write(
        work.path().join("image.bin"),
        [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe],
    )
    .unwrap();
    git(&["add", "image.bin"]);
    git(&["commit", "-q", "-m", "binary"]);
    git(&["push", "-q", "origin", "HEAD:main"]);
    // The repository moved on behind the server's back (as when a push is cut off after
    // its ref moved): the next edit first brings the database up to the repository, so
    // it neither answers 409 forever nor loses the pushed commit.
    let caught_up = api
        .send(
            Method::PATCH,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(json!({"description": "caught up"})),
        )
        .await;
    assert_eq!(caught_up.status, 200, "{}", caught_up.body);
    assert_eq!(caught_up.body["description"], "caught up");
    assert!(
        caught_up.body["files"].get("image.bin").is_some(),
        "the pushed file is part of the edit: {}",
        caught_up.body
    );
    // The database learns of commits made outside the server through fsck (pushes over
    // HTTP will sync in the same request).
    assert!(
        common::run(&api.app.state.home, &["admin", "fsck"], "")
            .status
            .success()
    );

    let read = api.get(&format!("/api/gists/{id}"), None).await;
    let file = &read.body["files"]["image.bin"];
    assert_eq!(file["encoding"], "base64", "{}", read.body);
    assert_eq!(file["content"], "iVBORwD//g==");
    assert_eq!(file["size"], 7);
    assert_eq!(read.body["files"]["a.txt"]["encoding"], "utf-8");
    let fresh = api
        .send(
            Method::PATCH,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(json!({"description": "fresh"})),
        )
        .await;
    assert_eq!(fresh.status, 200);
    assert!(
        fresh.body["files"].get("image.bin").is_some(),
        "the pushed file survives an edit"
    );
    let raw = api
        .request(Method::GET, file["raw_url"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(raw.headers["content-type"], "application/octet-stream");
    assert_eq!(raw.bytes, [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe]);
}

/// `GET /api/search/gists`: the gist list shape, the lists' pagination headers, the
/// caller's own private gists only for them, and a 422 naming what is wrong.
#[tokio::test]
async fn search_gists() {
    let api = Api::start().await;
    api.user("alice").await;
    api.user("bob").await;
    let alice = api.token("alice", "gist:write").await;
    let bob = api.token("bob", "gist:write").await;
    let mut ids = Vec::new();
    for (visibility, name) in [
        ("public", "one.rs"),
        ("public", "two.rs"),
        ("private", "three.rs"),
    ] {
        let body = json!({"description": "capybara", "visibility": visibility,
            "files": {name: {"content": "fn capybara_count() {}\n"}}});
        ids.push(
            api.create(&alice, body).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }

    let reply = api
        .get("/api/search/gists?q=capybara_count&per_page=1", None)
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body.as_array().unwrap().len(), 1);
    assert!(reply.body[0]["files"].as_object().unwrap().len() == 1);
    let link = reply.header("link");
    assert!(
        link.contains("rel=\"next\"") && link.contains("page=2"),
        "{link}"
    );
    assert!(
        link.contains("q=capybara_count"),
        "the query is kept: {link}"
    );

    let found = |reply: &Reply| -> Vec<String> {
        let mut ids: Vec<String> = reply
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids
    };
    let mut public = ids[..2].to_vec();
    public.sort();
    let mut all = ids.clone();
    all.sort();
    assert_eq!(
        found(&api.get("/api/search/gists?q=capybara", None).await),
        public
    );
    assert_eq!(
        found(&api.get("/api/search/gists?q=capybara", Some(&bob)).await),
        public
    );
    assert_eq!(
        found(&api.get("/api/search/gists?q=capybara", Some(&alice)).await),
        all
    );
    assert_eq!(
        found(
            &api.get(
                "/api/search/gists?q=extension:rs+filename:three",
                Some(&alice)
            )
            .await
        ),
        [ids[2].clone()]
    );
    assert_eq!(
        api.get("/api/v3/search/gists?q=filename:three", Some(&bob))
            .await
            .body,
        json!([])
    );

    for (path, message) in [
        ("/api/search/gists", "Type something to search for"),
        ("/api/search/gists?q=user:", "`user:` needs a value"),
        (
            "/api/search/gists?q=x&sort=forks",
            "sort must be best-match, updated or stars",
        ),
        (
            "/api/search/gists?q=x&page=zero",
            "page must be a whole number",
        ),
    ] {
        let reply = api.get(path, None).await;
        assert_eq!(reply.status, 422, "{path}: {}", reply.body);
        assert!(
            reply.body["message"].as_str().unwrap().contains(message)
                || reply.body.to_string().contains(message),
            "{path}: {}",
            reply.body
        );
    }

    let health = api.get("/healthz", None).await;
    assert_eq!(health.body["search"]["status"], "ok", "{}", health.body);
    assert_eq!(health.body["search"]["pending"], 0, "{}", health.body);
}

/// `language` on a file object (an addition to GitHub's API): chosen on create, shown in
/// lists and gists, changed alone without a commit, cleared with null, and refused when
/// the server does not know it.
#[tokio::test]
async fn files_take_a_chosen_language() {
    let api = Api::start().await;
    api.user("alice").await;
    let token = api.token("alice", "gist:write").await;
    let made = api
        .send(Method::POST, "/api/gists", Some(&token), Some(json!({
            "public": true,
            "files": {"Vagrantfile.txt": {"content": "puts 1\n", "language": "ruby"}, "a.md": {"content": "# A\n"}}
        })))
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.body["id"].as_str().unwrap().to_owned();
    assert_eq!(made.body["files"]["Vagrantfile.txt"]["language"], "Ruby");
    assert_eq!(made.body["files"]["a.md"]["language"], "Markdown");
    let listed = api.get("/api/gists/public", None).await;
    assert_eq!(
        listed.body[0]["files"]["Vagrantfile.txt"]["language"],
        "Ruby"
    );

    // A language alone: no new revision, and the file is kept (GitHub's `{}` deletes).
    let chosen = api
        .send(
            Method::PATCH,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(json!({
                "files": {"a.md": {"language": "Text"}, "Vagrantfile.txt": {"language": null}}
            })),
        )
        .await;
    assert_eq!(chosen.status, 200, "{}", chosen.body);
    assert_eq!(chosen.body["history"].as_array().unwrap().len(), 1);
    assert_eq!(
        chosen.body["files"]["a.md"]["language"],
        Value::Null,
        "Text shows as null"
    );
    assert_eq!(chosen.body["files"]["a.md"]["content"], "# A\n");
    assert_eq!(
        chosen.body["files"]["Vagrantfile.txt"]["language"],
        Value::Null
    );

    // With a rename: the choice follows the new name.
    let renamed = api
        .send(
            Method::PATCH,
            &format!("/api/gists/{id}"),
            Some(&token),
            Some(json!({
                "files": {"a.md": {"filename": "b.sql.txt", "language": "SQL"}}
            })),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(renamed.body["files"]["b.sql.txt"]["language"], "SQL");
    assert_eq!(renamed.body["history"].as_array().unwrap().len(), 2);

    for bad in [json!("Klingon"), json!(7)] {
        let refused = api
            .send(
                Method::PATCH,
                &format!("/api/gists/{id}"),
                Some(&token),
                Some(json!({
                    "files": {"b.sql.txt": {"language": bad}}
                })),
            )
            .await;
        assert_eq!(refused.status, 422, "{bad}: {}", refused.body);
    }
    let after = api.get(&format!("/api/gists/{id}"), None).await;
    assert_eq!(after.body["files"]["b.sql.txt"]["language"], "SQL");
}
