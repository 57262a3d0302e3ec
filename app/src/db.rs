//! Opening the database: SQLite tuned for a server, or PostgreSQL; then migrations.

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionError, TransactionOptions, TransactionTrait,
};

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
        // A connection idle for a while may have been closed by the server or a proxy:
        // only those are pinged, not every checkout (a network round trip per query).
        options
            .max_connections(16)
            .min_connections(1)
            .test_before_acquire_if_idle_for(Duration::from_secs(30));
    }
    Database::connect(options).await
}

/// Connects and brings the schema up to date.
pub async fn connect_and_migrate(uri: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(uri).await?;
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
