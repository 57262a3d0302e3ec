//! The benchmark's yardstick: the smallest axum server, built from this workspace with the
//! same profile, so every figure in the report can be a ratio against it.
//!
//! `cargo run --release -p server --example baseline -- 127.0.0.1:3990`

use axum::Router;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3990".into());
    let app = Router::new().route("/", get(|| async { "Hello, World!" }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await
}
