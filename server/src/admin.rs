//! `gistful migrate` and `gistful admin ...`: the same services a running server uses.

use std::io::BufRead;

use anyhow::{Context, bail};
use app::Error;
use app::rules::parse_scopes;
use app::search::SearchIndex;
use app::services::fsck::fsck;
use app::services::maintenance::{Maintenance, Progress};
use app::services::tokens::NewToken;
use app::services::users::NewUser;
use app::services::{GistService, TokenService, UserService};
use app::store::GitStore;
use app::views::maintenance::Job;
use sea_orm::DatabaseConnection;

use crate::cli::AdminCommand;
use crate::config::Config;

async fn open(config: &Config) -> anyhow::Result<DatabaseConnection> {
    std::fs::create_dir_all(&config.home)
        .with_context(|| format!("cannot create home directory {}", config.home.display()))?;
    app::db::connect_and_migrate(&config.db_uri)
        .await
        .context("cannot open the database")
}

pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let db = open(config).await?;
    db.close().await?;
    println!("database schema is up to date");
    Ok(())
}

pub async fn run(config: &Config, command: AdminCommand) -> anyhow::Result<()> {
    // Restore fills an empty database: it must not be opened (and created) first.
    if let AdminCommand::Restore { file } = &command {
        return crate::backup::restore(config, file).await;
    }
    let db = open(config).await?;
    let users = UserService::new(db.clone());
    let result = match command {
        AdminCommand::CreateUser(args) => {
            let password = read_password()?;
            let user = users
                .register(NewUser {
                    username: args.username,
                    email: args.email,
                    password,
                    admin: args.admin,
                })
                .await
                .map_err(explain)?;
            let role = if user.is_admin { " (admin)" } else { "" };
            println!("created user {}{role}", user.username);
            Ok(())
        }
        AdminCommand::CreateToken(args) => {
            let user = find(&users, &args.username).await?;
            let scopes = parse_scopes(&args.scopes).map_err(|e| anyhow::anyhow!(e.message))?;
            let created = TokenService::new(db.clone())
                .create(NewToken {
                    user_id: user.id,
                    name: args.name,
                    scopes,
                    expires_in_days: args.expires_in_days,
                })
                .await
                .map_err(explain)?;
            println!("{}", created.secret);
            Ok(())
        }
        AdminCommand::SetAdmin { username, revoke } => {
            find(&users, &username).await?;
            let user = users.set_admin(&username, !revoke).await.map_err(explain)?;
            let now = if user.is_admin {
                "an admin"
            } else {
                "not an admin"
            };
            println!("{} is now {now}", user.username);
            Ok(())
        }
        AdminCommand::Fsck { dry_run } => {
            let store = GitStore::new(config.repos_dir());
            let gists = GistService::new(db.clone(), store, config.limits)
                .with_noreply_host(&config.noreply_host())
                .with_max_expiry_days(config.max_expiry_days);
            let report = fsck(&gists, &config.home.join("lost+found"), !dry_run)
                .await
                .map_err(explain)?;
            print!("{report}");
            Ok(())
        }
        AdminCommand::Reindex => job(config, &db, Job::Reindex).await,
        AdminCommand::Backup { file } => crate::backup::backup(config, &db, &file).await,
        AdminCommand::Restore { .. } => unreachable!("handled above"),
        AdminCommand::Import {
            from,
            token,
            user,
            as_user,
        } => {
            let args = crate::import::ImportArgs {
                from,
                token,
                user,
                as_user,
            };
            crate::import::import(config, &db, args).await
        }
        AdminCommand::Job { job: name } => {
            let Some(which) = Job::parse(&name) else {
                bail!("no job named `{name}`");
            };
            job(config, &db, which).await
        }
        AdminCommand::AddSshKey {
            username,
            file,
            name,
        } => {
            let user = find(&users, &username).await?;
            let text = if file.as_os_str() == "-" {
                let mut text = String::new();
                std::io::Read::read_to_string(
                    &mut std::io::Read::take(std::io::stdin(), 64 * 1024),
                    &mut text,
                )?;
                text
            } else {
                let len = std::fs::metadata(&file)
                    .with_context(|| format!("cannot read {}", file.display()))?
                    .len();
                anyhow::ensure!(
                    len <= 64 * 1024,
                    "{} is too large for a public key",
                    file.display()
                );
                std::fs::read_to_string(&file)
                    .with_context(|| format!("cannot read {}", file.display()))?
            };
            let name = name
                .or_else(|| text.split_whitespace().nth(2).map(str::to_owned))
                .or_else(|| file.file_name().map(|f| f.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "key".into());
            let key = app::services::SshKeyService::new(db.clone())
                .add(user.id, &name, &text)
                .await
                .map_err(explain)?;
            println!(
                "added SSH key {} ({}) to {username}",
                key.name, key.fingerprint
            );
            Ok(())
        }
        AdminCommand::ResetMfa { username } => {
            let user = find(&users, &username).await?;
            app::services::SecondFactorService::new(db.clone(), &config.external_url)
                .reset(user.id)
                .await
                .map_err(explain)?;
            println!(
                "second factors of {username} removed: they sign in with their password alone"
            );
            Ok(())
        }
        AdminCommand::ResetPassword { username, .. } => {
            find(&users, &username).await?;
            let password = read_password()?;
            users
                .reset_password(&username, password)
                .await
                .map_err(explain)?;
            println!("password of {username} changed");
            Ok(())
        }
    };
    db.close().await?;
    result
}

/// One maintenance job, run here with a progress bar: the same code the admin panel runs.
async fn job(config: &Config, db: &DatabaseConnection, job: Job) -> anyhow::Result<()> {
    let store = GitStore::new(config.repos_dir());
    let search = match job {
        Job::Reindex => match SearchIndex::open(&config.search_dir, db.clone(), store.clone()) {
            Ok(index) => Some(index),
            Err(_) => bail!(
                "cannot open the search index in {} (a running server holds it: stop the \
                 server, or use the admin panel's Maintenance tab)",
                config.search_dir.display()
            ),
        },
        _ => None,
    };
    let gists = GistService::new(db.clone(), store, config.limits)
        .with_noreply_host(&config.noreply_host())
        .with_max_expiry_days(config.max_expiry_days);
    let maintenance = Maintenance::new(gists, search, &config.home, config.git_timeouts.total);
    let progress = std::sync::Arc::new(Progress::default());
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{} {{bar:40}} {{pos}}/{{len}} ({{elapsed}}, {{eta}} left)",
            job.title()
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut running = {
        let progress = progress.clone();
        tokio::spawn(async move { maintenance.run(job, &progress).await })
    };
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(100));
    let outcome = loop {
        tokio::select! {
            outcome = &mut running => break outcome,
            _ = tick.tick() => {
                let (done, total) = progress.get();
                bar.set_length(total);
                bar.set_position(done);
            }
        }
    };
    let (done, total) = progress.get();
    bar.set_length(total);
    bar.set_position(done);
    bar.finish();
    let report = outcome.context("the job stopped")?.map_err(explain)?;
    println!("{report}");
    Ok(())
}

async fn find(users: &UserService, username: &str) -> anyhow::Result<app::entities::user::Model> {
    match users.find_by_username(username).await.map_err(explain)? {
        Some(user) => Ok(user),
        None => bail!("no user named `{username}`"),
    }
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no password on standard input (pipe it in: echo 'secret' | gistful admin ...)");
    }
    Ok(password)
}

/// Domain errors as one readable line.
fn explain(err: Error) -> anyhow::Error {
    match err {
        Error::Validation(errors) => anyhow::anyhow!(
            "{}",
            errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        other => anyhow::anyhow!("{other}"),
    }
}
