//! GitHub's search syntax on `/api/search/gists`: `stars:`, `forks:`, `fork:`, `size:`,
//! `created:`, `updated:` with comparisons and ranges, `NOT word`, `-qualifier:value`,
//! `sort=stars`, and a 422 naming a malformed qualifier. Counts change the index as they
//! change (a star is a change search sees).

mod common;

use axum::http::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use app::entities::gist;
use app::rules::{Scope, Visibility};
use common::app::TestApp;

async fn search(
    app: &TestApp,
    query: &str,
    token: Option<&str>,
) -> (StatusCode, Vec<String>, String) {
    // `q=…&sort=…`, each value encoded here.
    let q = query
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap();
            let value: String = url::form_urlencoded::byte_serialize(value.as_bytes()).collect();
            format!("{key}={value}")
        })
        .collect::<Vec<_>>()
        .join("&");
    let mut request = app.request(Method::GET, &format!("/api/search/gists?{q}"));
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let answer = request.send().await;
    let ids = match answer.status {
        StatusCode::OK => answer
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap().to_owned())
            .collect(),
        _ => Vec::new(),
    };
    (answer.status, ids, answer.body)
}

/// The ids found for `q=…` (with any further parameters), in order.
async fn found(app: &TestApp, query: &str) -> Vec<String> {
    let (status, ids, body) = search(app, query, None).await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    ids
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[tokio::test]
async fn numbers_dates_forks_negation_and_sort() {
    let app = TestApp::new().await;
    let alice = app.user("alice", false).await;
    let bob = app.user("bob", false).await;
    let fans = [
        app.user("carol", false).await,
        app.user("dave", false).await,
    ];
    let big = app
        .gist(
            &alice,
            Visibility::Public,
            &format!("needle alpha {}", "x".repeat(2000)),
        )
        .await;
    let small = app.gist(&alice, Visibility::Public, "needle beta").await;
    let private = app.gist(&alice, Visibility::Private, "needle gamma").await;
    for user in [&bob, &fans[0], &fans[1]] {
        app.state.gists.star(user, &big).await.unwrap();
    }
    app.state.gists.star(&bob, &small).await.unwrap();
    let fork = app
        .state
        .gists
        .fork(&bob, &small)
        .await
        .unwrap()
        .summary
        .gist
        .id;
    // Back-date the two originals (a change of `updated_at` is one search sees).
    for (id, day) in [
        (&big, "2025-06-01T12:00:00Z"),
        (&small, "2026-02-01T12:00:00Z"),
    ] {
        let at = chrono::DateTime::parse_from_rfc3339(day).unwrap().to_utc();
        gist::Entity::update_many()
            .col_expr(gist::Column::CreatedAt, Expr::value(at))
            .col_expr(gist::Column::UpdatedAt, Expr::value(at))
            .filter(gist::Column::Id.eq(id.as_str()))
            .exec(&app.state.db)
            .await
            .unwrap();
    }
    let all = sorted(vec![big.clone(), small.clone(), fork.clone()]);
    assert_eq!(sorted(found(&app, "q=needle").await), all);

    // Stars and forks, compared and in ranges.
    assert_eq!(found(&app, "q=needle stars:>2").await, [big.as_str()]);
    assert_eq!(found(&app, "q=needle stars:>=3").await, [big.as_str()]);
    assert_eq!(found(&app, "q=needle stars:1..2").await, [small.as_str()]);
    assert_eq!(found(&app, "q=needle stars:1").await, [small.as_str()]);
    assert_eq!(found(&app, "q=needle stars:0").await, [fork.as_str()]);
    assert_eq!(
        sorted(found(&app, "q=needle stars:*..1").await),
        sorted(vec![small.clone(), fork.clone()])
    );
    assert_eq!(found(&app, "q=needle forks:>=1").await, [small.as_str()]);
    // Qualifiers alone are a search.
    assert_eq!(found(&app, "q=stars:>2").await, [big.as_str()]);

    // Forks: only, or none; `fork:true` changes nothing.
    assert_eq!(found(&app, "q=needle fork:only").await, [fork.as_str()]);
    assert_eq!(
        sorted(found(&app, "q=needle fork:false").await),
        sorted(vec![big.clone(), small.clone()])
    );
    assert_eq!(
        sorted(found(&app, "q=needle -fork:only").await),
        sorted(vec![big.clone(), small.clone()])
    );
    assert_eq!(sorted(found(&app, "q=needle fork:true").await), all);

    // Size of all files, in bytes.
    assert_eq!(found(&app, "q=needle size:>1000").await, [big.as_str()]);
    assert_eq!(
        sorted(found(&app, "q=needle size:<100").await),
        sorted(vec![small.clone(), fork.clone()])
    );

    // Dates: a day is the whole day; comparisons and ranges.
    assert_eq!(
        found(&app, "q=needle created:<2026-01-01").await,
        [big.as_str()]
    );
    assert_eq!(
        found(&app, "q=needle created:2026-02-01").await,
        [small.as_str()]
    );
    assert_eq!(
        found(&app, "q=needle created:2025-01-01..2025-12-31").await,
        [big.as_str()]
    );
    assert_eq!(
        found(&app, "q=needle updated:>2026-02-01").await,
        [fork.as_str()]
    );
    assert_eq!(
        sorted(found(&app, "q=needle updated:<=2026-02-01").await),
        sorted(vec![big.clone(), small.clone()])
    );

    // Negation: a word, a qualifier.
    assert_eq!(
        sorted(found(&app, "q=needle NOT alpha").await),
        sorted(vec![small.clone(), fork.clone()])
    );
    assert_eq!(
        sorted(found(&app, "q=needle -user:bob").await),
        sorted(vec![big.clone(), small.clone()])
    );
    assert_eq!(found(&app, "q=needle -user:alice").await, [fork.as_str()]);

    // Most starred first.
    assert_eq!(
        found(&app, "q=needle&sort=stars").await,
        [big.as_str(), small.as_str(), fork.as_str()]
    );

    // A star is seen at once: the fork now has two, and comes second.
    for user in [&fans[0], &fans[1]] {
        app.state.gists.star(user, &fork).await.unwrap();
    }
    assert_eq!(found(&app, "q=needle stars:2").await, [fork.as_str()]);

    // The private gist stays its owner's, whatever the qualifiers.
    assert!(!found(&app, "q=needle stars:0").await.contains(&private));
    assert!(!found(&app, "q=NOT alpha").await.contains(&private));
    let token = app.token(&alice, &[Scope::GistRead]).await;
    let (_, mine, _) = search(&app, "q=needle stars:0 fork:false", Some(&token)).await;
    assert_eq!(mine, [private.as_str()]);
    let (_, others, _) = search(&app, "q=needle stars:0 fork:false", None).await;
    assert!(others.is_empty(), "{others:?}");
}

#[tokio::test]
async fn malformed_qualifiers_are_a_422_naming_them() {
    let app = TestApp::new().await;
    for (q, named) in [
        ("q=rust stars:>lots", "stars:>lots"),
        ("q=forks:1..many", "forks:1..many"),
        ("q=size:big", "size:big"),
        ("q=created:2026-02-30", "created:2026-02-30"),
        ("q=updated:last-week", "updated:last-week"),
        ("q=fork:sometimes", "fork:sometimes"),
        ("q=x -stars:", "`stars:` needs a value"),
    ] {
        let (status, _, body) = search(&app, q, None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{q}: {body}");
        assert!(body.contains(named), "{q}: {body}");
    }
    let (status, _, body) = search(&app, "q=x&sort=forks", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("best-match, updated or stars"), "{body}");
}
