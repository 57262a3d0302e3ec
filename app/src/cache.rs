//! A least-recently-used map bounded by the bytes of what it holds, for values that never
//! change once computed (git objects by commit id, rendered files by content hash).

use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};

use lru::LruCache;

/// Something whose size in memory can be estimated.
pub trait Weigh {
    fn weight(&self) -> usize;
}

pub struct ByteLru<K: Hash + Eq, V: Weigh> {
    inner: Mutex<(LruCache<K, Arc<V>>, usize)>,
    budget: usize,
}

impl<K: Hash + Eq, V: Weigh> ByteLru<K, V> {
    pub fn new(budget: usize) -> Self {
        ByteLru {
            inner: Mutex::new((LruCache::unbounded(), 0)),
            budget,
        }
    }

    fn lock(&self) -> MutexGuard<'_, (LruCache<K, Arc<V>>, usize)> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn get<Q>(&self, key: &Q) -> Option<Arc<V>>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.lock().0.get(key).cloned()
    }

    /// Keeps `value` unless it alone would take more than a quarter of the budget; the
    /// least recently used entries make room.
    pub fn put(&self, key: K, value: Arc<V>) {
        let weight = value.weight();
        if weight > self.budget / 4 {
            return;
        }
        let mut guard = self.lock();
        let (map, bytes) = &mut *guard;
        if let Some(old) = map.put(key, value) {
            *bytes -= old.weight();
        }
        *bytes += weight;
        while *bytes > self.budget {
            match map.pop_lru() {
                Some((_, gone)) => *bytes -= gone.weight(),
                None => break,
            }
        }
    }

    pub fn bytes(&self) -> usize {
        self.lock().1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Weigh for Vec<u8> {
        fn weight(&self) -> usize {
            self.len()
        }
    }

    #[test]
    fn forgets_the_oldest_past_the_budget() {
        let cache: ByteLru<u32, Vec<u8>> = ByteLru::new(100);
        for n in 0..10 {
            cache.put(n, Arc::new(vec![0; 20]));
        }
        assert!(cache.get(&0).is_none(), "the oldest went first");
        assert!(cache.get(&9).is_some());
        assert!(cache.bytes() <= 100);
        cache.put(99, Arc::new(vec![0; 30]));
        assert!(cache.get(&99).is_none(), "too big to keep");
    }
}
