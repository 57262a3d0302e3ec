//! How the database is opened: what the server relies on from SQLite's build.

#![cfg(feature = "ssr")]

use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// Every page and every `.one()` binds its `LIMIT`: with the query planner stability
/// guarantee off, SQLite compiles such a statement again each time it runs (15% of the
/// API gist read's CPU, issue 16). `.cargo/config.toml` turns it on in the bundled build.
#[tokio::test]
async fn sqlite_is_built_with_stable_query_plans() {
    let db = app::db::connect("sqlite::memory:").await.unwrap();
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA compile_options",
        ))
        .await
        .unwrap();
    let options: Vec<String> = rows
        .iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect();
    assert!(
        options.iter().any(|o| o == "ENABLE_QPSG"),
        "compile options: {options:?}"
    );
}

mod common;

use app::rules::Visibility;
use app::rules::update::FileEntry;
use app::services::gists::NewGist;
use chrono::{TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// What every backend must keep exactly as given. MySQL's defaults would not: its usual
/// collations call `a.txt` and `A.txt` the same name (and `alice` and `Alice` the same
/// user), and its `TIMESTAMP` drops fractions.
#[tokio::test]
async fn text_is_byte_exact_and_times_keep_microseconds() {
    for ctx in common::backends().await {
        let alice = ctx.user("alice").await;
        let files = ["a.txt", "A.txt", "ä.txt", "a\u{308}.txt"];
        let created = ctx
            .gists
            .create(
                &alice,
                NewGist {
                    title: "Cases".into(),
                    description: String::new(),
                    visibility: Visibility::Public,
                    topics: vec![],
                    files: files
                        .iter()
                        .map(|name| FileEntry {
                            name: (*name).into(),
                            content: format!("{name}\n"),
                        })
                        .collect(),
                },
            )
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", ctx.backend));
        let id = created.summary.gist.id.clone();
        let read = ctx.gists.get(None, &id).await.unwrap();
        let mut names: Vec<&str> = read
            .summary
            .files
            .iter()
            .map(|f| f.filename.as_str())
            .collect();
        names.sort();
        let mut expected = files.to_vec();
        expected.sort();
        assert_eq!(names, expected, "{}", ctx.backend);

        // A precise instant survives a round trip (MySQL's `TIMESTAMP` keeps seconds).
        let precise = Utc.with_ymd_and_hms(2037, 3, 4, 5, 6, 7).unwrap()
            + chrono::Duration::microseconds(123_456);
        app::entities::gist::Entity::update_many()
            .col_expr(
                app::entities::gist::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(Some(precise)),
            )
            .filter(app::entities::gist::Column::Id.eq(&id))
            .exec(&ctx.db)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", ctx.backend));
        let back = ctx.gists.find(None, &id).await.unwrap();
        assert_eq!(back.expires_at, Some(precise), "{}", ctx.backend);
    }
}
