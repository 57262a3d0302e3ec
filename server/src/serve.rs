//! `gistful serve`: open the data, build the app, listen, and stop gracefully.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use leptos::prelude::LeptosOptions;

use app::search::SearchIndex;
use app::services::sessions::SessionService;
use app::services::{CommentService, GistService, SettingsService, TokenService, UserService};
use app::services::{IdentityService, SecondFactorService};
use app::state::AppState;
use app::store::GitStore;

use crate::config::Config;
use crate::response_cache::{self, ResponseCache};
use crate::{routes, site, telemetry};

pub async fn serve(mut config: Config) -> anyhow::Result<()> {
    telemetry::init(&config.log_level);
    for warning in &config.warnings {
        tracing::warn!("{warning}");
    }
    // A bad certificate or key stops startup before anything listens.
    let tls = match &config.tls {
        Some(files) => Some(crate::tls::server_config(files)?),
        None => None,
    };
    let addr = config.addr();
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let bound = listener.local_addr()?;
    config.listening_on(bound);
    // SSH's listener too, before the app is built: its clone URLs name the port we got.
    let ssh = match &mut config.ssh {
        Some(ssh) => {
            let listener = crate::ssh::bind(ssh).await?;
            if ssh.port == 0 {
                ssh.port = listener.bound.port();
            }
            Some(listener)
        }
        None => None,
    };
    let (app, state, cache) = build(&config).await?;
    if let Some(addr) = config.metrics {
        crate::metrics::start(addr, state.clone()).await?;
    }
    tracing::info!(
        "listening on {}://{bound} (external URL {}, data in {}, site in {})",
        if tls.is_some() { "https" } else { "http" },
        config.external_url,
        config.home.display(),
        state.leptos_options.site_root
    );
    if let Some(listener) = ssh {
        let key = crate::ssh::host_key(&config.home)?;
        tracing::info!(
            "ssh listening on {} (host key {})",
            listener.bound,
            key.public_key().fingerprint(russh::keys::HashAlg::Sha256)
        );
        crate::ssh::start(
            listener,
            state.clone(),
            key,
            config.git_timeouts,
            config.body_limit(),
            cache,
        );
    }
    match tls {
        Some(tls) => {
            crate::tls::TlsListener::new(listener, tls)?
                .serve(app, shutdown_signal())
                .await
        }
        None => {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(shutdown_signal())
            .await
        }
    }
    .context("server error")?;
    state.db.close().await.context("closing the database")?;
    tracing::info!("stopped");
    Ok(())
}

