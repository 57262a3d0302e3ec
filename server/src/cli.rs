//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "gistful", version, about = "A self-hosted gist server")]
pub struct Cli {
    /// YAML configuration file (values are overridden by OG_* environment variables).
    #[arg(long, short = 'c', global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (the default).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Manage users and tokens on this instance's data.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Run by `git receive-pack` during a push over HTTP; not for people.
    #[command(subcommand, hide = true)]
    Hook(HookCommand),
}

#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Refuses a push that a gist cannot hold, with the reason `git push` shows.
    PreReceive,
    /// Tells the user where a gist pushed to `/init` now lives.
    PostReceive,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a user; the password is read from standard input.
    CreateUser(CreateUser),
    /// Create a personal access token and print it (only the token).
    CreateToken(CreateToken),
    /// Grant (or with --revoke, remove) admin rights.
    SetAdmin {
        username: String,
        /// Remove admin rights instead of granting them.
        #[arg(long)]
        revoke: bool,
    },
    /// Check that every gist row matches its repository; repair what differs.
    Fsck {
        /// Only report; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Rebuild the search index from the database and the repositories (server stopped;
    /// while it runs, use Re-index in the admin panel).
    Reindex,
    /// Run a maintenance job with a progress bar: repack, repair, regenerate,
    /// purge-expired (safe while the server runs), or reindex (server stopped; while it
    /// runs, use the admin panel's Maintenance tab).
    Job {
        /// reindex, repack, repair, regenerate or purge-expired.
        #[arg(value_parser = ["reindex", "repack", "repair", "regenerate", "purge-expired"])]
        job: String,
    },
    /// Write a consistent snapshot of the database and every repository to FILE
    /// (`.tar.zst`), while the server runs.
    Backup { file: std::path::PathBuf },
    /// Fill an empty data directory and database from a backup.
    Restore { file: std::path::PathBuf },
    /// Copy gists, with their whole history, from a GitHub-compatible gist API (GitHub,
    /// Opengist 1.13+, another Gistful). Run it again to resume: what is here is skipped.
    Import {
        /// The API's base URL: https://api.github.com, https://gists.example.com/api...
        #[arg(long)]
        from: String,
        /// A token of the account at the source (read access to gists).
        #[arg(long)]
        token: String,
        /// Whose gists (default: the token's own, secret ones included).
        #[arg(long)]
        user: Option<String>,
        /// The local user who gets them (default: --user, else the source login).
        #[arg(long = "as")]
        as_user: Option<String>,
    },
    /// Add an SSH public key to a user (FILE: a `.pub` file, or `-` for standard input).
    AddSshKey {
        username: String,
        file: std::path::PathBuf,
        /// The key's name (default: the key's comment, else the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Remove every second factor of a user (authenticator app, passkeys, recovery
    /// codes): they sign in with their password alone again, and may set one up anew.
    ResetMfa { username: String },
    /// Set a new password, read from standard input.
    ResetPassword {
        username: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Debug, Args)]
pub struct CreateUser {
    #[arg(long)]
    pub username: String,
    #[arg(long)]
    pub email: String,
    /// Make the user an admin (the first user always is).
    #[arg(long)]
    pub admin: bool,
    /// Read the password from standard input (one line).
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct CreateToken {
    #[arg(long)]
    pub username: String,
    /// A name to recognise the token by.
    #[arg(long)]
    pub name: String,
    /// Comma-separated: gist:read, gist:write, user:read, user:write.
    #[arg(long, default_value = "")]
    pub scopes: String,
    /// Days until the token stops working (default: never).
    #[arg(long, value_name = "DAYS")]
    pub expires_in_days: Option<u32>,
}
