//! Test fixtures: every service test runs on SQLite and, when `GISTFUL_TEST_PG` names a
//! PostgreSQL server and `GISTFUL_TEST_MYSQL` a MariaDB/MySQL server (as `make test` does),
//! on a fresh database on each of them too.

#![allow(dead_code)]

use app::entities::user;
use app::rules::Limits;
use app::rules::update::FileChange;
use app::services::gists::GistUpdate;
use app::services::users::NewUser;
use app::services::{CommentService, GistService, UserService};
use app::store::GitStore;
use sea_orm::{ConnectionTrait, DatabaseConnection};

pub struct Ctx {
    pub backend: &'static str,
    pub db: DatabaseConnection,
    pub gists: GistService,
    pub users: UserService,
    pub comments: CommentService,
    pub dir: tempfile::TempDir,
}

impl Ctx {
    pub fn store(&self) -> &GitStore {
        self.gists.store()
    }

    pub async fn user(&self, name: &str) -> user::Model {
        self.users
            .register(NewUser {
                username: name.into(),
                email: format!("{name}@example.com"),
                password: "password123".into(),
                admin: false,
            })
            .await
            .unwrap()
    }

    /// Executes raw SQL (triggers that simulate failures, for instance).
    pub async fn sql(&self, statement: &str) {
        self.db.execute_unprepared(statement).await.unwrap();
    }
}

fn context(
    backend: &'static str,
    db: DatabaseConnection,
    dir: tempfile::TempDir,
    limits: Limits,
) -> Ctx {
    // An `Error::Internal` hides its cause from callers and logs it: a failing test shows it.
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
        .try_init();
    let store = GitStore::new(dir.path().join("repos"));
    let gists = GistService::new(db.clone(), store, limits).with_noreply_host("gists.example.com");
    Ctx {
        backend,
        users: UserService::new(db.clone()),
        comments: CommentService::new(gists.clone()),
        gists,
        db,
        dir,
    }
}

pub async fn sqlite(limits: Limits) -> Ctx {
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
    let db = app::db::connect_and_migrate(&uri).await.unwrap();
    context("sqlite", db, dir, limits)
}

pub async fn postgres(server: &str, limits: Limits) -> Ctx {
    on_server("postgres", server, limits).await
}

pub async fn mysql(server: &str, limits: Limits) -> Ctx {
    on_server("mysql", server, limits).await
}

/// A fresh database on a database server (`server` is a URI to any database on it).
async fn on_server(backend: &'static str, server: &str, limits: Limits) -> Ctx {
    let name = format!("gistful_test_{}", uuid_like());
    let admin = app::db::connect(server).await.unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(server);
    let db = app::db::connect_and_migrate(&format!("{base}/{name}"))
        .await
        .unwrap();
    context(backend, db, tempfile::tempdir().unwrap(), limits)
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{:x}{:x}", nanos, std::process::id())
}

/// The backends to run on: SQLite, plus PostgreSQL when configured. `make test` sets
/// `GISTFUL_REQUIRE_PG`, so a missing server fails instead of silently shrinking the suite.
pub async fn backends_with(limits: Limits) -> Vec<Ctx> {
    let mut all = vec![sqlite(limits).await];
    match std::env::var("GISTFUL_TEST_PG") {
        Ok(server) if !server.is_empty() => all.push(postgres(&server, limits).await),
        _ => assert!(
            std::env::var("GISTFUL_REQUIRE_PG").is_err(),
            "GISTFUL_REQUIRE_PG is set but GISTFUL_TEST_PG names no server"
        ),
    }
    match std::env::var("GISTFUL_TEST_MYSQL") {
        Ok(server) if !server.is_empty() => all.push(mysql(&server, limits).await),
        _ => assert!(
            std::env::var("GISTFUL_REQUIRE_MYSQL").is_err(),
            "GISTFUL_REQUIRE_MYSQL is set but GISTFUL_TEST_MYSQL names no server"
        ),
    }
    all
}

pub async fn backends() -> Vec<Ctx> {
    backends_with(Limits::default()).await
}

/// One file's change in an update: rename, new content, or both.
pub fn change(filename: Option<&str>, content: Option<&str>) -> Option<FileChange> {
    Some(FileChange {
        filename: filename.map(Into::into),
        content: content.map(Into::into),
    })
}

/// An update that changes only files.
pub fn files_update(changes: Vec<(&str, Option<FileChange>)>) -> GistUpdate {
    GistUpdate {
        files: Some(
            changes
                .into_iter()
                .map(|(k, c)| (k.to_owned(), c))
                .collect(),
        ),
        ..Default::default()
    }
}
