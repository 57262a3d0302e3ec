//! One async mutex per gist id, so writes to one gist queue up instead of racing, while
//! writes to different gists run in parallel. Entries vanish when nobody holds them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

#[derive(Clone, Default)]
pub struct GistLocks {
    inner: Arc<Mutex<HashMap<String, Weak<AsyncMutex<()>>>>>,
}

impl GistLocks {
    pub async fn lock(&self, id: &str) -> OwnedMutexGuard<()> {
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
        mutex.lock_owned().await
    }
}
