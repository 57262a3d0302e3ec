//! MySQL/MariaDB only: every timestamp column becomes `DATETIME(6)`.
//!
//! The schema builders turn "timestamp with time zone" into MySQL's `TIMESTAMP`, which
//! keeps whole seconds (an expiry, a token's last use and the order of two quick edits
//! lose their fractions) and ends in January 2038 (an expiry "in 20 years" could not be
//! stored). `DATETIME(6)` keeps microseconds until year 9999; sqlx sets every session's
//! time zone to UTC, so the stored values are UTC as on the other databases. A later
//! migration that adds a timestamp column calls [`widen_timestamps`] at its end.
//! SQLite and PostgreSQL are untouched.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Converts each `TIMESTAMP` column of the current MySQL database to `DATETIME(6)`,
/// keeping whether it may be NULL. Does nothing on the other databases.
pub async fn widen_timestamps(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    if m.get_database_backend() != DbBackend::MySql {
        return Ok(());
    }
    let db = m.get_connection();
    let columns = db
        .query_all_raw(Statement::from_string(
            DbBackend::MySql,
            "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, IS_NULLABLE AS n \
             FROM information_schema.COLUMNS \
             WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'timestamp' \
             ORDER BY TABLE_NAME, ORDINAL_POSITION",
        ))
        .await?;
    for row in columns {
        let table: String = row.try_get("", "t")?;
        let column: String = row.try_get("", "c")?;
        let nullable: String = row.try_get("", "n")?;
        let null = if nullable == "YES" {
            "NULL"
        } else {
            "NOT NULL"
        };
        db.execute_unprepared(&format!(
            "ALTER TABLE `{table}` MODIFY `{column}` DATETIME(6) {null}"
        ))
        .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        widen_timestamps(m).await
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // Narrowing back would cut fractions and later dates: the wider type stays.
        Ok(())
    }
}
