//! Which route is this: every request path is parsed once, here, into a [`Route`], and
//! everything that depends on the kind of request (the instance's "require login" gate,
//! the response cache, the git and embed doors, the request timeout) reads that value
//! instead of testing the path's text again.
//!
//! The first path segment is shared by the site's own pages and by usernames
//! (`/{user}`): [`OWNED`] lists every first segment the router keeps for itself, and
//! each of them is a reserved username (see the tests).

/// What a request path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/healthz`.
    Health,
    /// The site's own files: `/pkg/...`, `/avatars/...`, the stylesheets, the icon.
    Asset,
    /// A page of the web UI (the Leptos router renders it).
    Page(Page),
    /// `/{user}/{id}/raw/{rev}/{file}`.
    Raw(GistRef),
    /// `/{user}/{id}/download/{rev}/{file}`.
    Download(GistRef),
    /// `/{user}/{id}/archive/{name}`: the whole gist as a ZIP.
    Archive(GistRef),
    /// `/{user}/{id}.js` and `/{user}/{id}.json`: a gist inside another site.
    Embed(GistRef, EmbedFormat),
    /// Git's smart HTTP protocol.
    Git(GitRepo, GitEndpoint),
    /// The REST API under `/api` (and `/api/v3`).
    Api(ApiRoute),
    /// `/sfn/{name}`: a server function called by the browser.
    ServerFunction(String),
    /// `/oauth/{provider}`, `/oauth/{provider}/link` and `/oauth/{provider}/callback`:
    /// signing in through an identity provider, or linking one.
    OAuth,
}

