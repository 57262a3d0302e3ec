//! How many gists each list holds, kept with the writes: a page number or an `X-Total`
//! must not cost a scan of the list per request (at 100k gists, counting the public ones
//! was most of a list page's time). Triggers keep the counts inside the changing
//! transaction, so no code path (web, API, push, admin, a cascading account deletion)
//! can forget one, and they stay exact.
//!
//! One row per scope: `all`, `v:<visibility>`, `owner:<id>` and
//! `owner:<id>:v:<visibility>`. Each trigger applies its changes as one upsert of
//! (scope, delta) rows summed per scope and taken in scope order, so that two
//! PostgreSQL transactions touching the same counters lock them in the same order and
//! cannot deadlock; an edit that changes neither owner nor visibility touches none.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `parts` joined as text: `||` in standard SQL, `CONCAT` on MySQL (where `||` is `OR`
/// unless the session says otherwise).
fn concat(backend: DbBackend, parts: &[&str]) -> String {
    match backend {
        DbBackend::MySql => format!("CONCAT({})", parts.join(", ")),
        _ => parts.join(" || "),
    }
}

/// The scopes a gist row counts in, as `SELECT scope, delta` branches for `row`
/// (`NEW` or `OLD`).
fn scopes(backend: DbBackend, row: &str, delta: i32) -> String {
    let visibility = format!("{row}.visibility");
    let owner = format!("{row}.owner_id");
    [
        "'all'".to_owned(),
        concat(backend, &["'v:'", &visibility]),
        concat(backend, &["'owner:'", &owner]),
        concat(backend, &["'owner:'", &owner, "':v:'", &visibility]),
    ]
    .iter()
    .map(|scope| format!("SELECT {scope} AS scope, {delta} AS delta"))
    .collect::<Vec<_>>()
    .join(" UNION ALL ")
}

/// One upsert applying `changes` (branches from [`scopes`]).
fn apply(changes: &str, backend: DbBackend) -> String {
    let (order, upsert) = match backend {
        DbBackend::Sqlite => ("", "ON CONFLICT (scope) DO UPDATE SET n = n + excluded.n"),
        DbBackend::MySql => (
            " ORDER BY scope",
            "ON DUPLICATE KEY UPDATE n = gist_counts.n + VALUES(n)",
        ),
        _ => (
            " ORDER BY scope",
            "ON CONFLICT (scope) DO UPDATE SET n = gist_counts.n + excluded.n",
        ),
    };
    format!(
        "INSERT INTO gist_counts (scope, n) \
         SELECT scope, SUM(delta) FROM ({changes}) AS changes WHERE true \
         GROUP BY scope HAVING SUM(delta) <> 0{order} {upsert}"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GistCounts::Table)
                .col(string_len(GistCounts::Scope, 80).primary_key())
                .col(big_integer(GistCounts::N))
                .to_owned(),
        )
        .await?;
        let backend = m.get_database_backend();
        let insert = apply(&scopes(backend, "NEW", 1), backend);
        let delete = apply(&scopes(backend, "OLD", -1), backend);
        let update = apply(
            &format!(
                "{} UNION ALL {}",
                scopes(backend, "OLD", -1),
                scopes(backend, "NEW", 1)
            ),
            backend,
        );
        let statements = match backend {
            DbBackend::MySql => vec![
                format!(
                    "CREATE TRIGGER gist_counts_insert AFTER INSERT ON gists FOR EACH ROW {insert}"
                ),
                format!(
                    "CREATE TRIGGER gist_counts_delete AFTER DELETE ON gists FOR EACH ROW {delete}"
                ),
                format!(
                    "CREATE TRIGGER gist_counts_update AFTER UPDATE ON gists FOR EACH ROW \
                     IF NOT (OLD.visibility <=> NEW.visibility) OR NOT (OLD.owner_id <=> NEW.owner_id) \
                     THEN {update}; END IF"
                ),
            ],
            DbBackend::Sqlite => vec![
                format!(
                    "CREATE TRIGGER gist_counts_insert AFTER INSERT ON gists BEGIN {insert}; END"
                ),
                format!(
                    "CREATE TRIGGER gist_counts_delete AFTER DELETE ON gists BEGIN {delete}; END"
                ),
                format!(
                    "CREATE TRIGGER gist_counts_update AFTER UPDATE OF visibility, owner_id ON gists \
                     WHEN OLD.visibility IS NOT NEW.visibility OR OLD.owner_id IS NOT NEW.owner_id \
                     BEGIN {update}; END"
                ),
            ],
            _ => vec![
                format!(
                    "CREATE FUNCTION gist_counts_changed() RETURNS trigger AS $$ BEGIN \
                     IF TG_OP = 'INSERT' THEN {insert}; RETURN NEW; \
                     ELSIF TG_OP = 'DELETE' THEN {delete}; RETURN OLD; \
                     ELSE {update}; RETURN NEW; END IF; \
                     END $$ LANGUAGE plpgsql"
                ),
                "CREATE TRIGGER gist_counts_insert_delete AFTER INSERT OR DELETE ON gists \
                 FOR EACH ROW EXECUTE FUNCTION gist_counts_changed()"
                    .to_owned(),
                "CREATE TRIGGER gist_counts_update AFTER UPDATE OF visibility, owner_id ON gists \
                 FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility \
                 OR OLD.owner_id IS DISTINCT FROM NEW.owner_id) \
                 EXECUTE FUNCTION gist_counts_changed()"
                    .to_owned(),
            ],
        };
        let db = m.get_connection();
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        // The gists made before this step.
        for count in [
            "SELECT 'all', COUNT(*) FROM gists".to_owned(),
            format!(
                "SELECT {}, COUNT(*) FROM gists GROUP BY visibility",
                concat(backend, &["'v:'", "visibility"])
            ),
            format!(
                "SELECT {}, COUNT(*) FROM gists GROUP BY owner_id",
                concat(backend, &["'owner:'", "owner_id"])
            ),
            format!(
                "SELECT {}, COUNT(*) FROM gists GROUP BY owner_id, visibility",
                concat(backend, &["'owner:'", "owner_id", "':v:'", "visibility"])
            ),
        ] {
            db.execute_unprepared(&format!("INSERT INTO gist_counts (scope, n) {count}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let statements: &[&str] = match m.get_database_backend() {
            DbBackend::Sqlite | DbBackend::MySql => &[
                "DROP TRIGGER IF EXISTS gist_counts_insert",
                "DROP TRIGGER IF EXISTS gist_counts_delete",
                "DROP TRIGGER IF EXISTS gist_counts_update",
            ],
            _ => &[
                "DROP TRIGGER IF EXISTS gist_counts_insert_delete ON gists",
                "DROP TRIGGER IF EXISTS gist_counts_update ON gists",
                "DROP FUNCTION IF EXISTS gist_counts_changed()",
            ],
        };
        for sql in statements {
            db.execute_unprepared(sql).await?;
        }
        m.drop_table(Table::drop().table(GistCounts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum GistCounts {
    Table,
    Scope,
    N,
}
