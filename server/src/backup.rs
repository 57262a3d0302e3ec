//! `gistful admin backup FILE.tar.zst` and `gistful admin restore FILE`.
//!
//! A backup is taken while servers run, and is consistent in the one way that matters:
//! every gist in it opens, at a head it really had. The database is snapshotted first
//! (SQLite `VACUUM INTO`, PostgreSQL `pg_dump`, MySQL/MariaDB `mariadb-dump
//! --single-transaction`, each one transaction), then each repository is copied under
//! its gist's write lock (across servers with PostgreSQL or MySQL),
//! refs before objects, loose objects before packs: git only adds objects before it
//! moves a ref, and a repack writes its pack before it removes loose objects, so every
//! commit a copied ref names is in the copy. A repository may be ahead of its row (a
//! write after the snapshot); restore brings such rows up to their repository, as a push
//! does. The search index is not kept: the restored server builds it.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, PaginatorTrait, QuerySelect,
};
use serde::{Deserialize, Serialize};

use app::entities::gist;
use app::services::GistService;
use app::store::GitStore;

use crate::config::Config;

const MANIFEST: &str = "gistful-backup.json";
const SQLITE_FILE: &str = "database/gistful.db";
const PG_FILE: &str = "database/gistful.pgdump";
const MYSQL_FILE: &str = "database/gistful.sql";
/// What of the home directory is kept besides the database and the repositories: the
/// SSH host key (clients would otherwise see a new one and refuse it).
const KEPT: &[&str] = &["ssh"];

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    created_at: String,
    database: String,
    gists: usize,
    /// Each gist's head in the database snapshot.
    heads: BTreeMap<String, String>,
}

fn progress_bar(len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{what} {{bar:40}} {{pos}}/{{len}} ({{elapsed}})"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn sqlite_path(db_uri: &str) -> Option<PathBuf> {
    let rest = db_uri.strip_prefix("sqlite:")?.trim_start_matches("//");
    Some(PathBuf::from(rest.split('?').next()?))
}

pub async fn backup(config: &Config, db: &DatabaseConnection, file: &Path) -> anyhow::Result<()> {
    let work = tempfile_dir(file)?;
    let result = backup_into(config, db, file, work.path()).await;
    let _ = std::fs::remove_dir_all(work.path());
    result
}

async fn backup_into(
    config: &Config,
    db: &DatabaseConnection,
    file: &Path,
    work: &Path,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(work.join("database"))?;
    // 1. The database, as of one instant.
    let database = match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let target = work.join(SQLITE_FILE);
            let quoted = target.display().to_string().replace('\'', "''");
            db.execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
                .await
                .context("snapshotting the SQLite database (VACUUM INTO)")?;
            "sqlite"
        }
        DatabaseBackend::Postgres => {
            let target = work.join(PG_FILE);
            let out = std::process::Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(&target)
                .arg(&config.db_uri)
                .output();
            match out {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
                    "pg_dump is not installed: install the PostgreSQL client tools \
                     (Debian: postgresql-client) of your server's version, then run the backup again"
                ),
                Err(e) => bail!("cannot run pg_dump: {e}"),
                Ok(out) if !out.status.success() => bail!(
                    "pg_dump failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
                Ok(_) => "postgres",
            }
        }
        DatabaseBackend::MySql => {
            let target = work.join(MYSQL_FILE);
            let out = mysql_tool(
                &["mariadb-dump", "mysqldump"],
                &config.db_uri,
                &[
                    "--single-transaction",
                    "--triggers",
                    "--routines",
                    "--no-tablespaces",
                    "--hex-blob",
                ],
            )?
            .stdout(File::create(&target)?)
            .output();
            finished("mariadb-dump", out)?;
            "mysql"
        }
        other => bail!("backups of {other:?} databases are not supported"),
    };
    // The heads in the snapshot (read from the live database just after: a gist
    // written in between is simply ahead, which restore handles).
    let heads: BTreeMap<String, String> = gist::Entity::find()
        .select_only()
        .column(gist::Column::Id)
        .column(gist::Column::Head)
        .into_tuple::<(String, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();

    // 2. Every repository, under its gist's lock.
    let store = GitStore::new(config.repos_dir());
    let gists = GistService::new(db.clone(), store.clone(), config.limits);
    let ids = store.list_ids().context("listing the repositories")?;
    let bar = progress_bar(ids.len() as u64, "repositories");
    for id in &ids {
        let _guard = gists
            .lock(id)
            .await
            .map_err(|e| anyhow::anyhow!("locking gist {id}: {e}"))?;
        let from = store.path(id);
        let relative = from
            .strip_prefix(config.repos_dir())
            .context("a repository outside the repository directory")?;
        let to = work.join("repos").join(relative);
        let copied = tokio::task::spawn_blocking(move || copy_repository(&from, &to)).await?;
        copied.with_context(|| format!("copying the repository of {id}"))?;
        bar.inc(1);
    }
    bar.finish();
    for name in KEPT {
        let from = config.home.join(name);
        if from.exists() {
            copy_tree(&from, &work.join("home").join(name))?;
        }
    }
    let manifest = Manifest {
        format: 1,
        created_at: chrono::Utc::now().to_rfc3339(),
        database: database.into(),
        gists: heads.len(),
        heads,
    };
    std::fs::write(work.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?)?;

    // 3. One file, written beside its destination and renamed into place.
    let partial = file.with_extension("partial");
    {
        let out = BufWriter::new(
            File::create(&partial)
                .with_context(|| format!("cannot write {}", partial.display()))?,
        );
        let encoder = zstd::Encoder::new(out, 3)?.auto_finish();
        let mut tar = tar::Builder::new(encoder);
        tar.follow_symlinks(false);
        tar.append_dir_all(".", work)?;
        tar.into_inner()?;
    }
    std::fs::rename(&partial, file)?;
    println!(
        "backed up {} gists ({} repositories, {database}) to {}",
        manifest.gists,
        ids.len(),
        file.display()
    );
    Ok(())
}

