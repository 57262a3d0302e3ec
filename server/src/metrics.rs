//! Prometheus metrics (`metrics.enabled`), served on a listener of their own
//! (`metrics.host`:`metrics.port`, loopback by default) and never on the main port, so a
//! scrape endpoint is not public by accident.
//!
//! Counting is the `metrics` crate's macros wherever something happens (requests here,
//! git in the transports, the response cache); the `metrics-exporter-prometheus` recorder
//! keeps them and writes Prometheus' text format. Without `metrics.enabled` no recorder
//! is installed and no layer is added: the macros then cost nothing worth measuring.
//! Totals that live in the database (gists, users, comments, the search index's backlog)
//! and the pool's use are read when Prometheus scrapes, not kept up to date by writes.

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ::metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use anyhow::Context;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{DatabaseBackend, EntityTrait, PaginatorTrait};

use app::route::Route;
use app::state::AppState;

/// Latency buckets, in seconds: from a kept answer (well under a millisecond) to a
/// clone of a large gist.
const BUCKETS: &[f64] = &[
    0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
    60.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed on first use (a process has one).
fn handle() -> anyhow::Result<PrometheusHandle> {
    if let Some(handle) = HANDLE.get() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("duration_seconds".into()), BUCKETS)
        .context("metrics buckets")?
        .build_recorder();
    let handle = recorder.handle();
    ::metrics::set_global_recorder(recorder).context("installing the metrics recorder")?;
    describe();
    Ok(HANDLE.get_or_init(|| handle).clone())
}

fn describe() {
    describe_counter!(
        "gistful_http_requests_total",
        "HTTP requests answered, by route kind, method and status"
    );
    describe_histogram!(
        "gistful_http_request_duration_seconds",
        ::metrics::Unit::Seconds,
        "Time to the response's head, by route kind and method"
    );
    describe_counter!(
        "gistful_git_operations_total",
        "Git clones/fetches and pushes, by transport and outcome (ok, refused, failed)"
    );
    describe_histogram!(
        "gistful_git_operation_duration_seconds",
        ::metrics::Unit::Seconds,
        "Duration of git clones/fetches and pushes"
    );
    describe_counter!(
        "gistful_response_cache_total",
        "Reads the response cache answered (hit) or kept (miss)"
    );
    describe_gauge!(
        "gistful_gists",
        "Gists on this instance, private ones included"
    );
    describe_gauge!("gistful_users", "User accounts");
    describe_gauge!("gistful_comments", "Comments on gists");
    describe_gauge!(
        "gistful_search_pending_changes",
        "Database changes this server's search index has yet to apply"
    );
    describe_gauge!(
        "gistful_db_pool_connections",
        "Database pool connections, by state (idle, busy)"
    );
    metrics_process::Collector::default().describe();
}

/// What the metrics listener serves from.
#[derive(Clone)]
struct Scrape {
    handle: PrometheusHandle,
    state: AppState,
    process: std::sync::Arc<metrics_process::Collector>,
}

/// Binds the metrics listener and serves `/metrics` on it until the process ends; the
/// address it got is logged (`metrics listening on http://...`).
pub async fn start(addr: SocketAddr, state: AppState) -> anyhow::Result<SocketAddr> {
    let handle = handle()?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen for metrics on {addr}"))?;
    let bound = listener.local_addr()?;
    // Histograms are summarised as they come; upkeep keeps that work bounded between
    // scrapes.
    {
        let handle = handle.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(5));
            loop {
                tick.tick().await;
                handle.run_upkeep();
            }
        });
    }
    let scrape = Scrape {
        handle,
        state,
        process: std::sync::Arc::new(metrics_process::Collector::default()),
    };
    let app = Router::new()
        .route("/metrics", get(metrics))
        .with_state(scrape);
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
    tracing::info!("metrics listening on http://{bound}/metrics");
    Ok(bound)
}

async fn metrics(State(scrape): State<Scrape>) -> Response {
    read_totals(&scrape.state).await;
    scrape.process.collect();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        scrape.handle.render(),
    )
        .into_response()
}

