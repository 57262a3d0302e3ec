//! Search learns GitHub's `stars:`, `forks:` and `sort=stars`: a gist's search document
//! now carries its star and fork counts, so a change to either is a change search sees.
//! The update trigger is rebuilt with those columns added (the index rebuilds itself on
//! its new shape at the next start).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const BEFORE: &str = "title, description, visibility, topics, head, owner_id, updated_at";
const AFTER: &str =
    "title, description, visibility, topics, head, owner_id, updated_at, star_count, fork_count";

async fn update_trigger(m: &SchemaManager<'_>, columns: &str) -> Result<(), DbErr> {
    let db = m.get_connection();
    let statements = match m.get_database_backend() {
        DbBackend::MySql => {
            let changed = columns
                .split(", ")
                .map(|c| format!("NOT (OLD.{c} <=> NEW.{c})"))
                .collect::<Vec<_>>()
                .join(" OR ");
            vec![
                "DROP TRIGGER IF EXISTS search_gist_update".to_owned(),
                format!(
                    "CREATE TRIGGER search_gist_update AFTER UPDATE ON gists FOR EACH ROW \
                     IF {changed} THEN INSERT INTO search_changes (gist_id) VALUES (NEW.id); \
                     END IF"
                ),
            ]
        }
        // One call, so one connection: on SQLite the two statements would otherwise
        // run on different pooled connections, and the second could still see the
        // trigger the first dropped.
        DbBackend::Sqlite => vec![format!(
            "DROP TRIGGER IF EXISTS search_gist_update; \
             CREATE TRIGGER search_gist_update AFTER UPDATE OF {columns} ON gists \
             BEGIN INSERT INTO search_changes (gist_id) VALUES (NEW.id); END"
        )],
        _ => vec![
            "DROP TRIGGER IF EXISTS search_gist_update ON gists".to_owned(),
            format!(
                "CREATE TRIGGER search_gist_update AFTER UPDATE OF {columns} ON gists \
                 FOR EACH ROW EXECUTE FUNCTION search_gist_changed()"
            ),
        ],
    };
    for sql in statements {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        update_trigger(m, AFTER).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        update_trigger(m, BEFORE).await
    }
}
