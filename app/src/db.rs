//! Opening the database: SQLite tuned for a server, PostgreSQL, or MySQL/MariaDB; then
//! migrations.
//!
//! MySQL compares text with the connection's and the table's collation, and the usual
//! defaults are case- and accent-insensitive: `alice` would equal `Alice`, a file name
//! `a.txt` would collide with `A.TXT`. Every connection and every table we create uses
//! `utf8mb4_bin`, so comparisons are byte-exact as on SQLite and PostgreSQL.

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqliteTransactionMode, TransactionError, TransactionOptions, TransactionTrait,
};

/// Connects to `uri` (`sqlite://...`, `postgres://...` or `mysql://...`).
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
        // A file on this machine does not drop connections: no ping before each query
        // (sqlx's default), which on SQLite is a round trip to the connection's thread.
        options
            .test_before_acquire(false)
            .max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
    } else {
        if uri.starts_with("mysql:") {
            options.map_sqlx_mysql_opts(|o| o.charset("utf8mb4").collation("utf8mb4_bin"));
        }
        // A connection idle for a while may have been closed by the server or a proxy:
        // only those are pinged, not every checkout (a network round trip per query).
        options
            .max_connections(16)
            .min_connections(1)
            .test_before_acquire_if_idle_for(Duration::from_secs(30));
    }
    Database::connect(options).await
}

/// The latest instant this database stores, when it is not "far enough".
///
/// sqlx hands MySQL a `DateTime<Utc>` as a `TIMESTAMP` parameter, and MariaDB turns one
/// after 2038-01-19 03:14:07 UTC (the end of `TIMESTAMP`) into NULL without an error, even
/// for a `DATETIME(6)` column: an expiry would silently become "never". The services
/// refuse later times on MySQL with a clear message instead (gist expiries, token
/// expiries); every other time they store is "now" or in the past.
pub fn latest_storable(backend: DbBackend) -> Option<chrono::DateTime<chrono::Utc>> {
    (backend == DbBackend::MySql)
        .then(|| chrono::DateTime::from_timestamp(i64::from(i32::MAX), 0).unwrap_or_default())
}

/// Connects and brings the schema up to date.
pub async fn connect_and_migrate(uri: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(uri).await?;
    if db.get_database_backend() == DbBackend::MySql {
        // The tables the migrations create take the database's default collation.
        db.execute_unprepared("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
            .await?;
    }
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// Write transactions, begun `IMMEDIATE` on SQLite.
///
/// A deferred SQLite transaction that reads before it writes cannot wait for the write
/// lock: if another writer committed meanwhile it fails at once with `SQLITE_BUSY`.
/// Taking the lock up front makes it wait (busy timeout) like PostgreSQL would.
pub trait WriteTransaction {
    fn write_transaction<F, T, E>(
        &self,
        callback: F,
    ) -> impl std::future::Future<Output = Result<T, TransactionError<E>>> + Send
    where
        F: for<'c> FnOnce(
                &'c DatabaseTransaction,
            ) -> Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>
            + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send;
}

impl WriteTransaction for DatabaseConnection {
    async fn write_transaction<F, T, E>(&self, callback: F) -> Result<T, TransactionError<E>>
    where
        F: for<'c> FnOnce(
                &'c DatabaseTransaction,
            ) -> Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>>
            + Send,
        T: Send,
        E: std::fmt::Display + std::fmt::Debug + Send,
    {
        let options = TransactionOptions {
            isolation_level: None,
            access_mode: None,
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        };
        let tx = self
            .begin_with_options(options)
            .await
            .map_err(TransactionError::Connection)?;
        match callback(&tx).await {
            Ok(value) => {
                tx.commit().await.map_err(TransactionError::Connection)?;
                Ok(value)
            }
            Err(e) => {
                let _ = tx.rollback().await;
                Err(TransactionError::Transaction(e))
            }
        }
    }
}
