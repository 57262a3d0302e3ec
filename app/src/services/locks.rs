//! One write lock per gist, so writes to one gist queue up instead of racing, while
//! writes to different gists run in parallel.
//!
//! Inside a process it is an async mutex per gist id (entries vanish when nobody holds
//! them). With PostgreSQL or MySQL/MariaDB, several servers may share the database and
//! the repository directory, so the holder also takes a lock in the database, held until
//! the guard drops: a web edit on one server, an API edit on another and a push through a
//! third then queue on the same lock. On PostgreSQL it is an advisory lock held by a
//! transaction of its own; on MySQL a named lock (`GET_LOCK`), which belongs to the
//! session, so the connection is kept and the lock released by name (or the connection
//! closed) when the guard drops. The local mutex is taken first, so a process waits on
//! the database with at most one connection per gist.
//!
//! Those transactions come from a pool of their own ([`LOCK_CONNECTIONS`]): a holder
//! goes on to use the main pool for its work, and if the lock transactions came from
//! the main pool too, enough writers of different gists would hold every connection
//! while each waited for one more. Waiting for a lock connection is only queueing: the
//! callers bound their own waits (the request timeout, `git.timeout`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use std::time::Duration;

use sea_orm::sqlx::mysql::{MySqlPool, MySqlPoolOptions};
use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::postgres::{PgPool, PgPoolOptions};
use sea_orm::sqlx::{self, Connection, MySql, Postgres, Transaction};
use sea_orm::{DatabaseConnection, DbBackend};
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

use crate::error::{Error, Result};

/// Gists one process may hold the cross-server lock of at once; more writers queue.
pub const LOCK_CONNECTIONS: u32 = 16;

#[derive(Clone, Default)]
pub struct GistLocks {
    inner: Arc<Mutex<HashMap<String, Weak<AsyncMutex<()>>>>>,
    /// Connections to the database every server shares; none for SQLite.
    shared: Option<Shared>,
}

/// The pool the cross-server locks are taken through.
#[derive(Clone)]
enum Shared {
    Postgres(PgPool),
    MySql(MySqlPool),
}

/// A cross-server lock being held.
enum Held {
    Postgres(Transaction<'static, Postgres>),
    MySql(PoolConnection<MySql>, String),
}

/// Held while one gist is written; dropping it lets the next writer in.
pub struct GistGuard {
    shared: Option<Held>,
    _local: OwnedMutexGuard<()>,
}

impl Drop for GistGuard {
    /// PostgreSQL's advisory lock ends with its transaction. A dropped transaction only
    /// marks its rollback as pending on the connection, which could sit idle in the pool
    /// still holding the lock; the rollback is sent now instead. MySQL's named lock is
    /// released by name; if that fails the connection is closed, which releases it too.
    fn drop(&mut self) {
        let (Some(held), Ok(runtime)) = (self.shared.take(), tokio::runtime::Handle::try_current())
        else {
            return;
        };
        runtime.spawn(async move {
            match held {
                Held::Postgres(tx) => {
                    if let Err(e) = tx.rollback().await {
                        tracing::warn!(error = %e, "releasing a gist's write lock");
                    }
                }
                Held::MySql(mut conn, name) => {
                    let released = sqlx::query("SELECT RELEASE_LOCK(?)")
                        .bind(&name)
                        .execute(&mut *conn)
                        .await;
                    if let Err(e) = released {
                        tracing::warn!(error = %e, "releasing a gist's write lock");
                        let _ = conn.detach().close().await;
                    }
                }
            }
        });
    }
}

/// MySQL's name for a gist's lock (at most 64 characters; ids are 32).
fn lock_name(id: &str) -> String {
    format!("gistful:gist:{id}")
}

/// How long MySQL's `GET_LOCK` waits, in seconds, before it gives up; the callers bound
/// their own waits well below this (the request timeout, `git.timeout`).
const MYSQL_LOCK_WAIT: i64 = 3600;

/// The advisory lock's key for a gist id: the same in every process (FNV-1a, 64 bits).
/// Two ids sharing a key only queue behind each other.
pub fn advisory_key(id: &str) -> i64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    i64::from_ne_bytes(hash.to_ne_bytes())
}

impl GistLocks {
    /// Locks across servers too when `db` is PostgreSQL or MySQL; SQLite is one
    /// server's.
    pub fn new(db: &DatabaseConnection) -> Self {
        let shared = match db.get_database_backend() {
            DbBackend::Postgres => {
                let options = db.get_postgres_connection_pool().connect_options();
                Some(Shared::Postgres(
                    PgPoolOptions::new()
                        .max_connections(LOCK_CONNECTIONS)
                        .min_connections(0)
                        .acquire_timeout(Duration::from_secs(600))
                        .connect_lazy_with((*options).clone()),
                ))
            }
            DbBackend::MySql => {
                let options = db.get_mysql_connection_pool().connect_options();
                Some(Shared::MySql(
                    MySqlPoolOptions::new()
                        .max_connections(LOCK_CONNECTIONS)
                        .min_connections(0)
                        .acquire_timeout(Duration::from_secs(600))
                        .connect_lazy_with((*options).clone()),
                ))
            }
            _ => None,
        };
        GistLocks {
            inner: Arc::default(),
            shared,
        }
    }

    pub async fn lock(&self, id: &str) -> Result<GistGuard> {
        let mutex = {
            let mut map = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            map.retain(|_, weak| weak.strong_count() > 0);
            match map.get(id).and_then(Weak::upgrade) {
                Some(existing) => existing,
                None => {
                    let fresh = Arc::new(AsyncMutex::new(()));
                    map.insert(id.to_owned(), Arc::downgrade(&fresh));
                    fresh
                }
            }
        };
        let local = mutex.lock_owned().await;
        let waiting = |e| Error::internal("waiting for a gist's write lock", e);
        let shared = match &self.shared {
            Some(Shared::Postgres(pool)) => {
                let mut tx = pool.begin().await.map_err(waiting)?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(advisory_key(id))
                    .execute(&mut *tx)
                    .await
                    .map_err(waiting)?;
                Some(Held::Postgres(tx))
            }
            Some(Shared::MySql(pool)) => {
                let mut conn = pool.acquire().await.map_err(waiting)?;
                let name = lock_name(id);
                // 1: taken; 0: timed out; NULL: an error.
                let got: Option<i64> = sqlx::query_scalar("SELECT GET_LOCK(?, ?)")
                    .bind(&name)
                    .bind(MYSQL_LOCK_WAIT)
                    .fetch_one(&mut *conn)
                    .await
                    .map_err(waiting)?;
                if got != Some(1) {
                    return Err(Error::internal(
                        "waiting for a gist's write lock",
                        format!("GET_LOCK({name}) answered {got:?}"),
                    ));
                }
                Some(Held::MySql(conn, name))
            }
            None => None,
        };
        Ok(GistGuard {
            shared,
            _local: local,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::advisory_key;

    #[test]
    fn the_key_is_stable_and_spreads() {
        // Every process must compute the same key: pinned, not just self-consistent.
        assert_eq!(advisory_key(""), 0xcbf2_9ce4_8422_2325u64 as i64);
        assert_eq!(advisory_key("a"), 0xaf63_dc4c_8601_ec8cu64 as i64);
        assert_ne!(
            advisory_key("0123456789abcdef0123456789abcdef"),
            advisory_key("0123456789abcdef0123456789abcdee")
        );
    }
}
