//! `TestApp`: the whole router, built as `gistful serve` builds it, driven in-process with
//! `oneshot` (no port, no child process), on a throwaway data directory with SQLite.
//! Users, tokens, sessions and gists are made through the services, as the CLI and
//! the pages make them.

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, request};
use tower::ServiceExt;

use app::entities::user;
use app::rules::update::FileEntry;
use app::rules::{Scope, Visibility};
use app::services::gists::NewGist;
use app::services::settings::InstanceSettings;
use app::services::tokens::NewToken;
use app::services::users::NewUser;

use app::state::AppState;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    _home: tempfile::TempDir,
    _alone: tokio::sync::OwnedMutexGuard<()>,
}

/// One `TestApp` at a time per test binary. Each `#[tokio::test]` has a runtime of its
/// own, and with several apps alive on several runtimes at once a request now and then
/// waits until the 30 s request timeout (seen as 408s in web.rs; never with one app, and
/// never in the server, which has one runtime). Until that cross-runtime wait is found,
/// the apps take turns.
static ALONE: std::sync::LazyLock<std::sync::Arc<tokio::sync::Mutex<()>>> =
    std::sync::LazyLock::new(Default::default);

/// What a request got back, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as text (lossy), for looking into.
    pub body: String,
    pub bytes: Vec<u8>,
}

impl TestApp {
    /// An instance with the default configuration and `env` (`OG_*` names) on top.
    pub async fn with_env(env: &[(&str, &str)]) -> TestApp {
        let alone = ALONE.clone().lock_owned().await;
        let home = tempfile::tempdir().unwrap();
        let mut vars: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        vars.insert("OG_HOME".into(), home.path().display().to_string());
        let config = server::config::load(
            None,
            |name| vars.get(name).cloned(),
            vars.keys().cloned().collect::<Vec<_>>(),
        )
        .expect("test configuration");
        let (router, state, _) = server::serve::build(&config).await.expect("build the app");
        TestApp {
            router,
            state,
            _home: home,
            _alone: alone,
        }
    }

    pub async fn new() -> TestApp {
        TestApp::with_env(&[]).await
    }

    /// Changes the instance settings, as the admin panel does.
    pub async fn settings(&self, change: impl FnOnce(&mut InstanceSettings)) {
        let mut current = self.state.settings.load().await.unwrap();
        change(&mut current);
        self.state.settings.save(&current).await.unwrap();
    }

    pub async fn user(&self, username: &str, admin: bool) -> user::Model {
        self.state
            .users
            .register(NewUser {
                username: username.into(),
                email: format!("{username}@example.com"),
                password: "password123".into(),
                admin,
            })
            .await
            .unwrap()
    }

    /// A session cookie (`name=value`) for `user`, as logging in sets it.
    pub async fn session(&self, user: &user::Model) -> String {
        let secret = self.state.sessions.create(user.id).await.unwrap();
        format!("{}={secret}", app::services::sessions::COOKIE)
    }

    /// A personal access token for `user` with `scopes`.
    pub async fn token(&self, user: &user::Model, scopes: &[Scope]) -> String {
        self.state
            .tokens
            .create(NewToken {
                user_id: user.id,
                name: "test".into(),
                scopes: scopes.to_vec(),
                expires_in_days: None,
            })
            .await
            .unwrap()
            .secret
    }

    /// A token of `user` whose expiry has passed.
    pub async fn expired_token(&self, user: &user::Model) -> String {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let created = self
            .state
            .tokens
            .create(NewToken {
                user_id: user.id,
                name: "expired".into(),
                scopes: Scope::ALL.to_vec(),
                expires_in_days: Some(1),
            })
            .await
            .unwrap();
        let mut token = created.token.into_active_model();
        token.expires_at = Set(Some(chrono::Utc::now() - chrono::Duration::hours(1)));
        token.update(&self.state.db).await.unwrap();
        created.secret
    }

    /// A gist of `owner` whose description and one file `a.txt` hold `content`; returns
    /// its id.
    pub async fn gist(&self, owner: &user::Model, visibility: Visibility, content: &str) -> String {
        self.state
            .gists
            .create(
                owner,
                NewGist {
                    title: "matrix".into(),
                    description: content.into(),
                    visibility,
                    topics: vec!["matrix".into()],
                    files: vec![FileEntry {
                        name: "a.txt".into(),
                        content: content.into(),
                    }],
                },
            )
            .await
            .unwrap()
            .summary
            .gist
            .id
    }

    /// Sends `req` through the whole router, from 127.0.0.1, and reads the answer.
    /// Moves the gist's expiry into the past, as time would (no clean-up job runs here).
    pub async fn expire(&self, id: &str) {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::entities::gist::Entity::update_many()
            .col_expr(
                app::entities::gist::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(Some(
                    chrono::Utc::now() - chrono::Duration::seconds(1),
                )),
            )
            .filter(app::entities::gist::Column::Id.eq(id))
            .exec(self.state.gists.db())
            .await
            .unwrap();
    }

    pub async fn send(&self, mut req: Request<Body>) -> Answer {
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        let response = self.router.clone().oneshot(req).await.unwrap();
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, 16 * 1024 * 1024).await.unwrap();
        Answer {
            status: parts.status,
            headers: parts.headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    /// A request to `path`, or to a whole URL this instance gave out, put together as
    /// with `reqwest`'s builder and sent through the router.
    pub fn request(&self, method: Method, path: &str) -> Call<'_> {
        let path = path.strip_prefix(&self.state.external_url).unwrap_or(path);
        assert!(path.starts_with('/'), "not this instance's: {path}");
        Call {
            app: self,
            request: Request::builder().method(method).uri(path),
            body: Body::empty(),
        }
    }

    /// This site's origin, which server-function calls must come from.
    pub fn origin(&self) -> String {
        url::Url::parse(&self.state.external_url)
            .unwrap()
            .origin()
            .ascii_serialization()
    }
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// One request being put together.
pub struct Call<'a> {
    app: &'a TestApp,
    request: request::Builder,
    body: Body,
}

impl Call<'_> {
    pub fn header(mut self, name: &str, value: impl AsRef<str>) -> Self {
        self.request = self.request.header(name, value.as_ref());
        self
    }

    pub fn json(mut self, body: &serde_json::Value) -> Self {
        self.request = self.request.header("content-type", "application/json");
        self.body = Body::from(body.to_string());
        self
    }

    /// An `application/x-www-form-urlencoded` body, as a form without JavaScript posts.
    pub fn form(mut self, fields: &[(&str, &str)]) -> Self {
        let encoded = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.request = self
            .request
            .header("content-type", "application/x-www-form-urlencoded");
        self.body = Body::from(encoded);
        self
    }

    pub fn body(mut self, body: impl Into<Body>) -> Self {
        self.body = body.into();
        self
    }

    pub async fn send(self) -> Answer {
        self.app.send(self.request.body(self.body).unwrap()).await
    }
}
