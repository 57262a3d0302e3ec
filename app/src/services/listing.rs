//! Lists of gists, read from the database alone (no repository is opened).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::Order;
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Select,
};

use super::gists::GistSummary;
use crate::access;
use crate::entities::{gist, gist_count, gist_file, gist_topic, star, user};
use crate::error::Result;
use crate::rules::Visibility;

pub const PER_PAGE_DEFAULT: u64 = 30;
pub const PER_PAGE_MAX: u64 = 100;
/// Far beyond any real list; keeps offsets well inside what databases accept.
pub const PAGE_MAX: u64 = 10_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListScope {
    /// Every public gist.
    Public,
    /// One user's gists: all of them for that user, the public ones for anyone else.
    User(i64),
    /// The gists a user starred.
    Starred(i64),
    /// The forks of a gist.
    Forks(String),
    /// Public gists with a topic.
    Topic(String),
    /// The forks a user made: theirs, as `User` shows them.
    ForksBy(i64),
    /// Every gist, whatever its visibility: the admin's view.
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Updated,
    Created,
}

#[derive(Debug, Clone)]
pub struct ListQuery {
    pub scope: ListScope,
    pub viewer: Option<i64>,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
    /// Only gists updated at or after this instant.
    pub since: Option<DateTime<Utc>>,
    pub sort: SortBy,
    /// Oldest first (GraphQL's `direction: ASC`); newest first otherwise.
    pub ascending: bool,
    /// Only public gists (`Some(true)`) or only the others (`Some(false)`): GraphQL's
    /// `privacy: PUBLIC | SECRET`.
    pub public: Option<bool>,
}

impl ListQuery {
    pub fn new(scope: ListScope, viewer: Option<i64>) -> Self {
        ListQuery {
            scope,
            viewer,
            page: 1,
            per_page: PER_PAGE_DEFAULT,
            since: None,
            sort: SortBy::Updated,
            ascending: false,
            public: None,
        }
    }

    pub fn page(mut self, page: u64, per_page: u64) -> Self {
        self.page = page.clamp(1, PAGE_MAX);
        self.per_page = per_page.clamp(1, PER_PAGE_MAX);
        self
    }
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    pub fn total_pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1))
    }
}

fn select(query: &ListQuery) -> Select<gist::Entity> {
    let base = gist::Entity::find();
    let filtered = match &query.scope {
        ListScope::Public => base.filter(gist::Column::Visibility.eq(Visibility::Public.as_str())),
        ListScope::All => base,
        ListScope::User(owner) | ListScope::ForksBy(owner)
            if access::list_every_gist_of(query.viewer, *owner) =>
        {
            base.filter(gist::Column::OwnerId.eq(*owner))
        }
        ListScope::User(owner) | ListScope::ForksBy(owner) => base
            .filter(gist::Column::OwnerId.eq(*owner))
            .filter(gist::Column::Visibility.eq(Visibility::Public.as_str())),
        ListScope::Starred(user_id) => base
            .filter(
                gist::Column::Id.in_subquery(
                    Query::select()
                        .column(star::Column::GistId)
                        .from(star::Entity)
                        .and_where(star::Column::UserId.eq(*user_id))
                        .to_owned(),
                ),
            )
            .filter(access::listable(query.viewer)),
        ListScope::Forks(of) => base
            .filter(gist::Column::ForkOf.eq(of.as_str()))
            .filter(access::listable(query.viewer)),
        ListScope::Topic(topic) => base
            .filter(
                gist::Column::Id.in_subquery(
                    Query::select()
                        .column(gist_topic::Column::GistId)
                        .from(gist_topic::Entity)
                        .and_where(gist_topic::Column::Topic.eq(topic.to_lowercase()))
                        .to_owned(),
                ),
            )
            .filter(gist::Column::Visibility.eq(Visibility::Public.as_str())),
    };
    let filtered = match &query.scope {
        ListScope::ForksBy(_) => filtered.filter(gist::Column::ForkOf.is_not_null()),
        _ => filtered,
    };
    // An expired gist is gone from every list the instant it expires, before the job
    // deletes it.
    let filtered = filtered.filter(access::live());
    let filtered = match query.since {
        Some(since) => filtered.filter(gist::Column::UpdatedAt.gte(since)),
        None => filtered,
    };
    let public = Visibility::Public.as_str();
    let filtered = match query.public {
        Some(true) => filtered.filter(gist::Column::Visibility.eq(public)),
        Some(false) => filtered.filter(gist::Column::Visibility.ne(public)),
        None => filtered,
    };
    ordered(filtered, query.sort, query.ascending)
}

