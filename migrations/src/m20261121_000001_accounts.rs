//! Users, their access tokens and web sessions, and the admin's instance settings.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(big_pk_auto(Users::Id))
                .col(string_len(Users::Username, 39))
                // Usernames are unique regardless of case; the index does the lookups too.
                .col(string_len_uniq(Users::UsernameLower, 39))
                .col(string_len(Users::Email, 254))
                .col(string(Users::PasswordHash))
                .col(string_len(Users::DisplayName, 100).default(""))
                .col(text(Users::Bio).default(""))
                .col(boolean(Users::IsAdmin).default(false))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AccessTokens::Table)
                .col(big_pk_auto(AccessTokens::Id))
                .col(big_integer(AccessTokens::UserId))
                .col(string_len(AccessTokens::Name, 100))
                // SHA-256 of the token, hex: tokens carry 256 random bits, so a fast hash
                // is enough and lets every request verify without argon2.
                .col(string_len_uniq(AccessTokens::TokenHash, 64))
                .col(string(AccessTokens::Scopes))
                .col(timestamp_with_time_zone_null(AccessTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(AccessTokens::LastUsedAt))
                .col(timestamp_with_time_zone(AccessTokens::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AccessTokens::Table, AccessTokens::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_access_tokens_user")
                .table(AccessTokens::Table)
                .col(AccessTokens::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                // SHA-256 of the cookie value, so a database leak yields no live session.
                .col(string_len(Sessions::Id, 64).primary_key())
                .col(big_integer(Sessions::UserId))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_user")
                .table(Sessions::Table)
                .col(Sessions::UserId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_expires")
                .table(Sessions::Table)
                .col(Sessions::ExpiresAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(InstanceSettings::Table)
                .col(string_len(InstanceSettings::Key, 64).primary_key())
                .col(string(InstanceSettings::Value))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            InstanceSettings::Table.into_iden(),
            Sessions::Table.into_iden(),
            AccessTokens::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    UsernameLower,
    Email,
    PasswordHash,
    DisplayName,
    Bio,
    IsAdmin,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AccessTokens {
    Table,
    Id,
    UserId,
    Name,
    TokenHash,
    Scopes,
    ExpiresAt,
    LastUsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum InstanceSettings {
    Table,
    Key,
    Value,
}
