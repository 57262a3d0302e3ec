//! The schema, one migration per step, the same on SQLite, PostgreSQL and MySQL/MariaDB.
//! Where a database needs its own SQL (triggers) a migration says so; MySQL's timestamp
//! columns are widened by `m20261209_000012_mysql_times`, which a later migration adding
//! a timestamp column calls again.

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_accounts;
mod m20261121_000002_gists;
mod m20261121_000003_search;
mod m20261202_000004_commit_email;
mod m20261203_000005_gist_counts;
mod m20261204_000006_identities;
mod m20261205_000007_second_factors;
mod m20261205_000008_ssh_keys;
mod m20261206_000009_gist_lifecycle;
mod m20261207_000010_file_languages;
mod m20261208_000011_gist_imports;
mod m20261209_000012_mysql_times;
mod m20261210_000013_user_preferences;
mod m20261211_000014_user_locale;
mod m20261212_000015_instance_assets;
mod m20261213_000016_search_counts;
mod m20261214_000017_webhooks;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_accounts::Migration),
            Box::new(m20261121_000002_gists::Migration),
            Box::new(m20261121_000003_search::Migration),
            Box::new(m20261202_000004_commit_email::Migration),
            Box::new(m20261203_000005_gist_counts::Migration),
            Box::new(m20261204_000006_identities::Migration),
            Box::new(m20261205_000007_second_factors::Migration),
            Box::new(m20261205_000008_ssh_keys::Migration),
            Box::new(m20261206_000009_gist_lifecycle::Migration),
            Box::new(m20261207_000010_file_languages::Migration),
            Box::new(m20261208_000011_gist_imports::Migration),
            Box::new(m20261209_000012_mysql_times::Migration),
            Box::new(m20261210_000013_user_preferences::Migration),
            Box::new(m20261211_000014_user_locale::Migration),
            Box::new(m20261212_000015_instance_assets::Migration),
            Box::new(m20261213_000016_search_counts::Migration),
            Box::new(m20261214_000017_webhooks::Migration),
        ]
    }
}