/// A gist named in a URL: its owner's name and its id, or its custom URL (slug), which
/// [`crate::services::gists::GistService::id_for`] turns into the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GistRef {
    pub user: String,
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedFormat {
    Script,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Login,
    Register,
    New,
    Explore,
    Search,
    Settings,
    Admin,
    Topic,
    Profile,
    /// `/{user}/{id}`: one gist.
    Gist(GistRef),
    /// `/{user}/{id}/edit`, `/revisions`, `/forks`, `/stargazers`.
    GistPart(GistRef),
    /// Anything else: the "not found" page.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitRepo {
    /// An existing gist; the owner's name when the URL carries one (`/gist/{id}.git`
    /// does not). With an owner, `id` may be the gist's custom URL.
    Gist { owner: Option<String>, id: String },
    /// `/init`: a push that becomes a new gist.
    Init,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitService {
    UploadPack,
    ReceivePack,
}

impl GitService {
    pub fn from_name(name: &str) -> Option<GitService> {
        match name {
            "git-upload-pack" => Some(GitService::UploadPack),
            "git-receive-pack" => Some(GitService::ReceivePack),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            GitService::UploadPack => "git-upload-pack",
            GitService::ReceivePack => "git-receive-pack",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitEndpoint {
    /// `GET info/refs?service=...`: the ref advertisement.
    Refs,
    /// `POST git-upload-pack` or `POST git-receive-pack`.
    Rpc(GitService),
}

/// The API routes the instance gates tell apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiRoute {
    /// `/gists/{id}`, `/gists/{id}/{sha}`, `/gists/{id}/commits`,
    /// `/gists/{id}/files/{sha}/{name}`: one gist's content.
    OneGist,
    /// Everything else: lists, users, writes of any kind are told apart by method.
    Other,
}

/// How far behind the instance's "require login" a route is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Open to anyone, always: the way in and the site's own files.
    Always,
    /// A read of one gist: open when "allow individual gists" is on.
    OneGist,
    /// Everything else: signed-in users only when login is required.
    Site,
}

/// Every first path segment the router keeps for itself. Each is a reserved username.
pub const OWNED: &[&str] = &[
    "login",
    "logout",
    "register",
    "new",
    "explore",
    "search",
    "settings",
    "admin",
    "topics",
    "api",
    "sfn",
    "pkg",
    "avatars",
    "healthz",
    "favicon.svg",
    "highlight.css",
    "embed.css",
    "gist",
    "init",
    "oauth",
];

/// A gist id as URLs carry it: hex, at most 64 characters.
pub fn is_gist_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_username(name: &str) -> bool {
    crate::rules::validate_username(name).is_ok()
}

/// A gist's segment after its owner's name: an id, or a custom URL. The two never look
/// alike (a slug is never all hex digits, see [`crate::rules::validate_slug`]).
pub fn is_gist_key(segment: &str) -> bool {
    is_gist_id(segment) || crate::rules::validate_slug(segment).is_ok()
}

/// Ids are matched in lower case; a slug is kept as typed (its lookup ignores case).
fn gist_key(segment: &str) -> String {
    if is_gist_id(segment) {
        segment.to_ascii_lowercase()
    } else {
        segment.to_owned()
    }
}

fn gist(user: &str, id: &str) -> Option<GistRef> {
    (is_username(user) && is_gist_key(id)).then(|| GistRef {
        user: user.to_owned(),
        id: gist_key(id),
    })
}

impl Route {
    /// A short fixed name for the kind of route: what metrics and logs group requests by
    /// (never the path itself, whose gist ids and names would make a label per gist).
    pub fn kind(&self) -> &'static str {
        match self {
            Route::Health => "health",
            Route::Asset => "asset",
            Route::Page(Page::Gist(_) | Page::GistPart(_)) => "gist_page",
            Route::Page(_) => "page",
            Route::Raw(_) => "raw",
            Route::Download(_) => "download",
            Route::Archive(_) => "archive",
            Route::Embed(..) => "embed",
            Route::Git(..) => "git",
            Route::Api(_) => "api",
            Route::ServerFunction(_) => "server_function",
            Route::OAuth => "oauth",
        }
    }

    /// The route `path` names (without its query).
    pub fn parse(path: &str) -> Route {
        if let Some(git) = parse_git(path) {
            return git;
        }
        if path == "/api" {
            return Route::Api(ApiRoute::Other);
        }
        if let Some(rest) = path.strip_prefix("/api/") {
            let rest = rest
                .strip_prefix("v3")
                .filter(|r| r.is_empty() || r.starts_with('/'));
            return Route::Api(parse_api(rest.unwrap_or(&path[4..])));
        }
        if let Some(name) = path.strip_prefix("/sfn/") {
            return Route::ServerFunction(name.to_owned());
        }
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            ["pkg" | "avatars" | "assets", ..]
            | ["favicon.svg" | "highlight.css" | "embed.css" | "passkeys.js"] => Route::Asset,
            ["healthz"] => Route::Health,
            ["oauth", _] | ["oauth", _, "callback" | "link"] => Route::OAuth,
            [""] => Route::Page(Page::Home),
            // The second step of a sign-in is part of logging in.
            ["login"] | ["login", "two-factor"] => Route::Page(Page::Login),
            ["register"] => Route::Page(Page::Register),
            ["new"] => Route::Page(Page::New),
            ["explore"] => Route::Page(Page::Explore),
            ["search"] => Route::Page(Page::Search),
            ["settings"] => Route::Page(Page::Settings),
            ["admin"] => Route::Page(Page::Admin),
            ["topics", _] => Route::Page(Page::Topic),
            [user] if is_username(user) => Route::Page(Page::Profile),
            [user, name] => {
                let embed = name
                    .strip_suffix(".js")
                    .map(|id| (id, EmbedFormat::Script))
                    .or_else(|| name.strip_suffix(".json").map(|id| (id, EmbedFormat::Json)));
                if let Some((id, format)) = embed
                    && let Some(gist) = gist(user, id)
                {
                    return Route::Embed(gist, format);
                }
                gist(user, name).map_or(Route::Page(Page::Unknown), |g| Route::Page(Page::Gist(g)))
            }
            [user, id, "edit" | "revisions" | "forks" | "stargazers"] => gist(user, id)
                .map_or(Route::Page(Page::Unknown), |g| {
                    Route::Page(Page::GistPart(g))
                }),
            [user, id, "raw", _, _] => {
                gist(user, id).map_or(Route::Page(Page::Unknown), Route::Raw)
            }
            [user, id, "download", _, _] => {
                gist(user, id).map_or(Route::Page(Page::Unknown), Route::Download)
            }
            [user, id, "archive", _] => {
                gist(user, id).map_or(Route::Page(Page::Unknown), Route::Archive)
            }
            _ => Route::Page(Page::Unknown),
        }
    }

    /// How far behind "require login" this route is. `read` says whether the request
    /// only reads (GET or HEAD): "allow individual gists" opens reads only.
    pub fn reach(&self, read: bool) -> Reach {
        match self {
            Route::Health
            | Route::Asset
            | Route::OAuth
            | Route::Page(Page::Login | Page::Register) => Reach::Always,
            Route::ServerFunction(name)
                if matches!(
                    name.as_str(),
                    "login"
                        | "register"
                        | "current_user"
                        | "sign_in_providers"
                        | "pending_sign_in"
                        | "second_factor"
                        | "second_factor_passkey_options"
                        | "second_factor_passkey"
                        | "passkey_login_options"
                        | "passkey_login"
                ) =>
            {
                Reach::Always
            }
            Route::Page(Page::Gist(_))
            | Route::Raw(_)
            | Route::Download(_)
            | Route::Archive(_)
            | Route::Embed(..)
            | Route::Git(GitRepo::Gist { .. }, _) => Reach::OneGist,
            Route::ServerFunction(name) if name == "gist" => Reach::OneGist,
            Route::Api(ApiRoute::OneGist) if read => Reach::OneGist,
            _ => Reach::Site,
        }
    }

    /// Git's requests: they take as long as the repository needs, under git's own limits.
    pub fn is_git(&self) -> bool {
        matches!(self, Route::Git(..))
    }
}

