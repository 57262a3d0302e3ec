//! Opening the database: SQLite tuned for a server, or PostgreSQL; then migrations.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

/// Connects to `uri` (`sqlite://...` or `postgres://...`).
///
/// sea-orm opens a single SQLite connection unless told otherwise, which would serialise
/// every reader behind every writer; WAL lets readers run beside the one writer.
pub async fn connect(uri: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(uri.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if uri.starts_with("sqlite:") {
        options
            .max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
    } else {
        options.max_connections(16).min_connections(1);
    }
    Database::connect(options).await
}

/// Connects and brings the schema up to date.
pub async fn connect_and_migrate(uri: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(uri).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}
