//! Where an imported gist came from: its clone URL at the source.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gist_imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub source: String,
    pub gist_id: String,
    pub imported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::gist::Entity",
        from = "Column::GistId",
        to = "super::gist::Column::Id",
        on_delete = "Cascade"
    )]
    Gist,
}

impl Related<super::gist::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Gist.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
