//! The router: pages, server functions, health, static files, and the layers around them.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::util::option_layer;
use tower::{ServiceBuilder, ServiceExt};
use tower_http::LatencyUnit;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel, DefaultPredicate};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use app::route::Route;
use app::state::AppState;
use app::{App, shell};

use crate::edge::Edge;
use crate::response_cache::{self, ResponseCache};
use crate::{api, branding, embed, git_http, health, identify, raw};

pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// An image upload's form around the image: its boundaries, headers and `kind` field.
const UPLOAD_FORM_ROOM: usize = 64 * 1024;

/// The built bundle in `<site>/pkg`, precompressed files first, sent with `cache_control`.
fn bundle(state: &AppState, cache_control: &'static str) -> Router {
    Router::new()
        .fallback_service(
            ServeDir::new(format!("{}/pkg", state.leptos_options.site_root))
                .precompressed_br()
                .precompressed_gzip(),
        )
        // Not on a 404: a file missing now may come with the next build.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            move |response: &Response| {
                response
                    .status()
                    .is_success()
                    .then(|| HeaderValue::from_static(cache_control))
            },
        ))
}

/// What the router is built with besides the app state.
pub struct Options {
    /// The largest request body accepted anywhere (also the most a compressed body may
    /// inflate to).
    pub body_limit: usize,
    /// Kept answers to repeated reads, if any.
    pub cache: Option<Arc<ResponseCache>>,
    pub edge: Arc<Edge>,
    pub git: git_http::Limits,
    /// The identity providers `/oauth` signs in through.
    pub providers: Arc<crate::oauth::Providers>,
    /// Count requests for Prometheus (`metrics.enabled`).
    pub metrics: bool,
}

pub fn router(state: AppState, options: Options) -> Router {
    let Options {
        body_limit,
        cache,
        edge,
        git,
        providers,
        metrics,
    } = options;
    let page_routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };

    let api = api::router().with_state(state.clone());
    let site = Router::new()
        .route("/healthz", get(health::healthz))
        .nest_service("/oauth", crate::oauth::router(state.clone(), providers))
        .route("/{user}/{id}/raw/{rev}/{file}", get(raw::raw_file))
        .route(
            "/{user}/{id}/download/{rev}/{file}",
            get(raw::download_file),
        )
        .route("/{user}/{id}/archive/{archive}", get(raw::archive))
        .route("/avatars/{file}", get(raw::avatar))
        .route("/highlight.css", get(highlight_css))
        .route("/embed.css", get(embed::stylesheet))
        // The instance's logo and favicon, and their upload from the admin panel (a plain
        // form: a server function's address, so the same-origin guard below covers it).
        .route("/assets/brand/{kind}", get(branding::image))
        .route(
            "/sfn/brand_image",
            post(branding::upload).layer(DefaultBodyLimit::max(
                state.branding.image_max() + UPLOAD_FORM_ROOM,
            )),
        )
        // Explicit, so that `/{user}/{id}` pages never shadow the app's own files. Pages
        // load the bundle under its version (`assets`), which may be kept for good.
        .nest_service(
            &format!("/{}", state.leptos_options.site_pkg_dir),
            bundle(&state, crate::assets::IMMUTABLE),
        )
        .nest_service("/pkg", bundle(&state, crate::assets::REVALIDATE))
        .route_service(
            "/favicon.svg",
            ServeFile::new(format!("{}/favicon.svg", state.leptos_options.site_root)),
        )
        // The diagram/math loader and the libraries it imports (public/assets).
        .nest_service(
            "/assets",
            Router::new()
                .fallback_service(ServeDir::new(format!(
                    "{}/assets",
                    state.leptos_options.site_root
                )))
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(crate::assets::REVALIDATE),
                )),
        )
        .route_service(
            "/passkeys.js",
            ServeFile::new(format!("{}/passkeys.js", state.leptos_options.site_root)),
        )
        .leptos_routes_with_context(&state, page_routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            embed::intercept,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            branding::provide,
        ))
        .layer(middleware::from_fn_with_state(
            (state.clone(), git),
            git_http::intercept,
        ))
        .layer(middleware::from_fn_with_state(
            edge.clone(),
            guard_server_functions,
        ))
        .with_state(state.clone());

    // Which door: decided by the route, before any router matches a path. The REST module
    // gets every `/api` request whatever page route might also match it (`/{user}/{id}`
    // would take `/api/nowhere`, `/{user}/{id}/archive/{file}` `/api/users/archive/gists`).
    let doors = tower::service_fn(move |req: Request<Body>| {
        let door = if matches!(req.extensions().get::<Route>(), Some(Route::Api(_))) {
            api.clone()
        } else {
            site.clone()
        };
        door.oneshot(req)
    });
    Router::new()
        .fallback_service(doors)
        // Who is calling, and the instance's login requirement: once, for every door.
        .layer(middleware::from_fn_with_state(state.clone(), identify::layer))
        .layer(option_layer(cache.map(|cache| {
            middleware::from_fn_with_state(cache, response_cache::layer)
        })))
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
                // A bug that panics still answers (500, logged) instead of dropping the
                // connection or leaving the request hanging.
                .layer(CatchPanicLayer::custom(answer_panic))
                .layer(compression())
                .layer(middleware::from_fn(classify))
                .option_layer(metrics.then(|| middleware::from_fn(crate::metrics::record)))
                .layer(middleware::from_fn_with_state(edge, crate::edge::client_address))
                .layer(middleware::from_fn(answer_in_time))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("strict-origin-when-cross-origin"),
                ))
                // Nobody frames our pages, except what is made for other sites.
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_FRAME_OPTIONS,
                    frame_policy,
                ))
                .layer(RequestBodyLimitLayer::new(body_limit))

                .layer(DefaultBodyLimit::max(body_limit)),
        )
}

