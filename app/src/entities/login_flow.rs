use sea_orm::entity::prelude::*;

/// A sign-in waiting for its provider's callback; taken once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_flows")]
pub struct Model {
    /// SHA-256 of the `state` sent to the provider, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub provider: String,
    pub pkce_verifier: String,
    pub nonce: String,
    pub next: String,
    pub link_user_id: Option<i64>,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
