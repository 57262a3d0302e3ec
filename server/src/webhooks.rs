//! Delivering webhooks: drains the queue `WebhookService` fills (see its module).
//!
//! Each payload is posted as JSON, signed with HMAC-SHA256 of its exact bytes under the
//! hook's secret (`X-Gistful-Signature-256: sha256=<hex>`, as GitHub's
//! `X-Hub-Signature-256`), named by `X-Gistful-Event` and `X-Gistful-Delivery`. A 2xx
//! answer delivers it; anything else, a timeout or a refused address is retried with
//! growing waits, then recorded as failed.
//!
//! No server-side request forgery: unless the admin allows it (`webhooks.allow-private`),
//! the client resolves names itself and drops every loopback, private and link-local
//! address (so a name that resolves inside, or changes to, after the hook was saved is
//! refused at the moment of sending), a literal address is checked by the same rule as
//! the settings form, and redirects are not followed.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use app::entities::{webhook, webhook_delivery};
use app::rules::webhooks::{is_public, validate_url};
use app::services::webhooks::{Outcome, WebhookService};

/// Deliveries claimed (and sent at once) per round.
const BATCH: u64 = 16;
/// How long a claimed delivery is this server's before another may take it.
const LEASE_SECONDS: i64 = 60;
/// Time for one attempt, answer included.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the queue is looked at when nothing wakes the worker (retries come due).
const TICK: Duration = Duration::from_secs(1);
/// How often finished deliveries past their keeping time are deleted.
const PRUNE_EVERY: Duration = Duration::from_secs(600);

/// `sha256=<hex>` of `body` under `secret`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Resolves names like the system does, then keeps only public addresses.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|addr| is_public(addr.ip()))
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "{host} resolves to no public address (webhooks.allow-private is off)"
                )
                .into());
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

fn client(allow_private: bool) -> reqwest::Client {
    let builder = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Gistful-Hookshot/", env!("CARGO_PKG_VERSION")));
    let builder = if allow_private {
        builder
    } else {
        builder.dns_resolver(Arc::new(PublicOnly))
    };
    builder.build().expect("the webhook client builds")
}

/// Runs forever: claims due deliveries, sends them, records what happened.
pub async fn deliver_forever(hooks: WebhookService) {
    let client = client(hooks.allow_private());
    let mut pruned = std::time::Instant::now();
    loop {
        if pruned.elapsed() > PRUNE_EVERY {
            pruned = std::time::Instant::now();
            if let Err(e) = hooks.prune().await {
                tracing::warn!("pruning the webhook log: {e}");
            }
        }
        let claimed = match hooks
            .claim_due(BATCH, chrono::Duration::seconds(LEASE_SECONDS))
            .await
        {
            Ok(claimed) => claimed,
            Err(e) => {
                tracing::warn!("webhook queue: {e}");
                Vec::new()
            }
        };
        if claimed.is_empty() {
            // New events ring; retries come due with the tick.
            let _ = tokio::time::timeout(TICK, hooks.woken()).await;
            continue;
        }
        let sends = claimed.into_iter().map(|(delivery, hook)| {
            let (client, hooks) = (&client, &hooks);
            async move {
                let outcome = send(client, hooks.allow_private(), &delivery, &hook).await;
                if let Err(e) = hooks.record(&delivery, outcome).await {
                    tracing::warn!(delivery = delivery.id, "recording a webhook delivery: {e}");
                }
            }
        });
        futures_util::future::join_all(sends).await;
    }
}

async fn send(
    client: &reqwest::Client,
    allow_private: bool,
    delivery: &webhook_delivery::Model,
    hook: &webhook::Model,
) -> Outcome {
    // Checked again at each attempt: the rule may have changed since the hook was saved.
    if let Err(refusal) = validate_url(&hook.url, allow_private) {
        return Outcome::Failed {
            code: None,
            error: refusal.message(),
        };
    }
    let body = delivery.payload.as_bytes().to_vec();
    let request = client
        .post(&hook.url)
        .header("content-type", "application/json")
        .header("x-gistful-event", &delivery.event)
        .header("x-gistful-delivery", &delivery.guid)
        .header("x-gistful-hook-id", hook.id.to_string())
        .header("x-gistful-signature-256", signature(&hook.secret, &body))
        .body(body);
    match request.send().await {
        Ok(answer) if answer.status().is_success() => Outcome::Delivered(answer.status().as_u16()),
        Ok(answer) => Outcome::Failed {
            code: Some(answer.status().as_u16()),
            error: format!("the receiver answered {}", answer.status()),
        },
        Err(e) => Outcome::Failed {
            code: None,
            error: describe(&e),
        },
    }
}

/// The error and its causes, in one line.
fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_githubs_example() {
        // GitHub's documented example: secret "It's a Secret to Everybody", payload
        // "Hello, World!".
        assert_eq!(
            signature("It's a Secret to Everybody", b"Hello, World!"),
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        );
    }

    #[tokio::test]
    async fn names_inside_the_network_are_not_resolved() {
        use reqwest::dns::Resolve;
        let name: reqwest::dns::Name = "localhost".parse().unwrap();
        let err = match PublicOnly.resolve(name).await {
            Ok(_) => panic!("localhost resolved"),
            Err(e) => e.to_string(),
        };
        assert!(err.contains("no public address"), "{err}");
    }
}
