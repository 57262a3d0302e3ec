//! The `gistful` command line, run as a user would.

mod common;

use common::{run, stderr, stdout};

#[test]
fn help_lists_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["--help"], "");
    assert!(out.status.success());
    let help = stdout(&out);
    for command in ["serve", "migrate", "admin"] {
        assert!(help.contains(command), "--help lacks {command}:\n{help}");
    }
    let out = run(dir.path(), &["admin", "--help"], "");
    let help = stdout(&out);
    for command in ["create-user", "create-token", "set-admin", "reset-password"] {
        assert!(
            help.contains(command),
            "admin --help lacks {command}:\n{help}"
        );
    }
}

#[test]
fn create_user_then_token() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let out = run(
        home,
        &[
            "admin",
            "create-user",
            "--username",
            "alice",
            "--email",
            "alice@example.com",
            "--password-stdin",
        ],
        "s3cret-pass\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "created user alice (admin)");
    assert!(
        home.join("gistful.db").is_file(),
        "SQLite file in the home dir"
    );

    let out = run(
        home,
        &[
            "admin",
            "create-token",
            "--username",
            "alice",
            "--name",
            "ci",
            "--scopes",
            "gist:read,gist:write",
            "--expires-in-days",
            "7",
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let token = stdout(&out);
    let token = token.trim();
    assert!(
        token.starts_with("og_") && token.len() == 67,
        "only the token is printed: {token:?}"
    );
    assert!(!token.contains('\n'));

    // The second user is not an admin until made one.
    let out = run(
        home,
        &[
            "admin",
            "create-user",
            "--username",
            "bob",
            "--email",
            "bob@example.com",
            "--password-stdin",
        ],
        "another-pass\n",
    );
    assert_eq!(stdout(&out).trim(), "created user bob");
    let out = run(home, &["admin", "set-admin", "bob"], "");
    assert_eq!(stdout(&out).trim(), "bob is now an admin");
    let out = run(home, &["admin", "set-admin", "bob", "--revoke"], "");
    assert_eq!(stdout(&out).trim(), "bob is now not an admin");
}

#[tokio::test]
async fn reset_password_changes_what_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let create = [
        "admin",
        "create-user",
        "--username",
        "carol",
        "--email",
        "c@example.com",
        "--password-stdin",
    ];
    assert!(run(home, &create, "first-password\n").status.success());
    let out = run(
        home,
        &["admin", "reset-password", "carol", "--password-stdin"],
        "second-password\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let uri = format!("sqlite://{}/gistful.db", home.display());
    let db = app::db::connect(&uri).await.unwrap();
    let users = app::services::UserService::new(db);
    assert!(
        users
            .verify_password("carol", "second-password")
            .await
            .is_ok()
    );
    assert!(
        users
            .verify_password("carol", "first-password")
            .await
            .is_err()
    );
}

/// Every failure is one line on stderr and a non-zero exit, never a panic.
#[test]
fn errors_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec![
                "admin",
                "create-token",
                "--username",
                "ghost",
                "--name",
                "x",
            ],
            "",
            "no user named `ghost`",
        ),
        (
            vec![
                "admin",
                "create-user",
                "--username",
                "x y",
                "--email",
                "x@y.z",
                "--password-stdin",
            ],
            "longenough\n",
            "username may only contain",
        ),
        (
            vec![
                "admin",
                "create-user",
                "--username",
                "zed",
                "--email",
                "z@y.z",
                "--password-stdin",
            ],
            "",
            "no password on standard input",
        ),
        (
            vec!["admin", "set-admin", "ghost"],
            "",
            "no user named `ghost`",
        ),
        (
            vec!["--config", "/nonexistent.yml", "serve"],
            "",
            "config: cannot read /nonexistent.yml",
        ),
    ];
    for (args, stdin, expected) in cases {
        let out = run(home, &args, stdin);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }

    let out = run(
        home,
        &[
            "admin",
            "create-user",
            "--username",
            "zed",
            "--email",
            "z@y.z",
            "--password-stdin",
        ],
        "pass-word\n",
    );
    assert!(out.status.success());
    let out = run(
        home,
        &[
            "admin",
            "create-token",
            "--username",
            "zed",
            "--name",
            "x",
            "--scopes",
            "repo",
        ],
        "",
    );
    assert!(
        stderr(&out).contains("unknown scope `repo`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_configuration_stops_startup() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("config.yml");
    std::fs::write(&yaml, "http:\n  port: 3000\n  hots: 0.0.0.0\n").unwrap();
    let out = run(
        dir.path(),
        &["--config", yaml.to_str().unwrap(), "serve"],
        "",
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("unknown field `hots`"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let out = common::gistful(dir.path())
        .env("OG_HTTP_PORT", "eighty")
        .arg("serve")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "gistful: config: http.port (OG_HTTP_PORT): `eighty` is not a port number (0-65535)"
    );
}

#[test]
fn migrate_creates_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["migrate"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "database schema is up to date");
    // Running it again is harmless.
    assert!(run(dir.path(), &["migrate"], "").status.success());
}

#[test]
fn fsck_reports_a_clean_instance() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["admin", "fsck", "--dry-run"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "checked 0 gists\nno problems found\n");

    // An orphan repository on disk is found, and moved aside on repair.
    let orphan = dir
        .path()
        .join("repos/ab/abababababababababababababababab.git");
    std::fs::create_dir_all(&orphan).unwrap();
    std::fs::write(orphan.join("HEAD"), "ref: refs/heads/main\n").unwrap();
    // Just made, it may be a gist whose row is being written: left alone.
    let out = run(dir.path(), &["admin", "fsck"], "");
    assert!(
        stdout(&out).contains("no problems found"),
        "{}",
        stdout(&out)
    );
    // Made long ago, it is an orphan.
    std::fs::File::open(&orphan)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    let out = run(dir.path(), &["admin", "fsck"], "");
    assert!(
        stdout(&out)
            .contains("orphan repository: abababababababababababababababab (moved to lost+found)"),
        "{}",
        stdout(&out)
    );
    assert!(
        dir.path()
            .join("lost+found/abababababababababababababababab.git/HEAD")
            .is_file()
    );
}

/// `gistful admin reindex` rebuilds the index with the server stopped, and refuses (saying
/// why) while a server holds it.
#[tokio::test]
async fn reindex_rebuilds_the_search_index() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    common::create_user(home, "alice", "password123");
    let token = common::create_token(home, "alice", "gist:write");
    let mut server = common::Server::start_in(home, &[]).await;
    common::create_gist(
        &server.base,
        &token,
        serde_json::json!({"public": true, "files": {"a.txt": {"content": "okapi\n"}}}),
    )
    .await;
    let busy = run(home, &["admin", "reindex"], "");
    assert!(!busy.status.success());
    assert!(
        stderr(&busy).contains("a running server holds it"),
        "{}",
        stderr(&busy)
    );
    assert!(server.terminate().success());

    std::fs::remove_dir_all(home.join("search")).unwrap();
    let out = run(home, &["admin", "reindex"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("indexed 1 gists"), "{}", stdout(&out));

    let server = common::Server::start_in(home, &[]).await;
    let found: serde_json::Value = reqwest::get(server.url("/api/search/gists?q=okapi"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
}
