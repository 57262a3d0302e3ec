//! What every request handler and server function is given.

use std::path::PathBuf;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The data directory: repositories and anything else kept on disk.
    pub home: PathBuf,
    /// The address clients reach us at, without a trailing slash.
    pub external_url: String,
    pub api_enabled: bool,
}
