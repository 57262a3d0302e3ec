//! `POST /api/graphql`: the part of GitHub's GraphQL schema that `gh gist` asks for.
//!
//! `gh gist list` (and `view`/`edit` without an id, and `edit`'s ownership check) send
//! `viewer { login gists(first, after, privacy, orderBy) { nodes { name description
//! files { name } isPublic updatedAt } pageInfo { hasNextPage endCursor } } }`. The
//! types here are GitHub's names for exactly that, typed; `async-graphql` parses,
//! validates and runs the query, so any spelling of it (fragments, aliases, field order)
//! works and anything outside it gets GraphQL's own error. Depth, complexity and the
//! body are bounded; a caller needs a token (or session) with `gist:read`, as GitHub's
//! endpoint needs one.

use std::sync::LazyLock;

use async_graphql::{
    Context, EmptyMutation, EmptySubscription, Enum, InputObject, Object, Schema, SimpleObject,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;

use app::access::Viewer;
use app::entities::user;
use app::rules::{Scope, Visibility};
use app::services::listing::{ListQuery, ListScope, SortBy};
use app::state::AppState;

use super::error::{ApiError, ApiResult};
use super::urls::Urls;
use super::views::timestamp;

/// A GraphQL request's body, at most.
pub const BODY_MAX: usize = 64 * 1024;
/// GitHub's bound on `first`.
const FIRST_MAX: i32 = 100;

type GistfulSchema = Schema<Query, EmptyMutation, EmptySubscription>;

static SCHEMA: LazyLock<GistfulSchema> = LazyLock::new(|| {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .limit_depth(12)
        .limit_complexity(500)
        .limit_recursive_depth(32)
        .finish()
});

/// Who asks, and how to reach the data: put on each request by [`execute`].
struct Caller {
    state: AppState,
    user: user::Model,
    urls: Urls,
}

pub struct Query;

#[Object]
impl Query {
    /// The user the token belongs to.
    async fn viewer(&self, ctx: &Context<'_>) -> GqlUser {
        GqlUser(ctx.data_unchecked::<Caller>().user.clone())
    }
}

struct GqlUser(user::Model);

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
enum GistPrivacy {
    /// Public gists.
    Public,
    /// Unlisted and private gists: GitHub's "secret".
    Secret,
    All,
}

/// GitHub's names, `CREATED_AT` and so on.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
enum GistOrderField {
    CreatedAt,
    UpdatedAt,
    /// We keep no separate push time: a push updates the gist.
    PushedAt,
}

#[derive(Enum, Clone, Copy, PartialEq, Eq)]
enum OrderDirection {
    Asc,
    Desc,
}

#[derive(InputObject)]
struct GistOrder {
    field: GistOrderField,
    direction: OrderDirection,
}

#[derive(SimpleObject)]
#[graphql(name = "Gist")]
struct GqlGist {
    /// The gist's id (GitHub's `name`).
    name: String,
    description: Option<String>,
    files: Vec<GqlGistFile>,
    is_public: bool,
    is_fork: bool,
    created_at: String,
    updated_at: String,
    pushed_at: String,
    url: String,
    stargazer_count: i32,
}

#[derive(SimpleObject)]
#[graphql(name = "GistFile")]
struct GqlGistFile {
    name: String,
    size: i64,
}

#[derive(SimpleObject)]
struct PageInfo {
    has_next_page: bool,
    has_previous_page: bool,
    end_cursor: Option<String>,
    start_cursor: Option<String>,
}

#[derive(SimpleObject)]
struct GistConnection {
    nodes: Vec<GqlGist>,
    page_info: PageInfo,
    total_count: i64,
}

/// A cursor is the offset after which the next page starts, opaque as GitHub's are.
fn cursor(offset: u64) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("offset:{offset}"))
}