fn ordered(select: Select<gist::Entity>, sort: SortBy, ascending: bool) -> Select<gist::Entity> {
    let column = match sort {
        SortBy::Updated => gist::Column::UpdatedAt,
        SortBy::Created => gist::Column::CreatedAt,
    };
    let order = if ascending { Order::Asc } else { Order::Desc };
    select
        .order_by(column, order.clone())
        .order_by(gist::Column::Id, order)
}

/// The counter that holds this list's length, when one does: the lists every visitor
/// pages through (public, a user's, the admin's all). The others are bounded by one
/// user's stars or one gist's forks, or filtered by time, and are counted.
fn counter(query: &ListQuery) -> Option<String> {
    if query.since.is_some() || query.public.is_some() {
        return None;
    }
    let public = Visibility::Public.as_str();
    match &query.scope {
        ListScope::Public => Some(format!("v:{public}")),
        ListScope::All => Some("all".to_owned()),
        ListScope::User(owner) if access::list_every_gist_of(query.viewer, *owner) => {
            Some(format!("owner:{owner}"))
        }
        ListScope::User(owner) => Some(format!("owner:{owner}:v:{public}")),
        _ => None,
    }
}

/// How many gists the whole list holds: one primary-key read where a counter is kept.
async fn total(
    db: &DatabaseConnection,
    query: &ListQuery,
    select: &Select<gist::Entity>,
) -> Result<u64> {
    match counter(query) {
        Some(scope) => Ok(gist_count::Entity::find_by_id(scope)
            .one(db)
            .await?
            .map_or(0, |row| row.n.max(0) as u64)),
        None => Ok(select.clone().count(db).await?),
    }
}

/// One page of gists with their owners and file rows, and the total count.
pub(crate) async fn list(db: &DatabaseConnection, query: &ListQuery) -> Result<Page<GistSummary>> {
    let select = select(query);
    // The page's ids first, from the ordering index alone; only those rows are read. An
    // offset still walks the index, but a deep page no longer reads every row it skips.
    let page_ids = select
        .clone()
        .select_only()
        .column(gist::Column::Id)
        .offset((query.page - 1).saturating_mul(query.per_page))
        .limit(query.per_page)
        .into_query();
    // MySQL/MariaDB refuse `LIMIT` inside `IN (...)`, but not inside a derived table.
    let page_ids = if db.get_database_backend() == DbBackend::MySql {
        Query::select()
            .column(Alias::new("id"))
            .from_subquery(page_ids, Alias::new("page"))
            .to_owned()
    } else {
        page_ids
    };
    let items = async {
        let gists = ordered(
            gist::Entity::find().filter(gist::Column::Id.in_subquery(page_ids)),
            query.sort,
            query.ascending,
        )
        .all(db)
        .await?;
        attach(db, gists).await
    };
    // The count and the page are independent: asked together, one waits for neither.
    let (total, items) = tokio::try_join!(total(db, query, &select), items)?;
    Ok(Page {
        items,
        total,
        page: query.page,
        per_page: query.per_page,
    })
}

/// Loads owners and files for a page of gists in two queries.
pub(crate) async fn attach(
    db: &DatabaseConnection,
    gists: Vec<gist::Model>,
) -> Result<Vec<GistSummary>> {
    let ids: Vec<String> = gists.iter().map(|g| g.id.clone()).collect();
    let owner_ids: Vec<i64> = gists.iter().map(|g| g.owner_id).collect();
    let owners: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(owner_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut files: HashMap<String, Vec<gist_file::Model>> = HashMap::new();
    for file in gist_file::Entity::find()
        .filter(gist_file::Column::GistId.is_in(ids))
        .order_by_asc(gist_file::Column::Position)
        .all(db)
        .await?
    {
        files.entry(file.gist_id.clone()).or_default().push(file);
    }
    Ok(gists
        .into_iter()
        .filter_map(|gist| {
            let owner = owners.get(&gist.owner_id)?.clone();
            let files = files.remove(&gist.id).unwrap_or_default();
            Some(GistSummary { gist, owner, files })
        })
        .collect())
}
