//! The router: pages, server functions, health, static files, and the layers around them.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{any, get};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::LatencyUnit;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use app::state::AppState;
use app::{App, shell};

use crate::{api, health, raw};

pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// `body_limit`: the largest request body accepted anywhere.
pub fn router(state: AppState, body_limit: usize) -> Router {
    let page_routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };

    Router::new()
        .route("/healthz", get(health::healthz))
        .merge(api::router(&state))
        .route("/{user}/{id}/raw/{rev}/{file}", get(raw::raw_file))
        .route("/avatars/{file}", get(raw::avatar))
        .route("/sfn/{*fn_name}", any(server_fn))
        .leptos_routes_with_context(&state, page_routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), id)
                })
                // One line per request at info: status and latency, inside the span above.
                .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(LatencyUnit::Micros)))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(RequestBodyLimitLayer::new(body_limit))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    REQUEST_TIMEOUT,
                ))
                .layer(DefaultBodyLimit::max(body_limit)),
        )
        .with_state(state)
}

async fn server_fn(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    leptos_axum::handle_server_fns_with_context(move || provide_context(state.clone()), req).await
}
