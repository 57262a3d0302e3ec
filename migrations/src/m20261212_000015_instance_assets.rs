//! The instance's uploaded images (logo, favicon): in the database, not the data
//! directory, because several servers share one database and each must serve them.

use sea_orm_migration::sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InstanceAssets {
    Table,
    Name,
    ContentType,
    Etag,
    Body,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // MySQL's plain `blob` stops at 64 KiB; a logo may be larger (the limit is
        // configured, at most 16 MiB: a `mediumblob`).
        let mut body = ColumnDef::new(InstanceAssets::Body);
        if m.get_database_backend() == DbBackend::MySql {
            body.custom(Alias::new("mediumblob"));
        } else {
            body.blob();
        }
        m.create_table(
            Table::create()
                .table(InstanceAssets::Table)
                .col(string_len(InstanceAssets::Name, 32).primary_key())
                .col(string_len(InstanceAssets::ContentType, 64))
                .col(string_len(InstanceAssets::Etag, 64))
                .col(body.not_null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(InstanceAssets::Table).to_owned())
            .await
    }
}
