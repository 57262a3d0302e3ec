//! Whether a user's commits carry their real email. Off by default: anyone who clones a
//! public gist reads its commits, so they carry a no-reply address unless the user says
//! otherwise (GitHub's behaviour).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    CommitEmailPublic,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(boolean(Users::CommitEmailPublic).default(false))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .drop_column(Users::CommitEmailPublic)
                .to_owned(),
        )
        .await
    }
}