/// A working directory beside the backup file (same filesystem, no /tmp limits).
fn tempfile_dir(file: &Path) -> anyhow::Result<tempfile::TempDir> {
    let parent = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(".gistful-backup-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot write in {}", parent.display()))
}

/// Refs first, then loose objects, then packs (see the module comment).
fn copy_repository(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut later = Vec::new();
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "objects" {
            continue;
        }
        later.push(entry.path());
    }
    // HEAD, packed-refs, refs/, config...: everything but the objects.
    for path in later {
        let target = to.join(path.file_name().unwrap_or_default());
        copy_tree(&path, &target)?;
    }
    let objects = from.join("objects");
    let mut packs = None;
    for entry in std::fs::read_dir(&objects)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "pack" {
            packs = Some(entry.path());
            continue;
        }
        copy_tree(&entry.path(), &to.join("objects").join(&name))?;
    }
    if let Some(packs) = packs {
        copy_tree(&packs, &to.join("objects/pack"))?;
    }
    std::fs::create_dir_all(to.join("objects"))?;
    Ok(())
}

/// Copies a file or a directory tree; a file that vanished meanwhile (a repack's loose
/// object, a lock file) is skipped.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let meta = match std::fs::symlink_metadata(from) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if meta.is_dir() {
        std::fs::create_dir_all(to)?;
        let entries = match std::fs::read_dir(from) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    if !meta.is_file() || from.extension().is_some_and(|e| e == "lock") {
        return Ok(());
    }
    match std::fs::copy(from, to) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Fills an empty home and database from a backup, then brings every row up to its
