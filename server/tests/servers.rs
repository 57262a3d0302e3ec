//! Two `gistful serve` processes on one database server (PostgreSQL, or MySQL/MariaDB)
//! and one data directory: the way to outgrow one machine. Edits spread over both lose
//! nothing (the gist's write lock holds across processes), a push through one is visible
//! through the other at once, and each server's search index follows the other's writes.
//! Backups, restores and maintenance jobs on the same servers.
//!
//! The database servers are the ones `make test` starts (`GISTFUL_TEST_PG`,
//! `GISTFUL_TEST_MYSQL`); run alone, a test starts its own with `scripts/pg.sh` or
//! `scripts/mariadb.sh`.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Server, git, stderr, stdout};
use serde_json::{Value, json};

/// A database server: the suite's, or one started for this test and stopped after.
struct Database {
    /// What the backup calls it: `postgres` or `mysql`.
    kind: &'static str,
    uri: String,
    script: &'static str,
    own_dir: Option<String>,
}

impl Database {
    fn postgres() -> Database {
        Database::start(
            "postgres",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/pg.sh"),
            "GISTFUL_TEST_PG",
            "GISTFUL_PG_DIR",
        )
    }

    fn mariadb() -> Database {
        Database::start(
            "mysql",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/mariadb.sh"),
            "GISTFUL_TEST_MYSQL",
            "GISTFUL_MARIADB_DIR",
        )
    }

    fn start(kind: &'static str, script: &'static str, uri_var: &str, dir_var: &str) -> Database {
        if let Ok(uri) = std::env::var(uri_var)
            && !uri.is_empty()
        {
            return Database {
                kind,
                uri,
                script,
                own_dir: None,
            };
        }
        let out = Command::new("bash")
            .arg(script)
            .output()
            .expect("run the database script");
        assert!(out.status.success(), "{script}: {}", stderr(&out));
        let vars = stdout(&out);
        let var = |name: &str| {
            vars.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}=")))
                .unwrap_or_else(|| panic!("{script} printed no {name}: {vars}"))
                .to_owned()
        };
        Database {
            kind,
            uri: var(uri_var),
            script,
            own_dir: Some(var(dir_var)),
        }
    }

    /// A fresh, empty database on this server; its URI.
    async fn database(&self) -> String {
        use sea_orm::ConnectionTrait;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let name = format!("gistful_servers_{nanos:x}_{}", std::process::id());
        let admin = app::db::connect(&self.uri).await.unwrap();
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        admin.close().await.unwrap();
        let base = self
            .uri
            .rsplit_once('/')
            .map_or(self.uri.as_str(), |(b, _)| b);
        format!("{base}/{name}")
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Some(dir) = &self.own_dir {
            let _ = Command::new("bash")
                .args([self.script, "stop", dir])
                .status();
        }
    }
}

/// `gistful args...` on the shared data directory and database.
fn cli(home: &Path, db: &str, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = common::gistful(home)
        .env("OG_DB_URI", db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "gistful {args:?}: {}", stderr(&out));
    out
}

