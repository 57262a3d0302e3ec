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
