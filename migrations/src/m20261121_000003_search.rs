//! The search index's feed: every change to what search sees leaves a row in
//! `search_changes`, written by triggers inside the changing transaction, so no code path
//! (web, API, push, admin, a cascading account deletion) can forget it. Each server keeps
//! its own index and replays the rows it has not applied yet.
//!
//! MySQL/MariaDB has no `UPDATE OF columns` and one trigger per event: the update
//! trigger compares the indexed columns itself. It also fires no trigger for rows a
//! foreign key cascade deletes, so deleting an account deletes its gists first
//! (`UserService::delete`).

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What a gist's search document is made of; stars and counters are left out.
const INDEXED_COLUMNS: &str = "title, description, visibility, topics, head, owner_id, updated_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SearchChanges::Table)
                .col(
                    big_integer(SearchChanges::Seq)
                        .primary_key()
                        .auto_increment(),
                )
                .col(string_len(SearchChanges::GistId, 32))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let statements = match m.get_database_backend() {
            DbBackend::MySql => {
                let changed = INDEXED_COLUMNS
                    .split(", ")
                    .map(|c| format!("NOT (OLD.{c} <=> NEW.{c})"))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                vec![
                    "CREATE TRIGGER search_gist_insert AFTER INSERT ON gists FOR EACH ROW \
                     INSERT INTO search_changes (gist_id) VALUES (NEW.id)"
                        .to_owned(),
                    format!(
                        "CREATE TRIGGER search_gist_update AFTER UPDATE ON gists FOR EACH ROW \
                         IF {changed} THEN INSERT INTO search_changes (gist_id) VALUES (NEW.id); \
                         END IF"
                    ),
                    "CREATE TRIGGER search_gist_delete AFTER DELETE ON gists FOR EACH ROW \
                     INSERT INTO search_changes (gist_id) VALUES (OLD.id)"
                        .to_owned(),
                    "CREATE TRIGGER search_user_rename AFTER UPDATE ON users FOR EACH ROW \
                     IF NOT (OLD.username <=> NEW.username) THEN INSERT INTO search_changes \
                     (gist_id) SELECT id FROM gists WHERE owner_id = NEW.id; END IF"
                        .to_owned(),
                ]
            }
            DbBackend::Sqlite => vec![
                "CREATE TRIGGER search_gist_insert AFTER INSERT ON gists BEGIN \
                 INSERT INTO search_changes (gist_id) VALUES (NEW.id); END"
                    .to_owned(),
                format!(
                    "CREATE TRIGGER search_gist_update AFTER UPDATE OF {INDEXED_COLUMNS} ON gists \
                     BEGIN INSERT INTO search_changes (gist_id) VALUES (NEW.id); END"
                ),
                "CREATE TRIGGER search_gist_delete AFTER DELETE ON gists BEGIN \
                 INSERT INTO search_changes (gist_id) VALUES (OLD.id); END"
                    .to_owned(),
                "CREATE TRIGGER search_user_rename AFTER UPDATE OF username ON users BEGIN \
                 INSERT INTO search_changes (gist_id) SELECT id FROM gists WHERE owner_id = NEW.id; END"
                    .to_owned(),
            ],
            _ => vec![
                "CREATE FUNCTION search_gist_changed() RETURNS trigger AS $$ BEGIN \
                 IF TG_OP = 'DELETE' THEN INSERT INTO search_changes (gist_id) VALUES (OLD.id); RETURN OLD; \
                 ELSE INSERT INTO search_changes (gist_id) VALUES (NEW.id); RETURN NEW; END IF; \
                 END $$ LANGUAGE plpgsql"
                    .to_owned(),
                "CREATE TRIGGER search_gist_insert_delete AFTER INSERT OR DELETE ON gists \
                 FOR EACH ROW EXECUTE FUNCTION search_gist_changed()"
                    .to_owned(),
                format!(
                    "CREATE TRIGGER search_gist_update AFTER UPDATE OF {INDEXED_COLUMNS} ON gists \
                     FOR EACH ROW EXECUTE FUNCTION search_gist_changed()"
                ),
                "CREATE FUNCTION search_user_renamed() RETURNS trigger AS $$ BEGIN \
                 INSERT INTO search_changes (gist_id) SELECT id FROM gists WHERE owner_id = NEW.id; \
                 RETURN NEW; END $$ LANGUAGE plpgsql"
                    .to_owned(),
                "CREATE TRIGGER search_user_rename AFTER UPDATE OF username ON users \
                 FOR EACH ROW EXECUTE FUNCTION search_user_renamed()"
                    .to_owned(),
            ],
        };
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        // Gists made before this step are indexed on the first start.
        db.execute_unprepared(
            "INSERT INTO search_changes (gist_id) SELECT id FROM gists ORDER BY created_at",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let statements: &[&str] = match m.get_database_backend() {
            DbBackend::Sqlite | DbBackend::MySql => &[
                "DROP TRIGGER IF EXISTS search_gist_insert",
                "DROP TRIGGER IF EXISTS search_gist_update",
                "DROP TRIGGER IF EXISTS search_gist_delete",
                "DROP TRIGGER IF EXISTS search_user_rename",
            ],
            _ => &[
                "DROP TRIGGER IF EXISTS search_gist_insert_delete ON gists",
                "DROP TRIGGER IF EXISTS search_gist_update ON gists",
                "DROP TRIGGER IF EXISTS search_user_rename ON users",
                "DROP FUNCTION IF EXISTS search_gist_changed()",
                "DROP FUNCTION IF EXISTS search_user_renamed()",
            ],
        };
        for sql in statements {
            db.execute_unprepared(sql).await?;
        }
        m.drop_table(Table::drop().table(SearchChanges::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SearchChanges {
    Table,
    Seq,
    GistId,
}
