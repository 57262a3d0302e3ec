//! `GET /healthz`: can we reach the database and write to the data directory?
//!
//! Anyone may ask (load balancers do), so the answer names only which part failed; the
//! error itself, with its paths and database messages, goes to the log.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use app::state::AppState;

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let database = state.db.ping().await.map_err(|e| e.to_string());
    let storage = check_storage(&state.home.join("repos")).await;
    let healthy = database.is_ok() && storage.is_ok();
    let report = |part: &str, check: Result<(), String>| match check {
        Ok(()) => json!({ "status": "ok" }),
        Err(error) => {
            tracing::warn!(part, %error, "health check failed");
            json!({ "status": "error" })
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
        Some(error) => {
            tracing::warn!(part = "search", %error, "health check failed");
            json!({ "status": "error", "pending": pending })
        }
    };
    let body = json!({
        "status": if healthy { "ok" } else { "error" },
        "database": report("database", database),
        "storage": report("storage", storage),
        "search": search,
    });
    (status, Json(body))
}

/// Writes and removes a probe file of this call's own: concurrent checks never trip
/// over each other's file.
async fn check_storage(dir: &std::path::Path) -> Result<(), String> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let call = NEXT.fetch_add(1, Ordering::Relaxed);
    let probe = dir.join(format!(".healthz-{}-{call}", std::process::id()));
    tokio::fs::write(&probe, b"ok")
        .await
        .map_err(|e| format!("cannot write to {}: {e}", dir.display()))?;
    tokio::fs::remove_file(&probe)
        .await
        .map_err(|e| format!("cannot clean up in {}: {e}", dir.display()))
}
