//! A gist's lifecycle (issue 20): when it expires, whether it is archived (read-only),
//! its custom URL, whether it takes comments, and its place among its owner's pinned
//! gists. One column each on `gists`: every door reads them with the row it already
//! loads, so no door needs a second query to decide.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns = [
            timestamp_with_time_zone_null(Gists::ExpiresAt),
            boolean(Gists::Archived).default(false).to_owned(),
            string_len_null(Gists::Slug, 64),
            string_len_null(Gists::SlugKey, 64),
            string_len(Gists::Comments, 10).default("open").to_owned(),
            integer_null(Gists::Pinned),
        ];
        for column in columns {
            m.alter_table(
                Table::alter()
                    .table(Gists::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        // A custom URL names one gist of its owner; NULLs (no slug) never collide.
        m.create_index(
            Index::create()
                .name("idx_gists_owner_slug")
                .table(Gists::Table)
                .col(Gists::OwnerId)
                .col(Gists::SlugKey)
                .unique()
                .to_owned(),
        )
        .await?;
        // The expiry job finds what is due without scanning every gist.
        m.create_index(
            Index::create()
                .name("idx_gists_expires_at")
                .table(Gists::Table)
                .col(Gists::ExpiresAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_gists_expires_at").to_owned())
            .await?;
        m.drop_index(Index::drop().name("idx_gists_owner_slug").to_owned())
            .await?;
        for column in [
            Gists::ExpiresAt,
            Gists::Archived,
            Gists::Slug,
            Gists::SlugKey,
            Gists::Comments,
            Gists::Pinned,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Gists::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Gists {
    Table,
    OwnerId,
    /// When the gist stops existing; NULL: never.
    ExpiresAt,
    /// Read-only: no edits, pushes or new comments until unarchived.
    Archived,
    /// The custom URL segment as the owner typed it.
    Slug,
    /// The slug in lower case: URLs match it without regard to case.
    SlugKey,
    /// `open`, `closed` (existing comments shown, no new ones) or `hidden`.
    Comments,
    /// 1-6: the gist's place on its owner's profile; NULL: not pinned.
    Pinned,
}