/// `(repository, endpoint)` for a git request path.
/// The repository a git command over SSH names: the forms git over HTTP takes
/// (`alice/abc.git`, `gist/abc.git`, `init`), with or without the leading `/` of
/// `ssh://` URLs, and the bare `abc.git` of the scp form `git@host:abc.git`.
pub fn ssh_git_repo(path: &str) -> Option<GitRepo> {
    let path = path.strip_prefix('/').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    if path == "init" || path == "init.git" {
        return Some(GitRepo::Init);
    }
    let (first, repo) = match path.split_once('/') {
        Some((first, repo)) => (Some(first), repo),
        None => (None, path),
    };
    let id = repo.strip_suffix(".git").unwrap_or(repo);
    let owner = match first {
        None | Some("gist") => None,
        Some(name) if is_username(name) => Some(name.to_owned()),
        Some(_) => return None,
    };
    // A custom URL names a gist under its owner only.
    if !(is_gist_id(id) || owner.is_some() && is_gist_key(id)) {
        return None;
    }
    Some(GitRepo::Gist {
        owner,
        id: gist_key(id),
    })
}

fn parse_git(path: &str) -> Option<Route> {
    let (base, endpoint) = if let Some(base) = path.strip_suffix("/info/refs") {
        (base, GitEndpoint::Refs)
    } else if let Some(base) = path.strip_suffix("/git-upload-pack") {
        (base, GitEndpoint::Rpc(GitService::UploadPack))
    } else {
        (
            path.strip_suffix("/git-receive-pack")?,
            GitEndpoint::Rpc(GitService::ReceivePack),
        )
    };
    if base == "/init" || base == "/init.git" {
        return Some(Route::Git(GitRepo::Init, endpoint));
    }
    let (first, repo) = base.strip_prefix('/')?.split_once('/')?;
    let id = repo.strip_suffix(".git").unwrap_or(repo);
    let owner = if first == "gist" {
        None
    } else if is_username(first) {
        Some(first.to_owned())
    } else {
        return None;
    };
    // A custom URL names a gist under its owner only.
    if !(is_gist_id(id) || owner.is_some() && is_gist_key(id)) {
        return None;
    }
    let id = gist_key(id);
    Some(Route::Git(GitRepo::Gist { owner, id }, endpoint))
}

