//! `GET /healthz`: can we reach the database and write to the data directory?

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use app::state::AppState;

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let database = state.db.ping().await.map_err(|e| e.to_string());
    let storage = check_storage(&state.home.join("repos")).await;
    let healthy = database.is_ok() && storage.is_ok();
    let report = |check: Result<(), String>| match check {
        Ok(()) => json!({ "status": "ok" }),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            json!({ "status": "error", "error": error })
        }
    };
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    // Search lagging is reported, not fatal: everything else still works.
    let index = state.search.health();
    let pending = state.search.pending().await.unwrap_or(-1);
    let search = match index.last_error {
        None => json!({ "status": "ok", "pending": pending }),
        Some(error) => json!({ "status": "error", "error": error, "pending": pending }),
    };
    let body = json!({
        "status": if healthy { "ok" } else { "error" },
        "database": report(database),
        "storage": report(storage),
        "search": search,
    });
    (status, Json(body))
}

async fn check_storage(dir: &std::path::Path) -> Result<(), String> {
    let probe = dir.join(format!(".healthz-{}", std::process::id()));
    tokio::fs::write(&probe, b"ok")
        .await
        .map_err(|e| format!("cannot write to {}: {e}", dir.display()))?;
    tokio::fs::remove_file(&probe)
        .await
        .map_err(|e| format!("cannot clean up in {}: {e}", dir.display()))
}
