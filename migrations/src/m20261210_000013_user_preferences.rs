//! A person's display preferences, kept on the account so they follow the person to
//! every device: theme, soft wrap, tab width, and a new gist's visibility.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    PrefTheme,
    PrefSoftWrap,
    PrefTabWidth,
    PrefVisibility,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            string_len(Users::PrefTheme, 10).default("system"),
            boolean(Users::PrefSoftWrap).default(false),
            small_integer(Users::PrefTabWidth).default(4),
            string_len(Users::PrefVisibility, 10).default("unlisted"),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(column.to_owned())
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Users::PrefTheme,
            Users::PrefSoftWrap,
            Users::PrefTabWidth,
            Users::PrefVisibility,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
