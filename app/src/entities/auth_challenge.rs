use sea_orm::entity::prelude::*;

/// A sign-in between its steps, or a WebAuthn ceremony under way; taken once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "auth_challenges")]
pub struct Model {
    /// SHA-256 of the secret the browser holds, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub user_id: Option<i64>,
    pub purpose: String,
    /// The WebAuthn ceremony's state, serialised (empty when none).
    pub state: String,
    /// Where to go next (a sign-in), or the passkey's name (a registration).
    pub data: String,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
