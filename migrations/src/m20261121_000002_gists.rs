//! Gists and what hangs off them. Files and history live in git; these tables hold what
//! lists and pages need without opening a repository.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Gists::Table)
                .col(string_len(Gists::Id, 32).primary_key())
                .col(big_integer(Gists::OwnerId))
                .col(string_len(Gists::Title, 255).default(""))
                .col(text(Gists::Description).default(""))
                .col(string_len(Gists::Visibility, 10))
                // Space-separated, for display; `gist_topics` answers "which gists have X".
                .col(string_len(Gists::Topics, 600).default(""))
                .col(string_len_null(Gists::ForkOf, 32))
                .col(integer(Gists::StarCount).default(0))
                .col(integer(Gists::ForkCount).default(0))
                .col(integer(Gists::CommentCount).default(0))
                // The commit the database describes; git is written first, so a mismatch
                // after a crash is repaired from the repository.
                .col(string_len(Gists::Head, 40))
                .col(timestamp_with_time_zone(Gists::CreatedAt))
                .col(timestamp_with_time_zone(Gists::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Gists::Table, Gists::OwnerId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Gists::Table, Gists::ForkOf)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            (
                "idx_gists_owner_updated",
                vec![Gists::OwnerId, Gists::UpdatedAt, Gists::Id],
            ),
            (
                "idx_gists_owner_created",
                vec![Gists::OwnerId, Gists::CreatedAt, Gists::Id],
            ),
            (
                "idx_gists_visibility_updated",
                vec![Gists::Visibility, Gists::UpdatedAt, Gists::Id],
            ),
            (
                "idx_gists_visibility_created",
                vec![Gists::Visibility, Gists::CreatedAt, Gists::Id],
            ),
            ("idx_gists_fork_of", vec![Gists::ForkOf, Gists::UpdatedAt]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Gists::Table);
            for col in cols {
                index.col(col);
            }
            m.create_index(index.to_owned()).await?;
        }

        m.create_table(
            Table::create()
                .table(GistFiles::Table)
                .col(string_len(GistFiles::GistId, 32))
                .col(string_len(GistFiles::Filename, 255))
                .col(integer(GistFiles::Position))
                .col(big_integer(GistFiles::Size))
                .col(string_len(GistFiles::Language, 64))
                .col(boolean(GistFiles::Binary).default(false))
                // The first lines, so list pages can show a taste without git.
                .col(text(GistFiles::Preview).default(""))
                .primary_key(
                    Index::create()
                        .col(GistFiles::GistId)
                        .col(GistFiles::Filename),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(GistFiles::Table, GistFiles::GistId)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(GistTopics::Table)
                .col(string_len(GistTopics::GistId, 32))
                .col(string_len(GistTopics::Topic, 50))
                .primary_key(
                    Index::create()
                        .col(GistTopics::GistId)
                        .col(GistTopics::Topic),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(GistTopics::Table, GistTopics::GistId)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_gist_topics_topic")
                .table(GistTopics::Table)
                .col(GistTopics::Topic)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Stars::Table)
                .col(big_integer(Stars::UserId))
                .col(string_len(Stars::GistId, 32))
                .col(timestamp_with_time_zone(Stars::CreatedAt))
                .primary_key(Index::create().col(Stars::UserId).col(Stars::GistId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Stars::Table, Stars::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Stars::Table, Stars::GistId)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_stars_gist")
                .table(Stars::Table)
                .col(Stars::GistId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Comments::Table)
                .col(big_pk_auto(Comments::Id))
                .col(string_len(Comments::GistId, 32))
                .col(big_integer(Comments::UserId))
                .col(text(Comments::Body))
                .col(timestamp_with_time_zone(Comments::CreatedAt))
                .col(timestamp_with_time_zone(Comments::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Comments::Table, Comments::GistId)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Comments::Table, Comments::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_comments_gist")
                .table(Comments::Table)
                .col(Comments::GistId)
                .col(Comments::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Comments::Table.into_iden(),
            Stars::Table.into_iden(),
            GistTopics::Table.into_iden(),
            GistFiles::Table.into_iden(),
            Gists::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Gists {
    Table,
    Id,
    OwnerId,
    Title,
    Description,
    Visibility,
    Topics,
    ForkOf,
    StarCount,
    ForkCount,
    CommentCount,
    Head,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum GistFiles {
    Table,
    GistId,
    Filename,
    Position,
    Size,
    Language,
    Binary,
    Preview,
}

#[derive(DeriveIden)]
enum GistTopics {
    Table,
    GistId,
    Topic,
}

#[derive(DeriveIden)]
enum Stars {
    Table,
    UserId,
    GistId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
    GistId,
    UserId,
    Body,
    CreatedAt,
    UpdatedAt,
}