/// Pages, JSON, raw text, styles and scripts leave compressed (brotli, else gzip, by the
/// caller's `Accept-Encoding`). Not what is compressed already: git's packs, ZIP archives,
/// images, opaque bytes, and the site's files that were compressed at build time (they
/// carry their own `Content-Encoding`, which the layer leaves alone). Brotli at quality 4,
/// not the crate's default 11: that costs tens of milliseconds a page.
fn compression() -> CompressionLayer<impl Predicate> {
    let predicate = DefaultPredicate::new()
        .and(NotForContentType::const_new("application/x-git-"))
        .and(NotForContentType::const_new("application/zip"))
        .and(NotForContentType::const_new("application/octet-stream"))
        // Megabytes of wasm cost more to squeeze per request than to send: release builds
        // compress it once (`--precompress`) and `/pkg` serves those files.
        .and(NotForContentType::const_new("application/wasm"));
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(4))
        .compress_when(predicate)
}

/// Which route is this: the path is parsed once, and every layer and door after this one
/// reads the [`Route`] from the request.
async fn classify(mut req: Request<Body>, next: Next) -> Response {
    let route = Route::parse(req.uri().path());
    req.extensions_mut().insert(route);
    next.run(req).await
}

/// Every request answers within [`REQUEST_TIMEOUT`], except git's: a clone or push of
/// a large gist takes longer, and is bounded by `git.timeout` and `git.idle-timeout`
/// instead (see git_http.rs).
async fn answer_in_time(req: Request<Body>, next: Next) -> Response {
    if req.extensions().get::<Route>().is_some_and(Route::is_git) {
        return next.run(req).await;
    }
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(response) => response,
        Err(_) => (StatusCode::REQUEST_TIMEOUT, "The request took too long\n").into_response(),
    }
}

fn answer_panic(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Internal server error: this is a bug, and it has been logged.\n",
    )
        .into_response()
}

/// `DENY`, except for what is made to be shown inside other sites.
fn frame_policy<B>(response: &axum::http::Response<B>) -> Option<HeaderValue> {
    let embeddable = response.extensions().get::<embed::Embeddable>().is_some();
    (!embeddable).then_some(HeaderValue::from_static("DENY"))
}

/// The syntax colours, light and dark, generated once from syntect's themes.
async fn highlight_css() -> Response {
    static CSS: std::sync::LazyLock<String> = std::sync::LazyLock::new(app::highlight::stylesheet);
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS.as_str(),
    )
        .into_response()
}

/// In front of every server function: refuse cross-site calls, and give a failure the
/// status of its domain error (server functions would otherwise answer 500 for all).
async fn guard_server_functions(
    State(edge): State<Arc<Edge>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if !matches!(
        req.extensions().get::<Route>(),
        Some(Route::ServerFunction(_))
    ) {
        return next.run(req).await;
    }
    if !edge.same_origin(req.headers()) {
        return (StatusCode::FORBIDDEN, "Cross-site request refused\n").into_response();
    }
    let response = next.run(req).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::Error>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}
