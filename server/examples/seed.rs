//! Seeds a benchmark dataset into a fresh data directory through the same services the
//! server uses: users, gists of 1-5 files (public, unlisted, private), stars, forks,
//! revisions, a two-file gist, a 100-file gist, and a token. Prints what the load
//! generator needs as JSON, with up to 2,000 public gists spread over the set for the
//! scenarios that read a random gist each request.
//!
//! `cargo run --release -p server --example seed -- <home> <gists> <users> [db-uri]`
//! (the database defaults to SQLite in `<home>/gistful.db`).

use std::path::PathBuf;

use futures_util::StreamExt;
use futures_util::stream;

use app::rules::update::{FileChange, FileEntry};
use app::rules::{Limits, Scope, Visibility};
use app::services::gists::{GistUpdate, NewGist};
use app::services::tokens::NewToken;
use app::services::users::NewUser;
use app::services::{GistService, TokenService, UserService};
use app::store::GitStore;

/// Deterministic variety without a random-number dependency.
fn mix(n: u64) -> u64 {
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 31;
    x.wrapping_mul(0xBF58_476D_1CE4_E5B9) ^ (x >> 29)
}

fn file(gist: usize, index: usize) -> FileEntry {
    let ext = ["rs", "py", "md", "js", "txt"][(gist + index) % 5];
    let body: String = (0..(10 + mix(gist as u64 * 7 + index as u64) % 40))
        .map(|line| format!("// gist {gist} file {index} line {line}: some words to index\n"))
        .collect();
    FileEntry {
        name: format!("file{index}.{ext}"),
        content: body,
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let home = PathBuf::from(args.next().unwrap_or_else(|| "bench/tmp/home".into()));
    let gists: usize = args.next().map_or(Ok(10_000), |v| v.parse())?;
    let users: usize = args.next().map_or(Ok(100), |v| v.parse())?;
    let db_uri = args
        .next()
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", home.join("gistful.db").display()));
    std::fs::create_dir_all(&home)?;
    let db = app::db::connect_and_migrate(&db_uri).await?;
    let store = GitStore::new(home.join("repos"));
    let service = GistService::new(db.clone(), store, Limits::default());
    let accounts = UserService::new(db.clone());

    let people = stream::iter(0..users)
        .map(|n| {
            let accounts = accounts.clone();
            async move {
                accounts
                    .register(NewUser {
                        username: format!("user{n:03}"),
                        email: format!("user{n:03}@example.com"),
                        password: "bench-password".into(),
                        admin: false,
                    })
                    .await
            }
        })
        .buffered(4)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let bench = &people[0];
    let token = TokenService::new(db.clone())
        .create(NewToken {
            user_id: bench.id,
            name: "bench".into(),
            scopes: vec![Scope::GistWrite],
            expires_in_days: None,
        })
        .await?
        .secret;

    let made = stream::iter(0..gists)
        .map(|n| {
            let (service, owner) = (service.clone(), people[n % people.len()].clone());
            async move {
                let visibility = match n % 10 {
                    0 => Visibility::Private,
                    1 => Visibility::Unlisted,
                    _ => Visibility::Public,
                };
                let files = (0..1 + n % 5).map(|i| file(n, i)).collect();
                service
                    .create(
                        &owner,
                        NewGist {
                            title: format!("Gist number {n}"),
                            description: format!("Benchmark gist {n}"),
                            visibility,
                            topics: vec![["rust", "python", "notes"][n % 3].to_owned()],
                            files,
                        },
                    )
                    .await
                    .map(|d| (d.summary.gist.id, owner, visibility, n))
            }
        })
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let public: Vec<&(String, _, Visibility, usize)> = made
        .iter()
        .filter(|(_, _, v, _)| *v == Visibility::Public)
        .collect();

    // Stars (20 per user), forks (one gist in 50), revisions (one in 20).
    for (u, person) in people.iter().enumerate() {
        for s in 0..20u64 {
            let (id, owner, _, _) = public[(mix(u as u64 * 100 + s) as usize) % public.len()];
            if owner.id != person.id {
                let _ = service.star(person, id).await;
            }
        }
    }
    for (n, (id, owner, _, _)) in public.iter().enumerate().step_by(50) {
        let forker = &people[(n + 1) % people.len()];
        if forker.id != owner.id {
            service.fork(forker, id).await?;
        }
    }
    for (n, (id, owner, _, _)) in made.iter().enumerate().step_by(20) {
        let change = FileChange {
            filename: None,
            content: Some(format!("revised {n}\n")),
        };
        let update = GistUpdate {
            title: None,
            description: None,
            visibility: None,
            topics: None,
            files: Some(vec![("revision.txt".into(), Some(change))]),
        };
        service.update(owner, id, update).await?;
    }

    // The gists the load generator reads and writes.
    let new = |title: &str, files: Vec<FileEntry>| NewGist {
        title: title.into(),
        description: String::new(),
        visibility: Visibility::Public,
        topics: Vec::new(),
        files,
    };
    let two = service
        .create(bench, new("Two files", vec![file(1, 0), file(1, 1)]))
        .await?;
    let hundred = service
        .create(
            bench,
            new("A hundred files", (0..100).map(|i| file(7, i)).collect()),
        )
        .await?;
    let mut patchable = Vec::new();
    for n in 0..200 {
        let gist = service
            .create(bench, new(&format!("Patch me {n}"), vec![file(n, 0)]))
            .await?;
        patchable.push(gist.summary.gist.id);
    }
    // Up to 2,000 public gists spread over the whole set: the "a visitor opens any gist"
    // scenarios ask a random one of these each request, as `user/id/first-file`.
    let spread: Vec<String> = public
        .iter()
        .step_by((public.len() / 2000).max(1))
        .take(2000)
        .map(|(id, owner, _, n)| format!("{}/{id}/{}", owner.username, file(*n, 0).name))
        .collect();
    let public_total = public.len() + 202;
    println!(
        "{}",
        serde_json::json!({
            "user": bench.username,
            "token": token,
            "gists": gists,
            "users": users,
            "public_gists": public_total,
            "two_file_gist": two.summary.gist.id,
            "raw_file": format!("/{}/{}/raw/HEAD/{}", bench.username, two.summary.gist.id, two.contents[0].name),
            "hundred_file_gist": hundred.summary.gist.id,
            "patchable": patchable,
            "spread": spread,
        })
    );
    Ok(())
}
