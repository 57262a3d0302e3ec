//! SSH keys (issue 19): the public keys that sign git in over SSH. A key belongs to one
//! account (its SHA-256 fingerprint is unique), and is found by that fingerprint when a
//! client offers it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SshKeys::Table)
                .col(big_pk_auto(SshKeys::Id))
                .col(big_integer(SshKeys::UserId))
                .col(string_len(SshKeys::Name, 100))
                .col(text(SshKeys::PublicKey))
                .col(string_len(SshKeys::Fingerprint, 64))
                .col(timestamp_with_time_zone(SshKeys::CreatedAt))
                .col(timestamp_with_time_zone_null(SshKeys::LastUsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(SshKeys::Table, SshKeys::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ssh_keys_fingerprint")
                .table(SshKeys::Table)
                .col(SshKeys::Fingerprint)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ssh_keys_user")
                .table(SshKeys::Table)
                .col(SshKeys::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SshKeys::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SshKeys {
    Table,
    Id,
    UserId,
    Name,
    /// `type base64` (the comment dropped).
    PublicKey,
    /// `SHA256:...`, as `ssh-keygen -l` prints it.
    Fingerprint,
    CreatedAt,
    LastUsedAt,
}
