//! Webhooks: addresses told when a gist changes. A hook belongs to a user (events about
//! their gists) or, with no owner, to the instance (set by an admin: events about public
//! gists). Each event for each hook is a row in `webhook_deliveries`, the queue the
//! delivery worker drains with retries, and the log the settings page shows.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261209_000012_mysql_times::widen_timestamps;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Webhooks::Table)
                .col(big_pk_auto(Webhooks::Id))
                .col(big_integer_null(Webhooks::OwnerId))
                .col(string_len(Webhooks::Url, 2048))
                .col(string_len(Webhooks::Secret, 256))
                .col(string_len(Webhooks::Events, 256))
                .col(boolean(Webhooks::Active))
                .col(timestamp_with_time_zone(Webhooks::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Webhooks::Table, Webhooks::OwnerId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_webhooks_owner")
                .table(Webhooks::Table)
                .col(Webhooks::OwnerId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookDeliveries::Table)
                .col(big_pk_auto(WebhookDeliveries::Id))
                .col(big_integer(WebhookDeliveries::HookId))
                .col(string_len(WebhookDeliveries::Guid, 36))
                .col(string_len(WebhookDeliveries::Event, 32))
                .col(text(WebhookDeliveries::Payload))
                .col(string_len(WebhookDeliveries::Status, 16))
                .col(integer(WebhookDeliveries::Attempts))
                .col(timestamp_with_time_zone(WebhookDeliveries::NextAttemptAt))
                .col(timestamp_with_time_zone_null(
                    WebhookDeliveries::ClaimedUntil,
                ))
                .col(integer_null(WebhookDeliveries::ResponseCode))
                .col(string_len_null(WebhookDeliveries::Error, 512))
                .col(timestamp_with_time_zone(WebhookDeliveries::CreatedAt))
                .col(timestamp_with_time_zone_null(
                    WebhookDeliveries::DeliveredAt,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .from(WebhookDeliveries::Table, WebhookDeliveries::HookId)
                        .to(Webhooks::Table, Webhooks::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // The worker's question: which are due?
        m.create_index(
            Index::create()
                .name("idx_webhook_deliveries_due")
                .table(WebhookDeliveries::Table)
                .col(WebhookDeliveries::Status)
                .col(WebhookDeliveries::NextAttemptAt)
                .to_owned(),
        )
        .await?;
        // The log's: a hook's newest deliveries.
        m.create_index(
            Index::create()
                .name("idx_webhook_deliveries_hook")
                .table(WebhookDeliveries::Table)
                .col(WebhookDeliveries::HookId)
                .col(WebhookDeliveries::Id)
                .to_owned(),
        )
        .await?;
        widen_timestamps(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WebhookDeliveries::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Webhooks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Webhooks {
    Table,
    Id,
    /// NULL: the instance's (an admin's).
    OwnerId,
    Url,
    /// The HMAC-SHA256 key payloads are signed with.
    Secret,
    /// Comma-separated event names.
    Events,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebhookDeliveries {
    Table,
    Id,
    HookId,
    /// `X-Gistful-Delivery`.
    Guid,
    Event,
    Payload,
    /// `pending`, `delivered` or `failed`.
    Status,
    Attempts,
    NextAttemptAt,
    /// A worker holds it until then (several servers share the queue).
    ClaimedUntil,
    ResponseCode,
    Error,
    CreatedAt,
    DeliveredAt,
}