/// The API path after its prefix (`/gists/...`).
fn parse_api(path: &str) -> ApiRoute {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let one_gist = match parts.as_slice() {
        ["gists", id] => !matches!(*id, "public" | "starred" | "liked" | "forked"),
        ["gists", _, rest] => *rest == "commits" || is_gist_id(rest),
        ["gists", _, "files", _, _] => true,
        _ => false,
    };
    if one_gist {
        ApiRoute::OneGist
    } else {
        ApiRoute::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(user: &str, id: &str) -> GistRef {
        GistRef {
            user: user.into(),
            id: id.into(),
        }
    }

    #[test]
    fn every_owned_segment_is_a_reserved_username() {
        for segment in OWNED {
            assert!(
                crate::rules::validate_username(segment).is_err(),
                "{segment} could be a username"
            );
        }
    }

    #[test]
    fn ssh_commands_name_repositories_as_http_urls_do() {
        let id = "0123456789abcdef0123456789abcdef";
        let gist = |owner: Option<&str>| {
            Some(GitRepo::Gist {
                owner: owner.map(str::to_owned),
                id: id.into(),
            })
        };
        assert_eq!(
            ssh_git_repo(&format!("/alice/{id}.git")),
            gist(Some("alice"))
        );
        assert_eq!(ssh_git_repo(&format!("alice/{id}")), gist(Some("alice")));
        assert_eq!(
            ssh_git_repo("alice/My-Notes.git"),
            Some(GitRepo::Gist {
                owner: Some("alice".into()),
                id: "My-Notes".into(),
            })
        );
        assert_eq!(ssh_git_repo(&format!("gist/{id}.git")), gist(None));
        assert_eq!(ssh_git_repo(&format!("{id}.git")), gist(None));
        assert_eq!(
            ssh_git_repo(&format!("/alice/{}.git", id.to_uppercase())),
            gist(Some("alice"))
        );
        assert_eq!(ssh_git_repo("/init"), Some(GitRepo::Init));
        assert_eq!(ssh_git_repo("init.git"), Some(GitRepo::Init));
        for bad in [
            "",
            "/",
            "alice",
            "alice/not.a.slug.git",
            "gist/my-notes.git",
            "my-notes.git",
            "../etc/passwd",
            &format!("a/b/{id}.git"),
            &format!("-x/{id}.git"),
        ] {
            assert_eq!(ssh_git_repo(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_name_their_routes() {
        use Route as R;
        let cases = [
            ("/", R::Page(Page::Home)),
            ("/healthz", R::Health),
            ("/pkg/gistful.wasm", R::Asset),
            ("/avatars/alice.svg", R::Asset),
            ("/login", R::Page(Page::Login)),
            ("/login/two-factor", R::Page(Page::Login)),
            ("/passkeys.js", R::Asset),
            ("/assets/rich.js", R::Asset),
            ("/assets/vendor/katex/katex.mjs", R::Asset),
            ("/topics/rust", R::Page(Page::Topic)),
            ("/alice", R::Page(Page::Profile)),
            ("/apitest", R::Page(Page::Profile)),
            ("/apitest/abc", R::Page(Page::Gist(g("apitest", "abc")))),
            ("/alice/ABC", R::Page(Page::Gist(g("alice", "abc")))),
            (
                "/alice/abc/edit",
                R::Page(Page::GistPart(g("alice", "abc"))),
            ),
            ("/alice/abc/raw/HEAD/a.txt", R::Raw(g("alice", "abc"))),
            ("/download/abc/raw/HEAD/a.txt", R::Raw(g("download", "abc"))),
            (
                "/archive/abc/archive/x.zip",
                R::Archive(g("archive", "abc")),
            ),
            (
                "/download/abc/download/HEAD/a.txt",
                R::Download(g("download", "abc")),
            ),
            (
                "/alice/abc.js",
                R::Embed(g("alice", "abc"), EmbedFormat::Script),
            ),
            (
                "/alice/abc.json",
                R::Embed(g("alice", "abc"), EmbedFormat::Json),
            ),
            ("/alice/not.a.slug", R::Page(Page::Unknown)),
            ("/alice/edit", R::Page(Page::Unknown)),
            (
                "/alice/My-Notes",
                R::Page(Page::Gist(g("alice", "My-Notes"))),
            ),
            (
                "/alice/my-notes/revisions",
                R::Page(Page::GistPart(g("alice", "my-notes"))),
            ),
            (
                "/alice/my-notes/raw/HEAD/a.txt",
                R::Raw(g("alice", "my-notes")),
            ),
            (
                "/alice/notes.js",
                R::Embed(g("alice", "notes"), EmbedFormat::Script),
            ),
            ("/pkg/abcdef.js", R::Asset),
            ("//abc.js", R::Page(Page::Unknown)),
            ("/alice/abc/raw/HEAD/a.js", R::Raw(g("alice", "abc"))),
            ("/a/b/c/d/e/f", R::Page(Page::Unknown)),
            ("/api", R::Api(ApiRoute::Other)),
            ("/api/gists/abc", R::Api(ApiRoute::OneGist)),
            ("/api/v3/gists/abc/commits", R::Api(ApiRoute::OneGist)),
            ("/api/gists/public", R::Api(ApiRoute::Other)),
            ("/api/gists/forked", R::Api(ApiRoute::Other)),
            ("/api/gists/abc/like", R::Api(ApiRoute::Other)),
            (
                "/api/gists/abc/files/0123abcd/a.txt",
                R::Api(ApiRoute::OneGist),
            ),
            ("/api/v3/gists/abc/forks", R::Api(ApiRoute::Other)),
            ("/api/users/bob/gists", R::Api(ApiRoute::Other)),
            ("/sfn/gist", R::ServerFunction("gist".into())),
            (
                "/alice/abc.git/info/refs",
                R::Git(
                    GitRepo::Gist {
                        owner: Some("alice".into()),
                        id: "abc".into(),
                    },
                    GitEndpoint::Refs,
                ),
            ),
            (
                "/gist/ABC/git-receive-pack",
                R::Git(
                    GitRepo::Gist {
                        owner: None,
                        id: "abc".into(),
                    },
                    GitEndpoint::Rpc(GitService::ReceivePack),
                ),
            ),
            (
                "/init/git-receive-pack",
                R::Git(GitRepo::Init, GitEndpoint::Rpc(GitService::ReceivePack)),
            ),
        ];
        for (path, route) in cases {
            assert_eq!(Route::parse(path), route, "{path}");
        }
        // Not git: a page of something else, never the transport.
        assert!(!Route::parse("/alice/abc.git/config").is_git());
        assert!(!Route::parse("/../../etc/info/refs").is_git());
        assert!(!Route::parse("/alice/abc/def/info/refs").is_git());
        assert!(
            !Route::parse("/alice/no.tes/info/refs").is_git(),
            "neither an id nor a custom URL"
        );
        assert!(
            !Route::parse("/gist/notes.git/info/refs").is_git(),
            "a custom URL needs its owner"
        );
        assert_eq!(
            Route::parse("/alice/notes.git/info/refs"),
            R::Git(
                GitRepo::Gist {
                    owner: Some("alice".into()),
                    id: "notes".into(),
                },
                GitEndpoint::Refs,
            )
        );
        assert!(!Route::parse("/pkg/abc/info/refs").is_git(), "reserved");
    }

    #[test]
    fn reach_follows_the_kind_not_the_text() {
        let reach = |path: &str, read: bool| Route::parse(path).reach(read);
        assert_eq!(reach("/login", true), Reach::Always);
        assert_eq!(reach("/pkg/x.js", true), Reach::Always);
        assert_eq!(reach("/sfn/login", false), Reach::Always);
        assert_eq!(reach("/login/two-factor", true), Reach::Always);
        assert_eq!(reach("/sfn/second_factor", false), Reach::Always);
        assert_eq!(reach("/sfn/passkey_login", false), Reach::Always);
        assert_eq!(reach("/sfn/passkey_register", false), Reach::Site);
        // A user named like a door is still a user.
        assert_eq!(reach("/apitest", true), Reach::Site);
        assert_eq!(reach("/download", true), Reach::Site);
        assert_eq!(reach("/archive/abc", true), Reach::OneGist);
        assert_eq!(reach("/download/abc/forks", true), Reach::Site);
        assert_eq!(reach("/topics/rust", true), Reach::Site);
        assert_eq!(reach("/alice/abc", true), Reach::OneGist);
        assert_eq!(reach("/alice/abc/revisions", true), Reach::Site);
        assert_eq!(reach("/api/gists/abc", true), Reach::OneGist);
        assert_eq!(reach("/api/gists/abc", false), Reach::Site);
        assert_eq!(reach("/api/gists/public", true), Reach::Site);
        assert_eq!(reach("/sfn/gist", false), Reach::OneGist);
        assert_eq!(reach("/sfn/list_gists", false), Reach::Site);
        assert_eq!(reach("/init/info/refs", true), Reach::Site);
    }
}
