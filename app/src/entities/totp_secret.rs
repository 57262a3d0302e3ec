use sea_orm::entity::prelude::*;

/// An account's authenticator-app secret; a second factor once `confirmed`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "totp_secrets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    /// Base32.
    pub secret: String,
    pub confirmed: bool,
    /// The newest time step a code was accepted for: codes of this step or older are refused.
    pub last_step: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
