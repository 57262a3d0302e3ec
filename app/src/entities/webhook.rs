use sea_orm::entity::prelude::*;

/// An address told about gist events: a user's (their gists) or, without an owner, the
/// instance's (public gists).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhooks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub owner_id: Option<i64>,
    pub url: String,
    /// The HMAC-SHA256 key; shown to nobody after it is set.
    pub secret: String,
    /// Comma-separated event names (`gist.created,...`).
    pub events: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::OwnerId",
        to = "super::user::Column::Id",
        on_delete = "Cascade"
    )]
    User,
}

impl ActiveModelBehavior for ActiveModel {}
