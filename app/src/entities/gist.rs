use sea_orm::entity::prelude::*;

use crate::rules::{Comments, Visibility};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gists")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub owner_id: i64,
    pub title: String,
    pub description: String,
    /// `public`, `unlisted` or `private`; see [`Model::visibility`].
    pub visibility: String,
    pub topics: String,
    pub fork_of: Option<String>,
    pub star_count: i32,
    pub fork_count: i32,
    pub comment_count: i32,
    pub head: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When the gist stops existing; see [`crate::access::read`].
    pub expires_at: Option<DateTimeUtc>,
    /// Read-only until unarchived; see [`crate::access::change`].
    pub archived: bool,
    /// The custom URL segment as typed, and its lower-case key URLs match.
    pub slug: Option<String>,
    pub slug_key: Option<String>,
    /// `open`, `closed` or `hidden`; see [`Model::comments`].
    pub comments: String,
    /// Its place (1-6) on its owner's profile, or not pinned.
    pub pinned: Option<i32>,
}

impl Model {
    pub fn visibility(&self) -> Visibility {
        Visibility::parse(&self.visibility).unwrap_or(Visibility::Private)
    }

    pub fn comments(&self) -> Comments {
        Comments::parse(&self.comments).unwrap_or(Comments::Closed)
    }

    pub fn topic_list(&self) -> Vec<String> {
        self.topics.split_whitespace().map(str::to_owned).collect()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::OwnerId",
        to = "super::user::Column::Id",
        on_delete = "Cascade"
    )]
    Owner,
    #[sea_orm(has_many = "super::gist_file::Entity")]
    Files,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}

impl Related<super::gist_file::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Files.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
