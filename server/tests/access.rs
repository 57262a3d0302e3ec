//! The access matrix: every kind of door × every kind of caller × every visibility ×
//! every login setting, against an oracle written from the product's rules (not from
//! the code under test). A gist the caller may not read never shows its content, on
//! any door, in any answer; nor does an expired one, to anyone (its "expired" column).
//!
//! Owners are named `apitest`, `download` and `archive`: names that once opened the
//! login requirement to anyone because the gates tested path text.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, header};
use base64::Engine;

use app::rules::{Scope, Visibility};
use common::app::{Answer, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Door {
    Page,
    Revisions,
    Raw,
    Download,
    Archive,
    Embed,
    ServerFunction,
    ApiGet,
    ApiPatch,
    GitRead,
    GitPush,
    Profile,
    Explore,
    Topic,
    Search,
    ApiUserGists,
    ApiPublic,
    /// Opengist's one file of one revision.
    ApiFile,
}

const DOORS: [Door; 18] = [
    Door::Page,
    Door::Revisions,
    Door::Raw,
    Door::Download,
    Door::Archive,
    Door::Embed,
    Door::ServerFunction,
    Door::ApiGet,
    Door::ApiPatch,
    Door::GitRead,
    Door::GitPush,
    Door::Profile,
    Door::Explore,
    Door::Topic,
    Door::Search,
    Door::ApiUserGists,
    Door::ApiPublic,
    Door::ApiFile,
];

/// Which credential a door takes.
#[derive(PartialEq)]
enum Channel {
    Web,
    Api,
    Git,
}

impl Door {
    fn channel(self) -> Channel {
        match self {
            Door::ApiGet
            | Door::ApiPatch
            | Door::ApiUserGists
            | Door::ApiPublic
            | Door::ApiFile => Channel::Api,
            Door::GitRead | Door::GitPush => Channel::Git,
            _ => Channel::Web,
        }
    }

    /// What "allow individual gists without login" keeps open: reading one gist.
    fn one_gist(self) -> bool {
        matches!(
            self,
            Door::Page
                | Door::Raw
                | Door::Download
                | Door::Archive
                | Door::Embed
                | Door::ServerFunction
                | Door::ApiGet
                | Door::ApiFile
                | Door::GitRead
                | Door::GitPush
        )
    }
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    Open,
    LoginRequired,
    LoginRequiredButGistsOpen,
}

/// Who calls, and with what.
struct Caller {
    name: String,
    cookie: Option<String>,
    token: Option<String>,
    /// The user behind the cookie.
    cookie_user: Option<i64>,
    /// The user behind the token, if it is valid.
    token_user: Option<(i64, Vec<Scope>)>,
    /// A token that is expired or unknown: refused where tokens are read.
    bad_token: bool,
    /// The name git's Basic auth sends with the token.
    login: String,
}

impl Caller {
    fn user(&self, channel: &Channel) -> Option<i64> {
        match channel {
            Channel::Web => self.cookie_user,
            _ => self.token_user.as_ref().map(|(id, _)| *id),
        }
    }

    fn grants(&self, channel: &Channel, scope: Scope) -> bool {
        match channel {
            Channel::Web => self.cookie_user.is_some(),
            _ => self
                .token_user
                .as_ref()
                .is_some_and(|(_, scopes)| scopes.iter().any(|s| s.grants(scope))),
        }
    }

    /// Whom private gists are shown to.
    fn reader(&self, channel: &Channel) -> Option<i64> {
        self.user(channel)
            .filter(|_| self.grants(channel, Scope::GistRead))
    }
}

struct Gist {
    id: String,
    owner: String,
    owner_id: i64,
    visibility: Visibility,
    marker: String,
    /// Its newest revision.
    head: String,
    /// Its expiry has passed (and no clean-up job has run): it exists for nobody.
    expired: bool,
}

#[derive(Debug, PartialEq)]
enum Expect {
    /// 200 with the gist's content (or, for a list, with it in the list).
    Shown,
    /// 200, and the gist is not in it.
    Absent,
    /// Sign in first: a redirect to the login page for pages, 401 elsewhere.
    SignIn,
    Status(u16),
}

/// The product's rules, written out.
fn oracle(door: Door, caller: &Caller, gist: &Gist, mode: Mode) -> Expect {
    let channel = door.channel();
    if channel != Channel::Web && caller.bad_token {
        return Expect::Status(401);
    }
    let user = caller.user(&channel);
    let gated = match mode {
        Mode::Open => false,
        Mode::LoginRequired => user.is_none(),
        Mode::LoginRequiredButGistsOpen => user.is_none() && !door.one_gist(),
    };
    if gated {
        return Expect::SignIn;
    }
    let reader = caller.reader(&channel);
    let own = reader == Some(gist.owner_id);
    let readable = !gist.expired && (gist.visibility != Visibility::Private || own);
    let public = !gist.expired && gist.visibility == Visibility::Public;
    let own = own && !gist.expired;
    let in_list = |yes: bool| if yes { Expect::Shown } else { Expect::Absent };
    match door {
        Door::ApiPatch => {
            if user.is_none() {
                Expect::Status(401)
            } else if !caller.grants(&channel, Scope::GistWrite) {
                Expect::Status(403)
            } else if !readable || user != Some(gist.owner_id) {
                Expect::Status(404)
            } else {
                Expect::Status(200)
            }
        }
        Door::GitRead | Door::GitPush => {
            if !readable {
                // git asks for credentials rather than saying "not found" to nobody.
                return Expect::Status(if user.is_none() { 401 } else { 404 });
            }
            if door == Door::GitRead {
                return Expect::Status(200);
            }
            if user.is_none() {
                Expect::Status(401)
            } else if user != Some(gist.owner_id) || !caller.grants(&channel, Scope::GistWrite) {
                Expect::Status(403)
            } else {
                Expect::Status(200)
            }
        }
        Door::Profile | Door::ApiUserGists | Door::Search => in_list(public || own),
        Door::Explore | Door::Topic | Door::ApiPublic => in_list(public),
        _ if readable => Expect::Shown,
        _ => Expect::Status(404),
    }
}

fn request(app: &TestApp, door: Door, caller: &Caller, gist: &Gist) -> Request<Body> {
    let (o, id) = (&gist.owner, &gist.id);
    let (method, uri, body) = match door {
        Door::Page => (Method::GET, format!("/{o}/{id}"), None),
        Door::Revisions => (Method::GET, format!("/{o}/{id}/revisions"), None),
        Door::Raw => (Method::GET, format!("/{o}/{id}/raw/HEAD/a.txt"), None),
        Door::Download => (Method::GET, format!("/{o}/{id}/download/HEAD/a.txt"), None),
        Door::Archive => (Method::GET, format!("/{o}/{id}/archive/HEAD.zip"), None),
        Door::Embed => (Method::GET, format!("/{o}/{id}.js"), None),
        Door::ServerFunction => (
            Method::POST,
            "/sfn/gist".to_owned(),
            Some(format!("owner={o}&id={id}")),
        ),
        Door::ApiGet => (Method::GET, format!("/api/gists/{id}"), None),
        Door::ApiPatch => (
            Method::PATCH,
            format!("/api/gists/{id}"),
            // The same description again: a write that succeeds changes nothing later
            // doors look for.
            Some(format!(r#"{{"description":"{}"}}"#, gist.marker)),
        ),
        Door::GitRead => (
            Method::GET,
            format!("/{o}/{id}.git/info/refs?service=git-upload-pack"),
            None,
        ),
        Door::GitPush => (
            Method::GET,
            format!("/{o}/{id}.git/info/refs?service=git-receive-pack"),
            None,
        ),
        Door::Profile => (Method::GET, format!("/{o}"), None),
        Door::Explore => (Method::GET, "/explore".to_owned(), None),
        Door::Topic => (Method::GET, "/topics/matrix".to_owned(), None),
        Door::Search => (Method::GET, format!("/search?q={}", gist.marker), None),
        Door::ApiUserGists => (Method::GET, format!("/api/users/{o}/gists"), None),
        Door::ApiPublic => (Method::GET, "/api/gists/public".to_owned(), None),
        Door::ApiFile => (
            Method::GET,
            format!("/api/gists/{id}/files/{}/a.txt", gist.head),
            None,
        ),
    };
    let mut req = Request::builder().method(method).uri(uri);
    // Every caller sends everything it holds; each door reads only its own credential.
    if let Some(cookie) = &caller.cookie {
        req = req.header(header::COOKIE, cookie);
    }
    if let Some(token) = &caller.token {
        let value = if door.channel() == Channel::Git {
            let basic = base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{token}", caller.login));
            format!("Basic {basic}")
        } else {
            format!("token {token}")
        };
        req = req.header(header::AUTHORIZATION, value);
    }
    match door {
        Door::ServerFunction => req
            .header(header::ORIGIN, app.origin())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"),
        Door::ApiPatch => req.header(header::CONTENT_TYPE, "application/json"),
        _ => req,
    }
    .body(body.map_or_else(Body::empty, Body::from))
    .unwrap()
}

/// The content of an archive's `a.txt`, if the answer is one.
fn unzipped(answer: &Answer, bytes: &[u8]) -> String {
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name("a.txt").unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut file, &mut content).unwrap();
    content
}

fn check(door: Door, caller: &Caller, gist: &Gist, mode: Mode, expect: &Expect, got: &Answer) {
    let what = format!(
        "{door:?} by {} of {}'s {:?}{} gist, {mode:?}: expected {expect:?}, got {} {}",
        caller.name,
        gist.owner,
        gist.visibility,
        if gist.expired { " expired" } else { "" },
        got.status,
        got.body.chars().take(300).collect::<String>()
    );
    let status = got.status.as_u16();
    match expect {
        Expect::Shown => {
            assert_eq!(status, 200, "{what}");
            let content = if door == Door::Archive {
                unzipped(got, &got.bytes)
            } else {
                got.body.clone()
            };
            // The search page repeats the query (the marker): a hit is the gist's link.
            let sign = if door == Door::Search {
                &gist.id
            } else {
                &gist.marker
            };
            assert!(content.contains(sign), "{what}");
        }
        Expect::Absent => assert_eq!(status, 200, "{what}"),
        Expect::SignIn
            if door.channel() == Channel::Web
                && !matches!(
                    door,
                    Door::Raw | Door::Download | Door::Archive | Door::Embed | Door::ServerFunction
                ) =>
        {
            assert_eq!(status, 302, "{what}");
            assert!(
                got.headers[header::LOCATION]
                    .to_str()
                    .unwrap()
                    .starts_with("/login?next="),
                "{what}"
            );
        }
        Expect::SignIn => assert_eq!(status, 401, "{what}"),
        Expect::Status(code) => assert_eq!(status, *code, "{what}"),
    }
    // Whatever the answer, a gist that is not shown leaks nothing of itself.
    // (A successful write or git advertisement is the owner's, and says nothing new.)
    if !matches!(expect, Expect::Shown | Expect::Status(200)) {
        if door != Door::Search {
            assert!(!got.body.contains(&gist.marker), "leaked: {what}");
        }
        assert!(!got.body.contains(&gist.id), "leaked its id: {what}");
    }
}

/// A gist's newest revision, read from its row.
async fn head_of(app: &TestApp, id: &str) -> String {
    use sea_orm::EntityTrait;
    app::entities::gist::Entity::find_by_id(id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .head
}

async fn run_matrix(mode: Mode) -> usize {
    let app = TestApp::new().await;
    let root = app.user("root", true);
    let root = root.await;
    let bob = app.user("bob", false).await;
    match mode {
        Mode::Open => {}
        Mode::LoginRequired => app.settings(|s| s.require_login = true).await,
        Mode::LoginRequiredButGistsOpen => {
            app.settings(|s| {
                s.require_login = true;
                s.allow_individual_gists = true;
            })
            .await
        }
    }
    let all = Scope::ALL.to_vec();
    let mut callers = vec![
        Caller {
            name: "anonymous".into(),
            cookie: None,
            token: None,
            cookie_user: None,
            token_user: None,
            bad_token: false,
            login: String::new(),
        },
        Caller {
            name: "another user".into(),
            cookie: Some(app.session(&bob).await),
            token: Some(app.token(&bob, &all).await),
            cookie_user: Some(bob.id),
            token_user: Some((bob.id, all.clone())),
            bad_token: false,
            login: "bob".into(),
        },
        Caller {
            name: "an admin".into(),
            cookie: Some(app.session(&root).await),
            token: Some(app.token(&root, &all).await),
            cookie_user: Some(root.id),
            token_user: Some((root.id, all.clone())),
            bad_token: false,
            login: "root".into(),
        },
        Caller {
            name: "an unknown token".into(),
            cookie: None,
            token: Some(format!("og_{}", "0".repeat(40))),
            cookie_user: None,
            token_user: None,
            bad_token: true,
            login: "bob".into(),
        },
    ];
    let mut gists = Vec::new();
    let mut owners = Vec::new();
    for owner in ["apitest", "download", "archive"] {
        let user = app.user(owner, false).await;
        for visibility in [
            Visibility::Public,
            Visibility::Unlisted,
            Visibility::Private,
        ] {
            let marker = format!("mark{owner}{}x", visibility.as_str());
            let id = app.gist(&user, visibility, &marker).await;
            let head = head_of(&app, &id).await;
            gists.push(Gist {
                id,
                owner: owner.into(),
                owner_id: user.id,
                visibility,
                marker,
                head,
                expired: false,
            });
        }
        // The "expired" column: one owner's gists of each visibility, past their expiry.
        if owner == "apitest" {
            for visibility in [
                Visibility::Public,
                Visibility::Unlisted,
                Visibility::Private,
            ] {
                let marker = format!("gone{owner}{}x", visibility.as_str());
                let id = app.gist(&user, visibility, &marker).await;
                let head = head_of(&app, &id).await;
                app.expire(&id).await;
                gists.push(Gist {
                    id,
                    owner: owner.into(),
                    owner_id: user.id,
                    visibility,
                    marker,
                    head,
                    expired: true,
                });
            }
        }
        let mut own = vec![
            Caller {
                name: format!("{owner} (session)"),
                cookie: Some(app.session(&user).await),
                token: None,
                cookie_user: Some(user.id),
                token_user: None,
                bad_token: false,
                login: owner.into(),
            },
            Caller {
                name: format!("{owner} (expired token)"),
                cookie: None,
                token: Some(app.expired_token(&user).await),
                cookie_user: None,
                token_user: None,
                bad_token: true,
                login: owner.into(),
            },
        ];
        for scopes in [
            vec![],
            vec![Scope::GistRead],
            vec![Scope::GistWrite],
            vec![Scope::UserRead, Scope::UserWrite],
        ] {
            own.push(Caller {
                name: format!("{owner} (token {scopes:?})"),
                cookie: None,
                token: Some(app.token(&user, &scopes).await),
                cookie_user: None,
                token_user: Some((user.id, scopes.clone())),
                bad_token: false,
                login: owner.into(),
            });
        }
        owners.push((user.id, own));
    }
    for (_, own) in &mut owners {
        callers.append(own);
    }

    let mut checked = 0;
    for gist in &gists {
        for caller in &callers {
            for door in DOORS {
                let expect = oracle(door, caller, gist, mode);
                let got = app.send(request(&app, door, caller, gist)).await;
                check(door, caller, gist, mode, &expect, &got);
                checked += 1;
            }
        }
    }
    checked
}

#[tokio::test(flavor = "multi_thread")]
async fn every_door_every_caller_with_login_open() {
    assert_eq!(run_matrix(Mode::Open).await, 12 * 22 * DOORS.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn every_door_every_caller_with_login_required() {
    assert_eq!(run_matrix(Mode::LoginRequired).await, 12 * 22 * DOORS.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn every_door_every_caller_with_login_required_but_gists_open() {
    assert_eq!(
        run_matrix(Mode::LoginRequiredButGistsOpen).await,
        12 * 22 * DOORS.len()
    );
}

/// The doors that are not about one gist keep their shape under the login requirement:
/// a user named like a route (`apitest`, `download`, `archive`) is a profile like any
/// other, and a topic list is a list, not a gist.
#[tokio::test]
async fn names_that_look_like_routes_open_nothing() {
    let app = TestApp::new().await;
    let owner = app.user("apitest", false).await;
    app.user("download", false).await;
    let id = app.gist(&owner, Visibility::Public, "markroutes").await;
    app.settings(|s| {
        s.require_login = true;
        s.allow_individual_gists = true;
    })
    .await;
    for path in [
        "/apitest".to_owned(),
        "/download".to_owned(),
        format!("/apitest/{id}/revisions"),
        "/topics/matrix".to_owned(),
        "/explore".to_owned(),
    ] {
        let req = Request::get(&path).body(Body::empty()).unwrap();
        let got = app.send(req).await;
        assert_eq!(got.status, 302, "{path}");
        assert!(!got.body.contains("markroutes"), "{path}");
    }
    // The single gist is open, as the setting says.
    let got = app
        .send(
            Request::get(format!("/apitest/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(got.status, 200);
    assert!(got.body.contains("markroutes"));
}