/// Alice, made through the CLI on the shared database, and a token of hers.
fn alice(home: &Path, db: &str, scopes: &str) -> String {
    cli(
        home,
        db,
        &[
            "admin",
            "create-user",
            "--username",
            "alice",
            "--email",
            "a@example.com",
            "--password-stdin",
        ],
        "password123\n",
    );
    let args = [
        "admin",
        "create-token",
        "--username",
        "alice",
        "--name",
        "t",
        "--scopes",
        scopes,
    ];
    stdout(&cli(home, db, &args, "")).trim().to_owned()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "git failed:\n{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

async fn gist(client: &reqwest::Client, server: &Server, id: &str, token: &str) -> Value {
    let res = client
        .get(server.url(&format!("/api/gists/{id}")))
        .header("authorization", format!("token {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Waits until `server`'s search index has taken in every change in the database.
async fn search(client: &reqwest::Client, server: &Server, q: &str) -> Vec<String> {
    let res = client
        .get(server.url(&format!("/api/search/gists?q={q}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let found: Vec<Value> = res.json().await.unwrap();
    found
        .iter()
        .map(|g| g["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_share_one_postgres_database_and_one_data_directory() {
    two_servers_share_one_database(&Database::postgres()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_share_one_mariadb_database_and_one_data_directory() {
    two_servers_share_one_database(&Database::mariadb()).await;
}

async fn two_servers_share_one_database(server: &Database) {
    let db = server.database().await;
    let home = tempfile::tempdir().unwrap();
    let env = |search: &'static str| {
        [
            ("OG_DB_URI", db.clone()),
            ("OG_SEARCH_DIR", search.to_owned()),
        ]
    };
    let a_env = env("search-a");
    let a_env: Vec<(&str, &str)> = a_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let a = Server::start_in(home.path(), &a_env).await;
    let b_env = env("search-b");
    let b_env: Vec<(&str, &str)> = b_env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let b = Server::start_in(home.path(), &b_env).await;

    let token = alice(home.path(), &db, "gist:write");

    let created = common::create_gist(
        &a.base,
        &token,
        json!({"public": true, "files": {"a.txt": {"content": "first\n"}}}),
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();

    // 100 edits of one gist at once, every other one through the other server, each
    // adding a file of its own: none may fail, none may be lost.
    let client = reqwest::Client::new();
    let edits = (0..100).map(|n| {
        let (client, token) = (client.clone(), token.clone());
        let url = [&a, &b][n % 2].url(&format!("/api/gists/{id}"));
        tokio::spawn(async move {
            let res = client
                .patch(url)
                .header("authorization", format!("token {token}"))
                .json(
                    &json!({"files": {format!("f{n:03}.txt"): {"content": format!("edit {n}\n")}}}),
                )
                .send()
                .await
                .unwrap();
            (n, res.status().as_u16(), res.text().await.unwrap())
        })
    });
    for edit in edits.collect::<Vec<_>>() {
        let (n, status, body) = edit.await.unwrap();
        assert_eq!(status, 200, "edit {n}: {body}");
    }
    let expected: Vec<String> = std::iter::once("a.txt".to_owned())
        .chain((0..100).map(|n| format!("f{n:03}.txt")))
        .collect();
    for server in [&a, &b] {
        let seen = gist(&client, server, &id, &token).await;
        let mut names: Vec<String> = seen["files"].as_object().unwrap().keys().cloned().collect();
        names.sort();
        assert_eq!(names, expected, "through {}", server.base);
    }
    // Git agrees with the database: 101 commits, every file there.
    let work = tempfile::tempdir().unwrap();
    let host = b.base.trim_start_matches("http://");
    let url = format!("http://alice:{token}@{host}/alice/{id}.git");
    ok(git(work.path(), &["clone", "-q", &url, "g"]));
    let clone = work.path().join("g");
    assert_eq!(
        ok(git(&clone, &["rev-list", "--count", "HEAD"])).trim(),
        "101"
    );
    let mut files: Vec<String> = std::fs::read_dir(&clone)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".git")
        .collect();
    files.sort();
    assert_eq!(files, expected);

    // A push through B is what A serves at once.
    std::fs::write(clone.join("a.txt"), "pushed through b\n").unwrap();
    ok(git(&clone, &["commit", "-q", "-am", "push"]));
    ok(git(&clone, &["push", "-q", "origin", "HEAD"]));
    let raw = client
        .get(a.url(&format!("/alice/{id}/raw/HEAD/a.txt")))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 200);
    assert_eq!(raw.text().await.unwrap(), "pushed through b\n");
    let head = ok(git(&clone, &["rev-parse", "HEAD"]));
    assert_eq!(
        gist(&client, &a, &id, &token).await["history"][0]["version"],
        head.trim()
    );

    // Each index follows the other's writes: made on A, found on B, and the other way.
    let on_a = common::create_gist(
        &a.base,
        &token,
        json!({"public": true, "files": {"w.txt": {"content": "wombat_from_a\n"}}}),
    )
    .await;
    let on_b = common::create_gist(
        &b.base,
        &token,
        json!({"public": true, "files": {"w.txt": {"content": "quokka_from_b\n"}}}),
    )
    .await;
    a.search_caught_up().await;
    b.search_caught_up().await;
    assert_eq!(
        search(&client, &b, "wombat_from_a").await,
        [on_a["id"].as_str().unwrap()]
    );
    assert_eq!(
        search(&client, &a, "quokka_from_b").await,
        [on_b["id"].as_str().unwrap()]
    );
    assert_eq!(search(&client, &a, "pushed").await, [id.as_str()]);
}

/// Backup and restore with PostgreSQL: `pg_dump` of the live database while a server
/// runs, `pg_restore` into an empty one, and every gist back at its head, searchable.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_postgres_backup_restores_into_an_empty_database() {
    backup_restores_into_an_empty_database(&Database::postgres()).await;
}

/// The same with MariaDB: `mariadb-dump --single-transaction`, then the `mariadb` client.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_mariadb_backup_restores_into_an_empty_database() {
    backup_restores_into_an_empty_database(&Database::mariadb()).await;
}

async fn backup_restores_into_an_empty_database(pg: &Database) {
    let db = pg.database().await;
    let home = tempfile::tempdir().unwrap();
    let server = Server::start_in(
        home.path(),
        &[("OG_DB_URI", db.as_str()), ("OG_SSH_GIT_ENABLED", "false")],
    )
    .await;
    let token = alice(home.path(), &db, "gist:read,gist:write");
    let mut heads = Vec::new();
    for i in 0..3 {
        let made = common::create_gist(
            &server.base,
            &token,
            json!({"public": true, "description": format!("pgbackup {i}"),
                   "files": {"a.txt": {"content": format!("postgres {i}\n")}}}),
        )
        .await;
        heads.push((
            made["id"].as_str().unwrap().to_owned(),
            made["history"][0]["version"].as_str().unwrap().to_owned(),
        ));
    }
    let kept = tempfile::tempdir().unwrap();
    let file = kept.path().join("pg.tar.zst");
    let backup = cli(
        home.path(),
        &db,
        &["admin", "backup", file.to_str().unwrap()],
        "",
    );
    assert!(
        stdout(&backup).contains("backed up 3 gists"),
        "{}",
        stdout(&backup)
    );
    assert!(stdout(&backup).contains(pg.kind), "{}", stdout(&backup));

    let empty = pg.database().await;
    let fresh = tempfile::tempdir().unwrap();
    let restored = cli(
        fresh.path(),
        &empty,
        &["admin", "restore", file.to_str().unwrap()],
        "",
    );
    assert!(
        stdout(&restored).contains("restored 3 gists"),
        "{}",
        stdout(&restored)
    );
    let copy = Server::start_in(
        fresh.path(),
        &[
            ("OG_DB_URI", empty.as_str()),
            ("OG_SSH_GIT_ENABLED", "false"),
        ],
    )
    .await;
    let client = reqwest::Client::new();
    for (id, head) in &heads {
        let back = gist(&client, &copy, id, &token).await;
        assert_eq!(back["history"][0]["version"], head.as_str());
    }
    copy.search_caught_up().await;
    assert_eq!(search(&client, &copy, "pgbackup").await.len(), 3);
}

/// The maintenance jobs on PostgreSQL, from the CLI while a server runs on the same
/// database (the gist locks are the database's, shared by both processes): nothing moves.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn maintenance_jobs_run_on_postgres_beside_a_server() {
    maintenance_jobs_run_beside_a_server(&Database::postgres()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn maintenance_jobs_run_on_mariadb_beside_a_server() {
    maintenance_jobs_run_beside_a_server(&Database::mariadb()).await;
}

async fn maintenance_jobs_run_beside_a_server(pg: &Database) {
    let db = pg.database().await;
    let home = tempfile::tempdir().unwrap();
    let server = Server::start_in(
        home.path(),
        &[("OG_DB_URI", db.as_str()), ("OG_SSH_GIT_ENABLED", "false")],
    )
    .await;
    let token = alice(home.path(), &db, "gist:read,gist:write");
    let mut heads = Vec::new();
    for i in 0..3 {
        let made = common::create_gist(
            &server.base,
            &token,
            json!({"public": true, "files": {"notes.md": {"content": format!("# pg {i}\n")}}}),
        )
        .await;
        heads.push((
            made["id"].as_str().unwrap().to_owned(),
            made["history"][0]["version"].as_str().unwrap().to_owned(),
        ));
    }
    for (job, report) in [
        ("repack", "repacked 3 repositories"),
        ("repair", "no problems found"),
        ("regenerate", "regenerated 3 gists"),
        ("purge-expired", "deleted 0 expired gists"),
    ] {
        let out = cli(home.path(), &db, &["admin", "job", job], "");
        assert!(stdout(&out).contains(report), "{job}: {}", stdout(&out));
    }
    let client = reqwest::Client::new();
    for (id, head) in &heads {
        let back = gist(&client, &server, id, &token).await;
        assert_eq!(back["history"][0]["version"], head.as_str());
        assert_eq!(back["files"]["notes.md"]["language"], "Markdown");
    }
    // Regenerating queued each gist for the search index again.
    server.search_caught_up().await;
    assert_eq!(search(&client, &server, "pg").await.len(), 3);
}
