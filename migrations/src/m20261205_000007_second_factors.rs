//! Second factors (issue 18). `totp_secrets` holds one authenticator-app secret per
//! account; it counts only once `confirmed` (a first code proved the app has it), and
//! `last_step` is the newest 30-second step a code was accepted for, so that a code is
//! accepted once. `passkeys` are WebAuthn credentials (the crate's serialised `Passkey`,
//! which carries the public key and the signature counter). `recovery_codes` keeps only
//! SHA-256 hashes, each used once. `auth_challenges` holds a sign-in between its steps (a
//! password accepted, a second factor awaited) and WebAuthn challenges: in the database
//! so that the next step may reach another server, taken once, expiring within minutes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn owner(
    table: impl IntoIden + Clone + 'static,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TotpSecrets::Table)
                .col(big_integer(TotpSecrets::UserId).primary_key())
                .col(string_len(TotpSecrets::Secret, 64))
                .col(boolean(TotpSecrets::Confirmed).default(false))
                .col(big_integer(TotpSecrets::LastStep).default(0))
                .col(timestamp_with_time_zone(TotpSecrets::CreatedAt))
                .foreign_key(&mut owner(TotpSecrets::Table, TotpSecrets::UserId))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Passkeys::Table)
                .col(big_pk_auto(Passkeys::Id))
                .col(big_integer(Passkeys::UserId))
                .col(string_len(Passkeys::Name, 64))
                .col(string_len(Passkeys::CredentialId, 2048))
                .col(string_len(Passkeys::UserHandle, 36))
                .col(text(Passkeys::Data))
                .col(timestamp_with_time_zone(Passkeys::CreatedAt))
                .col(timestamp_with_time_zone_null(Passkeys::LastUsedAt))
                .foreign_key(&mut owner(Passkeys::Table, Passkeys::UserId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_passkeys_credential")
                .table(Passkeys::Table)
                .col(Passkeys::CredentialId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_passkeys_user")
                .table(Passkeys::Table)
                .col(Passkeys::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(big_pk_auto(RecoveryCodes::Id))
                .col(big_integer(RecoveryCodes::UserId))
                .col(string_len(RecoveryCodes::CodeHash, 64))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(&mut owner(RecoveryCodes::Table, RecoveryCodes::UserId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_recovery_codes_user")
                .table(RecoveryCodes::Table)
                .col(RecoveryCodes::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuthChallenges::Table)
                .col(string_len(AuthChallenges::Id, 64).primary_key())
                .col(big_integer_null(AuthChallenges::UserId))
                .col(string_len(AuthChallenges::Purpose, 32))
                .col(text(AuthChallenges::State))
                .col(string_len(AuthChallenges::Data, 2048))
                .col(timestamp_with_time_zone(AuthChallenges::ExpiresAt))
                .foreign_key(&mut owner(AuthChallenges::Table, AuthChallenges::UserId))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuthChallenges::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            Passkeys::Table.into_iden(),
            TotpSecrets::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone)]
enum TotpSecrets {
    Table,
    UserId,
    /// Base32, as authenticator apps take it.
    Secret,
    Confirmed,
    LastStep,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Passkeys {
    Table,
    Id,
    UserId,
    Name,
    /// The credential id, hex.
    CredentialId,
    /// The WebAuthn user handle (a UUID), the same for all of an account's passkeys.
    UserHandle,
    /// The serialised `webauthn_rs::prelude::Passkey`.
    Data,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden, Clone)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden, Clone)]
enum AuthChallenges {
    Table,
    /// SHA-256 of the secret the browser holds, hex.
    Id,
    UserId,
    /// `second-factor`, `passkey-login`, `passkey-register`.
    Purpose,
    /// The WebAuthn ceremony's state, serialised (empty when none).
    State,
    /// Where to go next (a sign-in) or the passkey's name (a registration).
    Data,
    ExpiresAt,
}