fn offset_of(cursor: &str) -> Option<u64> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(cursor)
        .ok()?;
    std::str::from_utf8(&raw)
        .ok()?
        .strip_prefix("offset:")?
        .parse()
        .ok()
}

#[Object(name = "User")]
impl GqlUser {
    async fn login(&self) -> &str {
        &self.0.username
    }

    async fn name(&self) -> Option<&str> {
        (!self.0.display_name.is_empty()).then_some(self.0.display_name.as_str())
    }

    /// The user's gists, newest first unless `orderBy` says otherwise, in pages of at most 100.
    async fn gists(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        privacy: Option<GistPrivacy>,
        order_by: Option<GistOrder>,
    ) -> async_graphql::Result<GistConnection> {
        let caller = ctx.data_unchecked::<Caller>();
        let first = first.unwrap_or(10);
        if !(1..=FIRST_MAX).contains(&first) {
            return Err(format!("`first` must be between 1 and {FIRST_MAX}").into());
        }
        let per_page = first as u64;
        let offset = match after.as_deref() {
            None => 0,
            Some(c) => offset_of(c).ok_or("`after` is not a cursor we gave")?,
        };
        if offset % per_page != 0 {
            return Err("`after` must come from a page of the same `first`".into());
        }
        let (sort, ascending) = match order_by {
            None => (SortBy::Updated, false),
            Some(GistOrder { field, direction }) => (
                match field {
                    GistOrderField::CreatedAt => SortBy::Created,
                    GistOrderField::UpdatedAt | GistOrderField::PushedAt => SortBy::Updated,
                },
                direction == OrderDirection::Asc,
            ),
        };
        let mut query = ListQuery::new(ListScope::User(self.0.id), Some(caller.user.id))
            .page(offset / per_page + 1, per_page);
        query.sort = sort;
        query.ascending = ascending;
        query.public = match privacy.unwrap_or(GistPrivacy::Public) {
            GistPrivacy::Public => Some(true),
            GistPrivacy::Secret => Some(false),
            GistPrivacy::All => None,
        };
        let page = caller.state.gists.list(&query).await.map_err(|e| {
            tracing::error!("graphql gists: {e}");
            "the gists could not be read"
        })?;
        let end = offset + page.items.len() as u64;
        let nodes = page
            .items
            .iter()
            .map(|s| GqlGist {
                name: s.gist.id.clone(),
                description: (!s.gist.description.is_empty()).then(|| s.gist.description.clone()),
                files: s
                    .files
                    .iter()
                    .map(|f| GqlGistFile {
                        name: f.filename.clone(),
                        size: f.size,
                    })
                    .collect(),
                is_public: s.gist.visibility() == Visibility::Public,
                is_fork: s.gist.fork_of.is_some(),
                created_at: timestamp(s.gist.created_at),
                updated_at: timestamp(s.gist.updated_at),
                pushed_at: timestamp(s.gist.updated_at),
                url: caller.urls.html_gist(&s.owner.username, &s.gist.id),
                stargazer_count: s.gist.star_count,
            })
            .collect();
        Ok(GistConnection {
            nodes,
            page_info: PageInfo {
                has_next_page: end < page.total,
                has_previous_page: offset > 0,
                end_cursor: (end > offset).then(|| cursor(end)),
                start_cursor: (end > offset).then(|| cursor(offset)),
            },
            total_count: page.total as i64,
        })
    }
}

/// Runs one GraphQL request for a caller with `gist:read`.
pub async fn execute(
    State(state): State<AppState>,
    viewer: Viewer,
    urls: Urls,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> ApiResult<Json<async_graphql::Response>> {
    let user = viewer.require(Scope::GistRead)?.clone();
    let body = body
        .map_err(|_| ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Request body is too large"))?;
    let request: async_graphql::Request = serde_json::from_slice(&body)
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "Problems parsing JSON"))?;
    let request = request.data(Caller { state, user, urls });
    Ok(Json(SCHEMA.execute(request).await))
}
