//! Failed-login throttling, per account and per address, in memory (per server
//! instance): enough to make password guessing slow, without a shared store.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The address a request came from, as the edge decided it (the peer, or what a trusted
/// proxy forwarded): a request extension, set once for every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The per-account key: `" Alice "` and `"alice"` are one account.
fn account_key(account: &str) -> String {
    format!("account:{}", account.trim().to_lowercase())
}

#[derive(Clone)]
pub struct LoginLimiter {
    failures: Arc<Mutex<HashMap<String, VecDeque<Instant>>>>,
    window: Duration,
    per_account: usize,
    per_address: usize,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(Duration::from_secs(15 * 60), 5, 20)
    }
}

impl LoginLimiter {
    pub fn new(window: Duration, per_account: usize, per_address: usize) -> Self {
        LoginLimiter {
            failures: Arc::default(),
            window,
            per_account,
            per_address,
        }
    }

    fn keys(account: &str, address: &str) -> [(String, bool); 2] {
        [
            (account_key(account), true),
            (format!("address:{address}"), false),
        ]
    }

    /// Whether another attempt for this account from this address may be checked now.
    pub fn allows(&self, account: &str, address: &str) -> bool {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        map.retain(|_, times| {
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) > self.window)
            {
                times.pop_front();
            }
            !times.is_empty()
        });
        Self::keys(account, address)
            .iter()
            .all(|(key, is_account)| {
                let limit = if *is_account {
                    self.per_account
                } else {
                    self.per_address
                };
                map.get(key).is_none_or(|times| times.len() < limit)
            })
    }

    pub fn failed(&self, account: &str, address: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for (key, _) in Self::keys(account, address) {
            map.entry(key).or_default().push_back(Instant::now());
        }
    }

    /// A successful login forgives the account's failures (not the address's).
    pub fn succeeded(&self, account: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&account_key(account));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_accounts_and_addresses() {
        let limiter = LoginLimiter::new(Duration::from_secs(60), 2, 3);
        assert!(limiter.allows("Alice", "1.1.1.1"));
        limiter.failed("alice", "1.1.1.1");
        limiter.failed(" ALICE ", "2.2.2.2");
        assert!(
            !limiter.allows("alice", "3.3.3.3"),
            "account locked, whatever the address"
        );
        assert!(limiter.allows("bob", "1.1.1.1"));
        limiter.failed("bob", "1.1.1.1");
        limiter.failed("carol", "1.1.1.1");
        assert!(
            !limiter.allows("dave", "1.1.1.1"),
            "address locked, whatever the account"
        );
        assert!(
            !limiter.allows("Alice\t", "4.4.4.4"),
            "one account, however spelt"
        );
        limiter.succeeded("alice");
        assert!(limiter.allows("alice", "3.3.3.3"));
        let short = LoginLimiter::new(Duration::from_millis(1), 1, 1);
        short.failed("x", "y");
        std::thread::sleep(Duration::from_millis(5));
        assert!(short.allows("x", "y"), "failures expire");
    }
}
