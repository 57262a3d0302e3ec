//! Where an imported gist came from (`gistful admin import`), so that a second run skips
//! what the first brought: imports are resumable and idempotent. Goes with the gist.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GistImports::Table)
                .col(string_len(GistImports::Source, 512).primary_key())
                .col(string_len(GistImports::GistId, 32))
                .col(timestamp_with_time_zone(GistImports::ImportedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(GistImports::Table, GistImports::GistId)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(GistImports::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Gists {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum GistImports {
    Table,
    /// The gist's clone URL at its source.
    Source,
    GistId,
    ImportedAt,
}
