//! A file's language chosen by the gist's owner instead of the one its name implies.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gist_file_languages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub gist_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub filename: String,
    pub language: String,
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
