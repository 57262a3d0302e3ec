//! Webhooks in Settings (a user's: events about their gists) and in the admin panel
//! (the instance's: events about public gists). `instance` picks which; the instance's
//! need an admin, and anyone else finds none (404). The rules and the queue are
//! `services::webhooks`'.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A hook as the page lists it (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hook {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    pub created: String,
    /// The newest deliveries, newest first.
    pub deliveries: Vec<Delivery>,
}

/// One line of a hook's delivery log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub guid: String,
    pub event: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub response_code: Option<i32>,
    pub error: Option<String>,
    pub created: String,
}

/// The owner the caller speaks for: themselves, or (an admin) the instance.
#[cfg(feature = "ssr")]
async fn owner(instance: bool) -> Result<Option<i64>, Error> {
    if instance {
        super::context::require_admin().await?;
        Ok(None)
    } else {
        Ok(Some(super::context::require_user()?.id))
    }
}

#[cfg(feature = "ssr")]
fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

#[cfg(feature = "ssr")]
fn delivery(d: crate::services::webhooks::DeliveryView) -> Delivery {
    Delivery {
        id: d.id,
        guid: d.guid,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        response_code: d.response_code,
        error: d.error,
        created: when(d.created_at),
    }
}

/// The hooks, each with its recent deliveries (one answer for the whole section).
#[server(prefix = "/sfn", endpoint = "webhooks")]
pub async fn webhooks(instance: bool) -> Result<Vec<Hook>, Error> {
    let owner = owner(instance).await?;
    let service = super::context::state()?.webhooks;
    let mut hooks = Vec::new();
    for h in service.list(owner).await? {
        let deliveries = service.deliveries(owner, h.id).await?;
        hooks.push(Hook {
            id: h.id,
            url: h.url,
            events: h.events,
            created: when(h.created_at),
            deliveries: deliveries.into_iter().map(delivery).collect(),
        });
    }
    Ok(hooks)
}

/// `events`: the ticked boxes, one `events` field each (a form sends them so); the
/// browser joins them with commas.
#[server(prefix = "/sfn", endpoint = "add_webhook")]
pub async fn add_webhook(
    instance: bool,
    url: String,
    secret: String,
    #[server(default)] events: Vec<String>,
) -> Result<(), Error> {
    let owner = owner(instance).await?;
    super::context::state()?
        .webhooks
        .create(owner, &url, &secret, &events.join(","))
        .await?;
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "remove_webhook")]
pub async fn remove_webhook(instance: bool, id: i64) -> Result<(), Error> {
    let owner = owner(instance).await?;
    super::context::state()?.webhooks.delete(owner, id).await?;
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "webhook_deliveries")]
pub async fn webhook_deliveries(instance: bool, hook: i64) -> Result<Vec<Delivery>, Error> {
    let owner = owner(instance).await?;
    let log = super::context::state()?
        .webhooks
        .deliveries(owner, hook)
        .await?;
    Ok(log.into_iter().map(delivery).collect())
}

#[server(prefix = "/sfn", endpoint = "redeliver_webhook")]
pub async fn redeliver_webhook(instance: bool, delivery: i64) -> Result<(), Error> {
    let owner = owner(instance).await?;
    super::context::state()?
        .webhooks
        .redeliver(owner, delivery)
        .await?;
    Ok(())
}

/// Sends the hook a `ping`, to test it; it shows in the hook's log like any delivery.
#[server(prefix = "/sfn", endpoint = "ping_webhook")]
pub async fn ping_webhook(instance: bool, id: i64) -> Result<(), Error> {
    let owner = owner(instance).await?;
    super::context::state()?.webhooks.ping(owner, id).await?;
    Ok(())
}
