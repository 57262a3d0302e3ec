//! Webhooks: who is told what, and the queue that tells them.
//!
//! Events are raised by the services themselves (creating, editing, pushing, deleting,
//! starring, forking a gist; commenting), so every door — web, API, git over HTTP and
//! SSH — raises them alike, once, after the write committed. [`WebhookService::emit`]
//! turns one event into one `webhook_deliveries` row per hook that may hear it, as
//! [`access::hook_hears`] decides: the gist owner's hooks always, the instance's hooks only
//! for a public gist (so an unlisted or private gist's events never reach anyone but its
//! owner). The delivery
//! worker (the server's `webhooks` module) drains the rows: it claims a row for a while
//! (several servers share the queue), posts it, and records the answer, retrying with
//! growing waits until the configured number of attempts.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::{Value, json};

use crate::access;
use crate::entities::{user, webhook, webhook_delivery};
use crate::error::{Error, FieldError, Result};
use crate::rules::Visibility;
use crate::rules::webhooks::{
    Event, HOOKS_MAX, PING, SECRET_MAX, join_events, parse_events, validate_url,
};
use crate::services::gists::GistSummary;

pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const FAILED: &str = "failed";
/// Deliveries a hook's log shows.
pub const LOG_MAX: u64 = 30;
/// How long a finished delivery is kept in the log.
pub const KEEP_DAYS: i64 = 30;

/// How retries go: `attempts` in all, waiting `base`, then twice that, and so on (at most
/// an hour) between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub attempts: u32,
    pub base: std::time::Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 5,
            base: std::time::Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait after failed attempt number `attempt` (1-based).
    pub fn wait_after(&self, attempt: u32) -> chrono::Duration {
        let factor = 1u32 << attempt.saturating_sub(1).min(16);
        let wait = self
            .base
            .saturating_mul(factor)
            .min(std::time::Duration::from_secs(3600));
        chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1))
    }
}

/// A hook as its settings page shows it: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HookView {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

impl From<webhook::Model> for HookView {
    fn from(hook: webhook::Model) -> Self {
        HookView {
            id: hook.id,
            url: hook.url,
            events: hook
                .events
                .split(',')
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect(),
            active: hook.active,
            created_at: hook.created_at,
        }
    }
}

/// One line of a hook's delivery log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeliveryView {
    pub id: i64,
    pub guid: String,
    pub event: String,
    pub status: String,
    pub attempts: i32,
    pub response_code: Option<i32>,
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub next_attempt_at: DateTime<Utc>,
}

impl From<webhook_delivery::Model> for DeliveryView {
    fn from(d: webhook_delivery::Model) -> Self {
        DeliveryView {
            id: d.id,
            guid: d.guid,
            event: d.event,
            status: d.status,
            attempts: d.attempts,
            response_code: d.response_code,
            error: d.error,
            created_at: d.created_at,
            next_attempt_at: d.next_attempt_at,
        }
    }
}

/// What the worker learnt from one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx answer.
    Delivered(u16),
    /// Another answer, or none (`code` is then `None`), with why.
    Failed { code: Option<u16>, error: String },
}

#[derive(Clone)]
pub struct WebhookService {
    db: DatabaseConnection,
    external_url: Arc<str>,
    allow_private: bool,
    retry: RetryPolicy,
    /// Rung after each enqueue, so the worker starts at once instead of at its next tick.
    wake: Arc<tokio::sync::Notify>,
}