/// repository.
pub async fn restore(config: &Config, file: &Path) -> anyhow::Result<()> {
    let repos = config.repos_dir();
    ensure!(
        GitStore::new(repos.clone()).list_ids()?.is_empty(),
        "{} already holds repositories: restore into an empty data directory",
        repos.display()
    );
    std::fs::create_dir_all(&config.home)?;
    let work = tempfile::Builder::new()
        .prefix(".gistful-restore-")
        .tempdir_in(&config.home)?;
    {
        let input = BufReader::new(
            File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        );
        let mut archive = tar::Archive::new(zstd::Decoder::new(input)?);
        archive.set_preserve_mtime(true);
        // `unpack` refuses paths that leave the directory (`..`, absolute).
        archive
            .unpack(work.path())
            .with_context(|| format!("{} is not a Gistful backup", file.display()))?;
    }
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(work.path().join(MANIFEST))
            .with_context(|| format!("{} has no {MANIFEST}", file.display()))?,
    )?;
    ensure!(
        manifest.format == 1,
        "backup format {} is newer than this gistful",
        manifest.format
    );

    // The database.
    match (manifest.database.as_str(), sqlite_path(&config.db_uri)) {
        ("sqlite", Some(target)) => {
            ensure!(
                !target.exists() || std::fs::metadata(&target)?.len() == 0,
                "{} exists: restore into an empty database",
                target.display()
            );
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(work.path().join(SQLITE_FILE), &target)?;
        }
        ("postgres", None) if config.db_uri.starts_with("postgres") => {
            ensure_no_users(&config.db_uri).await?;
            let out = std::process::Command::new("pg_restore")
                .args([
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "-d",
                ])
                .arg(&config.db_uri)
                .arg(work.path().join(PG_FILE))
                .output();
            match out {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
                    "pg_restore is not installed: install the PostgreSQL client tools (Debian: postgresql-client)"
                ),
                Err(e) => bail!("cannot run pg_restore: {e}"),
                Ok(out) if !out.status.success() => bail!(
                    "pg_restore failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
                Ok(_) => {}
            }
        }
        ("mysql", None) if config.db_uri.starts_with("mysql:") => {
            ensure_no_users(&config.db_uri).await?;
            // The dump drops and recreates each table (with its triggers) in turn.
            let out = mysql_tool(&["mariadb", "mysql"], &config.db_uri, &["--binary-mode"])?
                .stdin(File::open(work.path().join(MYSQL_FILE))?)
                .output();
            finished("the mariadb client", out)?;
        }
        (kind, _) => bail!(
            "this backup holds a {kind} database, and db-uri is another kind: restore into the same kind"
        ),
    }

    // The repositories and the rest of the home directory.
    std::fs::create_dir_all(&repos)?;
    let unpacked = work.path().join("repos");
    if unpacked.exists() {
        for shard in std::fs::read_dir(&unpacked)? {
            let shard = shard?;
            let target = repos.join(shard.file_name());
            if target.exists() {
                for repo in std::fs::read_dir(shard.path())? {
                    let repo = repo?;
                    std::fs::rename(repo.path(), target.join(repo.file_name()))?;
                }
            } else {
                std::fs::rename(shard.path(), target)?;
            }
        }
    }
    for name in KEPT {
        let from = work.path().join("home").join(name);
        if from.exists() && !config.home.join(name).exists() {
            std::fs::rename(&from, config.home.join(name))?;
        }
    }

    // Rows behind their repository (written during the backup) follow it.
    let db = app::db::connect_and_migrate(&config.db_uri).await?;
    let store = GitStore::new(repos);
    let gists = GistService::new(db.clone(), store.clone(), config.limits);
    let rows: Vec<(String, String)> = gist::Entity::find()
        .select_only()
        .column(gist::Column::Id)
        .column(gist::Column::Head)
        .into_tuple()
        .all(&db)
        .await?;
    let (mut followed, mut missing) = (0, Vec::new());
    for (id, head) in &rows {
        if !store.exists(id) {
            missing.push(id.clone());
            continue;
        }
        if &store.head(id).map_err(|e| anyhow::anyhow!("{id}: {e}"))? != head {
            gists
                .sync_from_git(id)
                .await
                .map_err(|e| anyhow::anyhow!("{id}: {e}"))?;
            followed += 1;
        }
    }
    // The restored server's new index takes every gist in.
    db.execute_unprepared("INSERT INTO search_changes (gist_id) SELECT id FROM gists")
        .await?;
    db.close().await?;
    println!(
        "restored {} gists from {} (taken {}); {followed} brought up to their repository",
        rows.len(),
        file.display(),
        manifest.created_at
    );
    if !missing.is_empty() {
        println!(
            "without a repository (deleted while the backup ran; `gistful admin fsck` reports them): {}",
            missing.join(", ")
        );
    }
    println!("the search index is built when the server starts");
    Ok(())
}

/// A database server's database must be empty of accounts before a restore fills it.
async fn ensure_no_users(db_uri: &str) -> anyhow::Result<()> {
    let db = app::db::connect_and_migrate(db_uri).await?;
    let users = app::entities::user::Entity::find().count(&db).await?;
    db.close().await?;
    ensure!(
        users == 0,
        "the database already has users: restore into an empty one"
    );
    Ok(())
}

/// A MySQL/MariaDB client tool (the first of `names` installed) pointed at the database
/// `db_uri` names. The password goes through the environment, not the command line,
/// where every user of the machine could read it.
fn mysql_tool(
    names: &[&str],
    db_uri: &str,
    extra: &[&str],
) -> anyhow::Result<std::process::Command> {
    let uri = url::Url::parse(db_uri).context("db-uri is not a URI")?;
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let database = decode(uri.path().trim_start_matches('/'));
    ensure!(!database.is_empty(), "db-uri names no database");
    let Some(tool) = names.iter().find(|name| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
    }) else {
        bail!(
            "{} is not installed: install the MariaDB client tools (Debian: mariadb-client), \
             then run this again",
            names.join(" or ")
        );
    };
    let mut command = std::process::Command::new(tool);
    command
        .arg("--no-defaults")
        .arg(format!("--host={}", uri.host_str().unwrap_or("127.0.0.1")))
        .arg(format!("--port={}", uri.port().unwrap_or(3306)))
        .arg(format!("--user={}", decode(uri.username())))
        .args(extra)
        .arg(&database)
        .env("MYSQL_PWD", decode(uri.password().unwrap_or_default()))
        .stderr(std::process::Stdio::piped());
    Ok(command)
}

/// The outcome of a database tool run: its error output when it failed.
fn finished(what: &str, out: std::io::Result<std::process::Output>) -> anyhow::Result<()> {
    match out {
        Err(e) => bail!("cannot run {what}: {e}"),
        Ok(out) if !out.status.success() => bail!(
            "{what} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Ok(_) => Ok(()),
    }
}
