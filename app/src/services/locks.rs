//! One write lock per gist, so writes to one gist queue up instead of racing, while
//! writes to different gists run in parallel.
//!
//! Inside a process it is an async mutex per gist id (entries vanish when nobody holds
//! them). With PostgreSQL, several servers may share the database and the repository
//! directory, so the holder also takes a PostgreSQL advisory lock on the gist, held by a
//! transaction of its own until the guard drops: a web edit on one server, an API edit
//! on another and a push through a third then queue on the same lock. The local mutex is
//! taken first, so a process waits on the database with at most one connection per gist.
//!
//! Those transactions come from a pool of their own ([`LOCK_CONNECTIONS`]): a holder
//! goes on to use the main pool for its work, and if the lock transactions came from
//! the main pool too, enough writers of different gists would hold every connection
//! while each waited for one more. Waiting for a lock connection is only queueing: the
//! callers bound their own waits (the request timeout, `git.timeout`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use std::time::Duration;

use sea_orm::sqlx::postgres::{PgPool, PgPoolOptions};
use sea_orm::sqlx::{self, Postgres, Transaction};
use sea_orm::{DatabaseConnection, DbBackend};
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

use crate::error::{Error, Result};

/// Gists one process may hold the cross-server lock of at once; more writers queue.
pub const LOCK_CONNECTIONS: u32 = 16;

#[derive(Clone, Default)]
pub struct GistLocks {
    inner: Arc<Mutex<HashMap<String, Weak<AsyncMutex<()>>>>>,
    /// Connections to the database every server shares, when it is PostgreSQL.
    shared: Option<PgPool>,
}

/// Held while one gist is written; dropping it lets the next writer in.
pub struct GistGuard {
    shared: Option<Transaction<'static, Postgres>>,
    _local: OwnedMutexGuard<()>,
}

impl Drop for GistGuard {
    /// The advisory lock ends with its transaction. A dropped transaction only marks its
    /// rollback as pending on the connection, which could sit idle in the pool still
    /// holding the lock; the rollback is sent now instead.
    fn drop(&mut self) {
        if let (Some(tx), Ok(runtime)) = (self.shared.take(), tokio::runtime::Handle::try_current())
        {
            runtime.spawn(async move {
                if let Err(e) = tx.rollback().await {
                    tracing::warn!(error = %e, "releasing a gist's write lock");
                }
            });
        }
    }
}

/// The advisory lock's key for a gist id: the same in every process (FNV-1a, 64 bits).
/// Two ids sharing a key only queue behind each other.
pub fn advisory_key(id: &str) -> i64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    i64::from_ne_bytes(hash.to_ne_bytes())
}

impl GistLocks {
    /// Locks across servers too when `db` is PostgreSQL; SQLite is one server's.
    pub fn new(db: &DatabaseConnection) -> Self {
        let shared = (db.get_database_backend() == DbBackend::Postgres).then(|| {
            let options = db.get_postgres_connection_pool().connect_options();
            PgPoolOptions::new()
                .max_connections(LOCK_CONNECTIONS)
                .min_connections(0)
                .acquire_timeout(Duration::from_secs(600))
                .connect_lazy_with((*options).clone())
        });
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
        let shared = match &self.shared {
            Some(pool) => {
                let waiting = |e| Error::internal("waiting for a gist's write lock", e);
                let mut tx = pool.begin().await.map_err(waiting)?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(advisory_key(id))
                    .execute(&mut *tx)
                    .await
                    .map_err(waiting)?;
                Some(tx)
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