fn guid() -> String {
    let mut b = [0u8; 16];
    rand::rng().fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

impl WebhookService {
    pub fn new(
        db: DatabaseConnection,
        external_url: &str,
        allow_private: bool,
        retry: RetryPolicy,
    ) -> Self {
        WebhookService {
            db,
            external_url: external_url.trim_end_matches('/').into(),
            allow_private,
            retry,
            wake: Arc::new(tokio::sync::Notify::new()),
        }
    }

    pub fn allow_private(&self) -> bool {
        self.allow_private
    }

    pub fn retry(&self) -> RetryPolicy {
        self.retry
    }

    /// Resolves when an event was queued (or at once, if one was since the last wait).
    pub async fn woken(&self) {
        self.wake.notified().await;
    }

    fn owned(owner: Option<i64>) -> Condition {
        match owner {
            Some(id) => Condition::all().add(webhook::Column::OwnerId.eq(id)),
            None => Condition::all().add(webhook::Column::OwnerId.is_null()),
        }
    }

    /// The hooks of a user, or of the instance (`None`).
    pub async fn list(&self, owner: Option<i64>) -> Result<Vec<HookView>> {
        Ok(webhook::Entity::find()
            .filter(Self::owned(owner))
            .order_by_asc(webhook::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(HookView::from)
            .collect())
    }

    /// Adds a hook; the address, secret and events are checked here, whoever calls.
    pub async fn create(
        &self,
        owner: Option<i64>,
        url: &str,
        secret: &str,
        events: &str,
    ) -> Result<HookView> {
        let url = url.trim();
        let mut errors = Vec::new();
        if let Err(refusal) = validate_url(url, self.allow_private) {
            errors.push(FieldError::new(
                "Webhook",
                "url",
                refusal.code(),
                refusal.message(),
            ));
        }
        if secret.is_empty() || secret.chars().count() > SECRET_MAX {
            errors.push(FieldError::new(
                "Webhook",
                "secret",
                "invalid",
                format!("The secret must be 1 to {SECRET_MAX} characters"),
            ));
        }
        let events = match parse_events(events) {
            Ok(events) => events,
            Err(why) => {
                errors.push(FieldError::new("Webhook", "events", "invalid", why));
                Vec::new()
            }
        };
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        let count = webhook::Entity::find()
            .filter(Self::owned(owner))
            .count(&self.db)
            .await?;
        if count >= HOOKS_MAX as u64 {
            return Err(Error::invalid(
                "Webhook",
                "url",
                format!("At most {HOOKS_MAX} webhooks: delete one first"),
            ));
        }
        let saved = webhook::ActiveModel {
            owner_id: Set(owner),
            url: Set(url.to_owned()),
            secret: Set(secret.to_owned()),
            events: Set(join_events(&events)),
            active: Set(true),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(saved.into())
    }

    /// Removes a hook with its log; someone else's does not exist.
    pub async fn delete(&self, owner: Option<i64>, id: i64) -> Result<()> {
        let gone = webhook::Entity::delete_many()
            .filter(Self::owned(owner))
            .filter(webhook::Column::Id.eq(id))
            .exec(&self.db)
            .await?;
        if gone.rows_affected == 0 {
            return Err(Error::NotFound);
        }
        Ok(())
    }

    /// A hook of `owner` with its secret (the worker's and the tests' view).
    pub async fn hook(&self, owner: Option<i64>, id: i64) -> Result<webhook::Model> {
        webhook::Entity::find_by_id(id)
            .filter(Self::owned(owner))
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)
    }

    /// The newest deliveries of a hook of `owner`.
    pub async fn deliveries(&self, owner: Option<i64>, hook_id: i64) -> Result<Vec<DeliveryView>> {
        self.hook(owner, hook_id).await?;
        Ok(webhook_delivery::Entity::find()
            .filter(webhook_delivery::Column::HookId.eq(hook_id))
            .order_by_desc(webhook_delivery::Column::Id)
            .limit(LOG_MAX)
            .all(&self.db)
            .await?
            .into_iter()
            .map(DeliveryView::from)
            .collect())
    }

    /// Sends a delivery of `owner`'s hook again: a new delivery with the same payload.
    pub async fn redeliver(&self, owner: Option<i64>, delivery_id: i64) -> Result<DeliveryView> {
        let old = webhook_delivery::Entity::find_by_id(delivery_id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)?;
        self.hook(owner, old.hook_id).await?;
        self.queue(old.hook_id, old.event, old.payload).await
    }

    /// Sends `owner`'s hook a `ping` (GitHub's name for the event that tests a hook): the
    /// hook as GitHub describes one, so a receiver can be checked before any gist changes.
    pub async fn ping(&self, owner: Option<i64>, hook_id: i64) -> Result<DeliveryView> {
        let hook = self.hook(owner, hook_id).await?;
        let view = HookView::from(hook);
        let payload = json!({
            "event": PING,
            "zen": "Keep it logically awesome.",
            "hook_id": view.id,
            "hook": {
                "id": view.id,
                "type": if owner.is_some() { "User" } else { "Instance" },
                "active": view.active,
                "events": view.events,
                "config": { "url": view.url, "content_type": "json", "insecure_ssl": "0" },
                "created_at": view.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            },
            "instance": { "url": &*self.external_url },
        });
        self.queue(hook_id, PING.to_owned(), payload.to_string())
            .await
    }

    /// One new delivery of `payload` to one hook, due now; wakes the worker.
    async fn queue(&self, hook_id: i64, event: String, payload: String) -> Result<DeliveryView> {
        let now = Utc::now();
        let fresh = webhook_delivery::ActiveModel {
            hook_id: Set(hook_id),
            guid: Set(guid()),
            event: Set(event),
            payload: Set(payload),
            status: Set(PENDING.into()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_until: Set(None),
            response_code: Set(None),
            error: Set(None),
            created_at: Set(now),
            delivered_at: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.wake.notify_one();
        Ok(fresh.into())
    }

    /// Queues `event` about `gist` for every hook that may hear it. Never fails the write
    /// that raised it: a database error here is logged.
    pub async fn emit(
        &self,
        event: Event,
        gist: &GistSummary,
        sender: Option<&user::Model>,
        extra: Option<(&str, Value)>,
    ) {
        if let Err(e) = self.enqueue(event, gist, sender, extra).await {
            tracing::error!(event = event.name(), gist = %gist.gist.id, "queueing webhooks: {e}");
        }
    }

    async fn enqueue(
        &self,
        event: Event,
        gist: &GistSummary,
        sender: Option<&user::Model>,
        extra: Option<(&str, Value)>,
    ) -> Result<()> {
        let hooks: Vec<webhook::Model> = webhook::Entity::find()
            .filter(access::hooks_hearing(&gist.gist))
            .filter(webhook::Column::Active.eq(true))
            .all(&self.db)
            .await?
            .into_iter()
            .filter(|h| h.events.split(',').any(|e| e == event.name()))
            .collect();
        if hooks.is_empty() {
            return Ok(());
        }
        let mut payload = json!({
            "event": event.name(),
            "action": event.action(),
            "gist": self.gist_json(gist),
            "sender": sender.map(|u| self.user_json(u)),
            "instance": { "url": &*self.external_url },
        });
        if let Some((key, value)) = extra {
            payload[key] = value;
        }
        let payload = payload.to_string();
        let now = Utc::now();
        let rows = hooks.iter().map(|hook| webhook_delivery::ActiveModel {
            hook_id: Set(hook.id),
            guid: Set(guid()),
            event: Set(event.name().to_owned()),
            payload: Set(payload.clone()),
            status: Set(PENDING.into()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_until: Set(None),
            response_code: Set(None),
            error: Set(None),
            created_at: Set(now),
            delivered_at: Set(None),
            ..Default::default()
        });
        webhook_delivery::Entity::insert_many(rows)
            .exec(&self.db)
            .await?;
        self.wake.notify_one();
        Ok(())
    }

    pub fn user_json(&self, user: &user::Model) -> Value {
        json!({
            "login": user.username,
            "id": user.id,
            "html_url": format!("{}/{}", self.external_url, user.username),
            "type": "User",
        })
    }

    /// GitHub's gist shape (without content), as the REST API lists gists.
    pub fn gist_json(&self, s: &GistSummary) -> Value {
        let base = &self.external_url;
        let (id, login) = (&s.gist.id, &s.owner.username);
        let files: serde_json::Map<String, Value> = s
            .files
            .iter()
            .map(|f| {
                (
                    f.filename.clone(),
                    json!({
                        "filename": f.filename,
                        "size": f.size,
                        "language": s.language_of(&f.filename),
                        "raw_url": format!("{base}/{login}/{id}/raw/{}/{}", s.gist.head, f.filename),
                    }),
                )
            })
            .collect();
        json!({
            "id": id,
            "url": format!("{base}/api/gists/{id}"),
            "html_url": format!("{base}/{login}/{id}"),
            "git_pull_url": format!("{base}/{login}/{id}.git"),
            "title": s.gist.title,
            "description": s.gist.description,
            "public": s.gist.visibility() == Visibility::Public,
            "visibility": s.gist.visibility,
            "files": files,
            "owner": self.user_json(&s.owner),
            "fork_of": s.gist.fork_of,
            "star_count": s.gist.star_count,
            "fork_count": s.gist.fork_count,
            "comments": s.gist.comment_count,
            "created_at": s.gist.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "updated_at": s.gist.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })
    }

    /// Claims up to `limit` due deliveries for `lease` (other servers skip them until
    /// then), with their hooks.
    pub async fn claim_due(
        &self,
        limit: u64,
        lease: chrono::Duration,
    ) -> Result<Vec<(webhook_delivery::Model, webhook::Model)>> {
        let now = Utc::now();
        let free = Condition::any()
            .add(webhook_delivery::Column::ClaimedUntil.is_null())
            .add(webhook_delivery::Column::ClaimedUntil.lt(now));
        let due = webhook_delivery::Entity::find()
            .filter(webhook_delivery::Column::Status.eq(PENDING))
            .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
            .filter(free.clone())
            .order_by_asc(webhook_delivery::Column::NextAttemptAt)
            .limit(limit)
            .find_also_related(webhook::Entity)
            .all(&self.db)
            .await?;
        let mut claimed = Vec::new();
        for (delivery, hook) in due {
            let Some(hook) = hook else { continue };
            let taken = webhook_delivery::Entity::update_many()
                .col_expr(
                    webhook_delivery::Column::ClaimedUntil,
                    Expr::value(now + lease),
                )
                .filter(webhook_delivery::Column::Id.eq(delivery.id))
                .filter(webhook_delivery::Column::Status.eq(PENDING))
                .filter(free.clone())
                .exec(&self.db)
                .await?;
            if taken.rows_affected == 1 {
                claimed.push((delivery, hook));
            }
        }
        Ok(claimed)
    }

    /// Forgets finished deliveries older than [`KEEP_DAYS`]: the log does not grow for
    /// ever. Returns how many went.
    pub async fn prune(&self) -> Result<u64> {
        let gone = webhook_delivery::Entity::delete_many()
            .filter(webhook_delivery::Column::Status.ne(PENDING))
            .filter(
                webhook_delivery::Column::CreatedAt
                    .lt(Utc::now() - chrono::Duration::days(KEEP_DAYS)),
            )
            .exec(&self.db)
            .await?;
        Ok(gone.rows_affected)
    }

    /// Records one attempt: delivered, or failed and retried later, or failed for good
    /// after the last attempt.
    pub async fn record(&self, delivery: &webhook_delivery::Model, outcome: Outcome) -> Result<()> {
        let attempts = delivery.attempts.saturating_add(1);
        let now = Utc::now();
        let mut row: webhook_delivery::ActiveModel = delivery.clone().into();
        row.attempts = Set(attempts);
        row.claimed_until = Set(None);
        match outcome {
            Outcome::Delivered(code) => {
                row.status = Set(DELIVERED.into());
                row.response_code = Set(Some(i32::from(code)));
                row.error = Set(None);
                row.delivered_at = Set(Some(now));
            }
            Outcome::Failed { code, error } => {
                let last = u32::try_from(attempts).unwrap_or(u32::MAX) >= self.retry.attempts;
                row.status = Set(if last { FAILED } else { PENDING }.into());
                row.response_code = Set(code.map(i32::from));
                row.error = Set(Some(error.chars().take(500).collect()));
                if !last {
                    row.next_attempt_at =
                        Set(now + self.retry.wait_after(u32::try_from(attempts).unwrap_or(1)));
                }
            }
        }
        row.update(&self.db).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_and_stop_at_an_hour() {
        let policy = RetryPolicy {
            attempts: 5,
            base: std::time::Duration::from_secs(30),
        };
        let waits: Vec<i64> = (1..=4)
            .map(|a| policy.wait_after(a).num_seconds())
            .collect();
        assert_eq!(waits, [30, 60, 120, 240]);
        assert_eq!(policy.wait_after(40).num_seconds(), 3600);
    }

    #[test]
    fn guids_look_like_uuids() {
        let g = guid();
        assert_eq!(g.len(), 36);
        assert_eq!(&g[14..15], "4");
        assert_ne!(g, guid());
    }
}