/// Opens the data (directories, database and its migrations, git hooks, search index),
/// starts the background upkeep, and builds the router: everything `serve` does but
/// listen. Tests drive the returned router in-process.
/// The app, its state, and its response cache (writes that bypass HTTP, such as pushes
/// over SSH, retire its answers themselves).
pub async fn build(
    config: &Config,
) -> anyhow::Result<(Router, AppState, Option<Arc<ResponseCache>>)> {
    std::fs::create_dir_all(config.repos_dir()).with_context(|| {
        format!(
            "cannot create the data directory {}",
            config.repos_dir().display()
        )
    })?;
    let db = app::db::connect_and_migrate(&config.db_uri)
        .await
        .context("cannot open the database")?;

    let site_root = site::locate().unwrap_or_else(|| {
        tracing::warn!("no built site found (run `make build`): pages will render but not hydrate");
        "target/site".into()
    });
    let addr = config.addr();
    // Pages name the bundle by its version: see `assets`.
    let assets = crate::assets::version(&site_root.join("pkg"));
    let leptos_options = LeptosOptions::builder()
        .output_name("gistful")
        .site_root(site_root.display().to_string())
        .site_pkg_dir(format!("pkg/{assets}"))
        .site_addr(addr)
        .build();

    crate::git_http::install_hooks(&config.home)
        .with_context(|| format!("cannot write git hooks into {}", config.home.display()))?;
    let store = GitStore::new(config.repos_dir());
    {
        // Off the start-up path: a push cut off by a crash left its quarantine behind.
        let (store, age) = (store.clone(), config.git_timeouts.total);
        tokio::task::spawn_blocking(move || {
            let removed = crate::git_http::clean_up_interrupted_pushes(&store, age);
            if removed > 0 {
                tracing::info!(removed, "removed what interrupted pushes left behind");
            }
        });
    }
    let search = SearchIndex::open(&config.search_dir, db.clone(), store.clone()).map_err(|e| {
        anyhow::anyhow!(
            "cannot open the search index in {}: {e}",
            config.search_dir.display()
        )
    })?;
    tokio::spawn(keep_search_current(search.clone()));
    tokio::spawn(crate::memory::keep_trimmed());
    let webhooks = app::services::webhooks::WebhookService::new(
        db.clone(),
        &config.external_url,
        config.webhooks_allow_private,
        config.webhooks_retry,
    );
    tokio::spawn(crate::webhooks::deliver_forever(webhooks.clone()));
    let gists = GistService::new(db.clone(), store.clone(), config.limits)
        .with_noreply_host(&config.noreply_host())
        .with_max_expiry_days(config.max_expiry_days)
        .with_webhooks(webhooks.clone());
    tokio::spawn(follow_expiry_horizon(gists.clone()));
    tokio::spawn(delete_expired_gists(
        gists.clone(),
        std::time::Duration::from_secs(config.expiry_sweep_seconds),
    ));
    let providers = Arc::new(
        crate::oauth::Providers::new(
            config.oidc.clone(),
            config.presets.clone(),
            &config.external_url,
        )
        .context("cannot set up the sign-in providers")?,
    );
    let state = AppState {
        leptos_options,
        db: db.clone(),
        home: config.home.clone(),
        external_url: config.external_url.clone(),
        api_enabled: config.api_enabled,
        gists: gists.clone(),
        comments: CommentService::new(gists.clone()),
        users: UserService::new(db.clone()),
        tokens: TokenService::new(db.clone()),
        sessions: SessionService::new(db.clone()),
        identities: IdentityService::new(db.clone()).with_ldap(config.ldap.clone()),
        second_factor: SecondFactorService::new(db.clone(), &config.external_url),
        ssh_keys: app::services::SshKeyService::new(db.clone()),
        ssh_clone: config
            .ssh
            .as_ref()
            .map(crate::config::SshConfig::clone_prefix),
        sign_in: Arc::new(providers.buttons()),
        password_form: !config.disable_login_form,
        settings: SettingsService::new(db.clone()),
        branding: app::services::BrandingService::new(
            db.clone(),
            config.custom.clone(),
            config.max_image_size,
        ),
        store,
        login_limiter: Default::default(),
        maintenance: app::services::maintenance::Maintenance::new(
            gists.clone(),
            Some(search.clone()),
            &config.home,
            config.git_timeouts.total,
        ),
        search,
        display: config.display,
        default_locale: config.default_locale,
        webhooks,
    };
    let cache = (config.response_cache_bytes > 0).then(|| {
        Arc::new(
            ResponseCache::new(config.response_cache_bytes, response_cache::TTL)
                .with_expiry_horizon(state.gists.expiry_horizon()),
        )
    });
    let edge = Arc::new(crate::edge::Edge {
        trusted_proxies: config.trusted_proxies.clone(),
        origins: config.allowed_origins.clone(),
    });
    let git = crate::git_http::Limits {
        timeouts: config.git_timeouts,
        inflated: config.body_limit(),
    };
    let app = routes::router(
        state.clone(),
        routes::Options {
            body_limit: config.body_limit(),
            cache: cache.clone(),
            edge,
            git,
            providers,
            metrics: config.metrics.is_some(),
        },
    );
    Ok((app, state, cache))
}

/// Deletes expired gists every `every`. They answer 404 from the instant they expire
/// (every door checks); this job only reclaims their space.
async fn delete_expired_gists(gists: GistService, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = gists.delete_expired().await {
            tracing::warn!(error = %e, "the expired-gist sweep failed; trying again later");
        }
    }
}

/// Keeps the soonest expiry to come current (one indexed read a second): once an expiry
/// passes, the response cache keeps nothing until this has found the next one.
async fn follow_expiry_horizon(gists: GistService) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = gists.refresh_expiry_horizon().await {
            tracing::debug!(error = %e, "reading the next gist expiry failed");
        }
    }
}

/// Applies database changes to the index in the background (searches also catch up
/// first, so this only keeps them quick); a failure is logged and retried next time.
async fn keep_search_current(search: SearchIndex) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let _ = search.catch_up().await;
    }
}

/// Resolves on SIGINT or SIGTERM; axum then stops accepting and lets in-flight requests end.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
