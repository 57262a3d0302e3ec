use sea_orm::entity::prelude::*;

/// A WebAuthn credential of an account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "passkeys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    /// The credential id, hex.
    pub credential_id: String,
    /// The WebAuthn user handle (a UUID) the authenticator keeps with it.
    pub user_handle: String,
    /// The serialised `webauthn_rs::prelude::Passkey` (public key, counter).
    pub data: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