/// The gauges read at scrape time; one that cannot be read keeps its last value.
async fn read_totals(state: &AppState) {
    use app::entities::{comment, gist, user};
    let db = &state.db;
    if let Ok(n) = gist::Entity::find().count(db).await {
        gauge!("gistful_gists").set(n as f64);
    }
    if let Ok(n) = user::Entity::find().count(db).await {
        gauge!("gistful_users").set(n as f64);
    }
    if let Ok(n) = comment::Entity::find().count(db).await {
        gauge!("gistful_comments").set(n as f64);
    }
    if let Ok(n) = state.search.pending().await {
        gauge!("gistful_search_pending_changes").set(n as f64);
    }
    let (size, idle) = match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        DatabaseBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        DatabaseBackend::MySql => {
            let pool = db.get_mysql_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => return,
    };
    let idle = u32::try_from(idle).unwrap_or(u32::MAX).min(size);
    gauge!("gistful_db_pool_connections", "state" => "idle").set(f64::from(idle));
    gauge!("gistful_db_pool_connections", "state" => "busy").set(f64::from(size - idle));
}

/// The request layer (added only with `metrics.enabled`): one count and one latency per
/// request, labelled by the kind of route, never by its path.
pub async fn record(req: Request<Body>, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<Route>()
        .map_or("unknown", Route::kind);
    let method = method_label(req.method());
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    counter!("gistful_http_requests_total", "route" => route, "method" => method, "status" => status)
        .increment(1);
    histogram!("gistful_http_request_duration_seconds", "route" => route, "method" => method)
        .record(started.elapsed());
    response
}

/// A fixed set of labels: a client's made-up methods are all `other`.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// A git operation, as the transports count it.
#[derive(Debug, Clone, Copy)]
pub enum GitOperation {
    /// `git-upload-pack`: a clone or a fetch.
    Clone,
    /// `git-receive-pack`.
    Push,
}

/// How a git operation ended.
#[derive(Debug, Clone, Copy)]
pub enum Outcome {
    Ok,
    /// The server said no: too large, a hook's refusal, an archived gist.
    Refused,
    /// Cut off, timed out, or git failed.
    Failed,
}

/// Counts one git operation and how long it took.
pub fn git(operation: GitOperation, transport: &'static str, outcome: Outcome, took: Duration) {
    let operation = match operation {
        GitOperation::Clone => "clone",
        GitOperation::Push => "push",
    };
    let outcome = match outcome {
        Outcome::Ok => "ok",
        Outcome::Refused => "refused",
        Outcome::Failed => "failed",
    };
    counter!("gistful_git_operations_total", "operation" => operation, "transport" => transport, "outcome" => outcome)
        .increment(1);
    histogram!("gistful_git_operation_duration_seconds", "operation" => operation, "transport" => transport)
        .record(took);
}

/// A response-cache answer: `hit` (served from memory) or `miss` (made, then kept).
pub fn cache(hit: bool) {
    let result = if hit { "hit" } else { "miss" };
    counter!("gistful_response_cache_total", "result" => result).increment(1);
}

/// Whether receive-pack's report refuses a ref (`ng <ref> <reason>` in a pkt-line), so
/// that a push a hook turned down counts as refused.
pub fn report_refuses(report: &[u8]) -> bool {
    report
        .windows(12)
        .any(|w| w[..4].iter().all(u8::is_ascii_hexdigit) && w[4..].starts_with(b"ng refs/"))
        || report
            .windows(13)
            .any(|w| w.starts_with(b"unpack ") && !w.starts_with(b"unpack ok"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_ref_or_a_failed_unpack_is_a_refusal() {
        let ok = b"000eunpack ok\n0019ok refs/heads/main\n0000";
        assert!(!report_refuses(ok));
        let hook = b"000eunpack ok\n0033ng refs/heads/main pre-receive hook declined\n0000";
        assert!(report_refuses(hook));
        let unpack = b"0021unpack index-pack failed\n0000";
        assert!(report_refuses(unpack));
        // Side-band framed, as clients ask for it.
        let framed = b"0030\x01000eunpack ok\n0019ng refs/heads/x bad\n0000";
        assert!(report_refuses(framed));
    }

    #[test]
    fn routes_are_labelled_by_kind_and_methods_by_a_fixed_set() {
        assert_eq!(Route::parse("/alice/abc123/raw/HEAD/a.txt").kind(), "raw");
        assert_eq!(Route::parse("/alice/abc123").kind(), "gist_page");
        assert_eq!(Route::parse("/api/gists").kind(), "api");
        assert_eq!(method_label(&Method::from_bytes(b"BREW").unwrap()), "other");
    }
}
