//! A file's language chosen by its owner (issue 21), where the name alone would guess
//! wrong (`Vagrantfile`, `notes.txt` that is SQL...). Kept apart from `gist_files`, which
//! is rebuilt from git after every commit: a choice outlives commits and pushes that keep
//! the file's name, and goes with the file when the gist is deleted.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GistFileLanguages::Table)
                .col(string_len(GistFileLanguages::GistId, 32))
                .col(string_len(GistFileLanguages::Filename, 255))
                .col(string_len(GistFileLanguages::Language, 64))
                .primary_key(
                    Index::create()
                        .col(GistFileLanguages::GistId)
                        .col(GistFileLanguages::Filename),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(GistFileLanguages::Table, GistFileLanguages::GistId)
                        .to(Gists::Table, Gists::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(GistFileLanguages::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Gists {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum GistFileLanguages {
    Table,
    GistId,
    Filename,
    /// One of `app::rules::language::LANGUAGES`.
    Language,
}
