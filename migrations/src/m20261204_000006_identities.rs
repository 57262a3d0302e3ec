//! Sign-in through identity providers (issue 17). `user_identities` links an account to
//! a provider's subject: the subject, never the email or the username, is what a provider
//! promises stays the same. `login_flows` holds a sign-in that left for a provider and has
//! not come back: in the database, not in memory, so that the callback may reach another
//! server than the one that started it; each row is taken once (a replayed `state` finds
//! nothing) and expires within minutes. `users.rename_allowed` lets an account a provider
//! made pick its own username once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(UserIdentities::Table)
                .col(big_pk_auto(UserIdentities::Id))
                .col(big_integer(UserIdentities::UserId))
                .col(string_len(UserIdentities::Provider, 32))
                .col(string_len(UserIdentities::Subject, 255))
                .col(timestamp_with_time_zone(UserIdentities::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserIdentities::Table, UserIdentities::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_user_identities_subject")
                .table(UserIdentities::Table)
                .col(UserIdentities::Provider)
                .col(UserIdentities::Subject)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_user_identities_user")
                .table(UserIdentities::Table)
                .col(UserIdentities::UserId)
                .to_owned(),
        )
        .await?;

        // An account a provider made took the provider's name; its owner may pick another,
        // once (issue 17).
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(boolean(Users::RenameAllowed).default(false))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LoginFlows::Table)
                .col(string_len(LoginFlows::Id, 64).primary_key())
                .col(string_len(LoginFlows::Provider, 32))
                .col(string_len(LoginFlows::PkceVerifier, 128))
                .col(string_len(LoginFlows::Nonce, 128))
                .col(string_len(LoginFlows::Next, 2048))
                .col(big_integer_null(LoginFlows::LinkUserId))
                .col(timestamp_with_time_zone(LoginFlows::ExpiresAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LoginFlows::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(UserIdentities::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .drop_column(Users::RenameAllowed)
                .to_owned(),
        )
        .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    RenameAllowed,
}

#[derive(DeriveIden)]
enum UserIdentities {
    Table,
    Id,
    UserId,
    Provider,
    Subject,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LoginFlows {
    Table,
    /// SHA-256 of the `state` sent to the provider, hex.
    Id,
    Provider,
    PkceVerifier,
    Nonce,
    /// Where to go once signed in (a local path).
    Next,
    /// Set when a signed-in user is linking a provider to their account.
    LinkUserId,
    ExpiresAt,
}
