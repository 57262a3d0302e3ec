//! Gists: create, read, update, delete, fork, history.
//!
//! Writes go to git first, then to the database in one transaction. If the database
//! write fails, the branch is moved back, so both always describe the same revision;
//! `fsck` repairs what a crash between the two leaves behind.

use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::git_cache::{GitCache, History};
use super::locks::GistLocks;
use crate::access;
use crate::db::WriteTransaction;
use crate::entities::{gist, gist_file, gist_file_language, gist_topic, user};
use crate::error::{Error, FieldError, Result};
use crate::rules::gist::{validate_description, validate_title};
use crate::rules::language::{LanguageChoices, effective_language, known_language};
use crate::rules::lifecycle::{PINNED_MAX, check_expiry, expired, slug_key, validate_slug};
use crate::rules::push_options::PushOptions;
use crate::rules::update::{self, FileChanges, FileEntry, FileSource};
use crate::rules::webhooks::Event;
use crate::rules::{Comments, Limits, Visibility, validate_topics};
use crate::store::{Author, CommitInfo, GitStore, Repos, RevisionDiff, StoredFile};

/// Lines of a file kept in the database for list pages.
const PREVIEW_LINES: usize = 10;
const PREVIEW_BYTES: usize = 1000;

pub struct NewGist {
    pub title: String,
    pub description: String,
    pub visibility: Visibility,
    pub topics: Vec<String>,
    pub files: Vec<FileEntry>,
}

/// What an update changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct GistUpdate {
    pub title: Option<String>,
    pub description: Option<String>,
    pub visibility: Option<Visibility>,
    pub topics: Option<Vec<String>>,
    /// GitHub's `files` object, in request order.
    pub files: Option<FileChanges>,
}

/// A gist's lifecycle settings (issue 20): when it expires, its custom URL, whether it
/// takes comments. `None` leaves one as it is (on create: no expiry, no slug, open).
/// None of them makes a commit: they live in the database only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// `Some(None)` removes the expiry.
    pub expires_at: Option<Option<DateTime<Utc>>>,
    /// `Some(None)` removes the custom URL (the old one then answers 404).
    pub slug: Option<Option<String>>,
    pub comments: Option<Comments>,
    /// Files whose language the owner chooses (by the file's name after this change):
    /// `Some(language)` one of [`crate::rules::language::LANGUAGES`], `None` back to what
    /// the name implies. Files not listed keep their choice.
    pub languages: Option<LanguageChoices>,
}

impl Settings {
    fn is_empty(&self) -> bool {
        *self == Settings::default()
    }
}

/// A gist as lists show it: from the database only.
#[derive(Debug, Clone)]
pub struct GistSummary {
    pub gist: gist::Model,
    pub owner: user::Model,
    pub files: Vec<gist_file::Model>,
}

impl GistSummary {
    /// The language file `name` is shown in: its row's (the owner's choice or what its
    /// name implies; rows describe the head), or its name's for a file the head lacks.
    pub fn language_of(&self, name: &str) -> &'static str {
        let row = self.files.iter().find(|f| f.filename == name);
        effective_language(name, row.map(|f| f.language.as_str()))
    }

    /// URLs name a gist by its owner's name and its id: under any other name it does not
    /// exist (`NotFound`).
    pub fn named(&self, owner: &str) -> Result<()> {
        if self.owner.username.eq_ignore_ascii_case(owner) {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }

    /// The title, or the first file's name for an untitled gist (as GitHub shows it).
    pub fn display_title(&self) -> String {
        if self.gist.title.is_empty() {
            self.files
                .first()
                .map(|f| f.filename.clone())
                .unwrap_or_default()
        } else {
            self.gist.title.clone()
        }
    }
}

/// A gist with the contents of its files at one revision.
#[derive(Debug, Clone)]
pub struct GistDetail {
    pub summary: GistSummary,
    pub revision: String,
    pub contents: Vec<StoredFile>,
}

#[derive(Clone)]
pub struct GistService {
    db: DatabaseConnection,
    repos: Repos,
    locks: GistLocks,
    cache: GitCache,
    limits: Limits,
    /// The host of no-reply commit addresses (the instance's own).
    noreply_host: std::sync::Arc<str>,
    /// How far ahead an expiry may be set.
    max_expiry: chrono::Duration,
    /// The soonest expiry to come, in Unix milliseconds (`i64::MAX`: none known): what
    /// keeps answers made before it from being served after it (the response cache).
    /// Lowered by every write that sets an expiry, recomputed from the database by
    /// [`GistService::refresh_expiry_horizon`].
    horizon: std::sync::Arc<std::sync::atomic::AtomicI64>,
    /// Where gist events go (none for the CLI's and the tests' own services).
    webhooks: Option<super::webhooks::WebhookService>,
}

/// Who a commit is by: the user's name, and their real email only if they chose to show
/// it. Otherwise `{username}@users.noreply.{host}`, so cloning a public gist never
/// reveals an account's address.
pub fn author_of(user: &user::Model, noreply_host: &str) -> Author {
    let name = if user.display_name.trim().is_empty() {
        &user.username
    } else {
        &user.display_name
    };
    let email = if user.commit_email_public {
        user.email.clone()
    } else {
        format!("{}@users.noreply.{noreply_host}", user.username_lower)
    };
    Author {
        name: name.clone(),
        email,
    }
}

fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn validation(errors: Vec<FieldError>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(errors))
    }
}

impl GistService {
    /// One page of a gist list (public, a user's, forks, starred...) with its total.
    pub async fn list(
        &self,
        query: &super::listing::ListQuery,
    ) -> Result<super::listing::Page<GistSummary>> {
        super::listing::list(&self.db, query).await
    }

    pub fn new(db: DatabaseConnection, store: GitStore, limits: Limits) -> Self {
        GistService {
            locks: GistLocks::new(&db),
            db,
            repos: Repos::new(store),
            cache: GitCache::default(),
            limits,
            noreply_host: "localhost".into(),
            max_expiry: chrono::Duration::days(365),
            horizon: std::sync::Arc::new(std::sync::atomic::AtomicI64::new(i64::MAX)),
            webhooks: None,
        }
    }

    /// Raises gist events to these webhooks.
    pub fn with_webhooks(mut self, webhooks: super::webhooks::WebhookService) -> Self {
        self.webhooks = Some(webhooks);
        self
    }

    /// Queues `event` about `gist` for the hooks that may hear it, once the write is in.
    pub(crate) async fn emit(
        &self,
        event: crate::rules::webhooks::Event,
        gist: &GistSummary,
        sender: Option<&user::Model>,
        extra: Option<(&str, serde_json::Value)>,
    ) {
        if let Some(webhooks) = &self.webhooks {
            webhooks.emit(event, gist, sender, extra).await;
        }
    }

    /// The JSON a webhook payload shows of `gist` (for events that carry a second one).
    pub(crate) fn event_json(&self, gist: &GistSummary) -> Option<serde_json::Value> {
        self.webhooks.as_ref().map(|w| w.gist_json(gist))
    }

    /// The soonest gist expiry to come (see the field).
    pub fn expiry_horizon(&self) -> std::sync::Arc<std::sync::atomic::AtomicI64> {
        self.horizon.clone()
    }

    /// An expiry about to be written: answers must not outlive it.
    fn note_expiry(&self, at: Option<Option<DateTime<Utc>>>) {
        if let Some(Some(at)) = at {
            self.horizon
                .fetch_min(at.timestamp_millis(), std::sync::atomic::Ordering::AcqRel);
        }
    }

    /// Reads the soonest expiry to come from the database. Until it runs after an expiry
    /// has passed, the horizon stays in the past and no answer is kept at all.
    pub async fn refresh_expiry_horizon(&self) -> Result<()> {
        let soonest: Option<DateTime<Utc>> = gist::Entity::find()
            .filter(gist::Column::ExpiresAt.gt(Utc::now()))
            .select_only()
            .column_as(gist::Column::ExpiresAt.min(), "soonest")
            .into_tuple::<Option<DateTime<Utc>>>()
            .one(&self.db)
            .await?
            .flatten();
        self.horizon.store(
            soonest.map_or(i64::MAX, |at| at.timestamp_millis()),
            std::sync::atomic::Ordering::Release,
        );
        Ok(())
    }

    /// How far ahead an expiry may be set (`gist.max-expiry-days`).
    pub fn with_max_expiry_days(mut self, days: u64) -> Self {
        self.max_expiry =
            chrono::Duration::days(Ord::min(i64::try_from(days).unwrap_or(36_500), 36_500));
        self
    }

    /// How far ahead an expiry may be set now: the configured window, shortened where
    /// the database cannot store a later time (see [`crate::db::latest_storable`]).
    pub fn max_expiry(&self) -> chrono::Duration {
        match crate::db::latest_storable(self.db.get_database_backend()) {
            Some(latest) => Ord::min(self.max_expiry, latest - Utc::now()),
            None => self.max_expiry,
        }
    }

    /// The host commits' no-reply addresses name: the external URL's.
    pub fn with_noreply_host(mut self, host: &str) -> Self {
        self.noreply_host = host.into();
        self
    }

    pub fn store(&self) -> &GitStore {
        self.repos.store()
    }

    /// The repositories, as async calls.
    pub fn repos(&self) -> &Repos {
        &self.repos
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The gist's row if `viewer` may see it; `NotFound` otherwise, whether it exists or not.
    pub async fn find(&self, viewer: Option<i64>, id: &str) -> Result<gist::Model> {
        if id.is_empty() || id.len() > 64 {
            return Err(Error::NotFound);
        }
        match gist::Entity::find_by_id(id).one(&self.db).await? {
            Some(g) if access::read(viewer, &g) => Ok(g),
            _ => Err(Error::NotFound),
        }
    }

    /// The gist's row if `actor` owns it. Others get `NotFound`: a write never reveals more
    /// than a read would.
    async fn find_owned(&self, actor: &user::Model, id: &str) -> Result<gist::Model> {
        let gist = self.find(Some(actor.id), id).await?;
        if !access::edit(actor, &gist) {
            return Err(Error::NotFound);
        }
        Ok(gist)
    }

    pub async fn summary(&self, viewer: Option<i64>, id: &str) -> Result<GistSummary> {
        if id.is_empty() || id.len() > 64 {
            return Err(Error::NotFound);
        }
        // The row and its owner in one query: this is on every page and API read.
        let (gist, owner) = match gist::Entity::find_by_id(id)
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?
        {
            Some((g, Some(owner))) if access::read(viewer, &g) => (g, owner),
            _ => return Err(Error::NotFound),
        };
        let files = files_of(&self.db, &gist.id).await?;
        Ok(GistSummary { gist, owner, files })
    }

    /// The gist with its files at the head.
    pub async fn get(&self, viewer: Option<i64>, id: &str) -> Result<GistDetail> {
        self.get_at(viewer, id, None).await
    }

    /// The gist with its files at `rev` (full or abbreviated commit id), or the head.
    pub async fn get_at(
        &self,
        viewer: Option<i64>,
        id: &str,
        rev: Option<&str>,
    ) -> Result<GistDetail> {
        let summary = self.summary(viewer, id).await?;
        let (revision, contents) = match rev {
            None => self.read(id, &summary.gist.head).await?,
            Some(rev) if rev == summary.gist.head => self.read(id, rev).await?,
            Some(rev) => self.read_old(id, rev).await?,
        };
        Ok(GistDetail {
            summary,
            revision,
            contents,
        })
    }

    /// One file of the gist at `rev` (or the head), for raw and download answers: only
    /// that file is copied (from the cache, or its one blob read from git), never the
    /// whole gist.
    pub async fn file_at(
        &self,
        viewer: Option<i64>,
        id: &str,
        rev: Option<&str>,
        name: &str,
    ) -> Result<(GistSummary, String, StoredFile)> {
        let summary = self.summary(viewer, id).await?;
        let head = summary.gist.head.clone();
        let rev = rev.filter(|rev| *rev != head);
        if rev.is_none()
            && let Some(files) = self.cache.files(id, &head)
        {
            let file = files.0.iter().find(|f| f.name == name).cloned();
            return file
                .map(|file| (summary, head, file))
                .ok_or(Error::NotFound);
        }
        let (commit, file) = self
            .repos
            .file(id, Some(rev.unwrap_or(&head)), name)
            .await?;
        Ok((summary, commit, file))
    }

    /// A revision other than the head, asked for by (a prefix of) its id: read from git
    /// each time, because whether it is still part of the gist depends on where the branch
    /// is now (a force push may have cut it out). Not cached for the same reason.
    async fn read_old(&self, id: &str, rev: &str) -> Result<(String, Vec<StoredFile>)> {
        self.repos.files(id, Some(rev)).await
    }

    /// The files of the head commit `rev`, from the cache when it has them.
    async fn read(&self, id: &str, rev: &str) -> Result<(String, Vec<StoredFile>)> {
        if let Some(files) = self.cache.files(id, rev) {
            return Ok((rev.to_owned(), files.0.clone()));
        }
        let (commit, files) = self.repos.files(id, Some(rev)).await?;
        self.cache.keep_files(id, &commit, files.clone());
        Ok((commit, files))
    }

    pub async fn create(&self, owner: &user::Model, new: NewGist) -> Result<GistDetail> {
        self.create_with(owner, new, Settings::default()).await
    }

    /// `create`, with an expiry, a custom URL or comments off from the start.
    pub async fn create_with(
        &self,
        owner: &user::Model,
        new: NewGist,
        settings: Settings,
    ) -> Result<GistDetail> {
        let topics =
            self.check_meta(Some(&new.title), Some(&new.description), Some(&new.topics))?;
        self.check_settings(&settings)?;
        let files = update::new_files(new.files)?;
        let stored = sorted(
            files
                .into_iter()
                .map(|f| StoredFile {
                    name: f.name,
                    content: f.content.into_bytes(),
                })
                .collect(),
        );
        self.limits.check(
            stored
                .iter()
                .map(|f| (f.name.as_str(), f.content.len() as u64)),
        )?;

        let id = new_id();
        let author = author_of(owner, &self.noreply_host);
        let head = self.repos.create(&id, stored.clone(), author, "").await?;
        let mut row = gist::ActiveModel {
            title: Set(new.title.trim().to_owned()),
            description: Set(new.description.trim().to_owned()),
            visibility: Set(new.visibility.as_str().to_owned()),
            topics: Set(topics.clone().unwrap_or_default().join(" ")),
            ..fresh_row(&id, owner.id, &head, Visibility::Unlisted)
        };
        apply_settings(&mut row, &settings);
        let saved = self
            .db
            .write_transaction::<_, gist::Model, DbErr>({
                let (id, stored, topics) = (id.clone(), stored.clone(), topics.unwrap_or_default());
                let (owner_id, slug) = (owner.id, settings.slug.clone().flatten());
                let languages = settings.languages.clone().unwrap_or_default();
                move |tx| {
                    Box::pin(async move {
                        slug_free(tx, owner_id, slug.as_deref(), &id).await?;
                        let saved = row.insert(tx).await?;
                        write_languages(tx, &id, &languages).await?;
                        write_files(tx, &id, &stored).await?;
                        write_topics(tx, &id, &topics).await?;
                        Ok(saved)
                    })
                }
            })
            .await;
        let saved = match saved {
            Ok(saved) => saved,
            Err(e) => {
                // Nothing refers to the new repository: remove it, leave no trace.
                let _ = self.repos.delete(&id).await;
                return Err(slug_taken_or(e, "saving a new gist"));
            }
        };
        let summary = summarize(&self.db, saved).await?;
        self.emit(Event::GistCreated, &summary, Some(owner), None)
            .await;
        Ok(GistDetail {
            summary,
            revision: head,
            contents: stored,
        })
    }

    /// Applies `changes` as one new revision (always exactly one commit).
    pub async fn update(
        &self,
        actor: &user::Model,
        id: &str,
        changes: GistUpdate,
    ) -> Result<GistDetail> {
        self.update_checked(actor, id, None, changes, Settings::default())
            .await
    }

    /// An update that may also change the gist's lifecycle settings, in the same database
    /// transaction. With no content change, no commit is made. `base` as in
    /// [`GistService::update_from`].
    pub async fn update_with(
        &self,
        actor: &user::Model,
        id: &str,
        base: Option<&str>,
        changes: GistUpdate,
        settings: Settings,
    ) -> Result<GistDetail> {
        self.update_checked(actor, id, base, changes, settings)
            .await
    }

    /// An update made from what the gist was at revision `base` (the web editor's form):
    /// refused with `Conflict` if the gist moved on meanwhile (an API edit, a push), so a
    /// file added since is never deleted because an old form did not list it.
    pub async fn update_from(
        &self,
        actor: &user::Model,
        id: &str,
        base: &str,
        changes: GistUpdate,
    ) -> Result<GistDetail> {
        self.update_checked(actor, id, Some(base), changes, Settings::default())
            .await
    }

    async fn update_checked(
        &self,
        actor: &user::Model,
        id: &str,
        base: Option<&str>,
        changes: GistUpdate,
        settings: Settings,
    ) -> Result<GistDetail> {
        let content = changes.title.is_some()
            || changes.description.is_some()
            || changes.files.is_some()
            || changes.topics.is_some()
            || changes.visibility.is_some();
        if !content && settings.is_empty() {
            return Err(Error::Validation(vec![FieldError::new(
                "Gist",
                "files",
                "missing_field",
                "nothing to update: give a description, title or files",
            )]));
        }
        let topics = self.check_meta(
            changes.title.as_deref(),
            changes.description.as_deref(),
            changes.topics.as_ref(),
        )?;
        self.check_settings(&settings)?;

        let _guard = self.locks.lock(id).await?;
        let gist = self.find(Some(actor.id), id).await?;
        access::change(actor, &gist)?;
        if !content {
            return self.save_settings(actor, gist, settings).await;
        }
        let gist = self.caught_up(gist).await?;
        if base.is_some_and(|base| base != gist.head) {
            return Err(Error::Conflict(
                "this gist changed since you opened the editor (an edit or a push elsewhere): \
                 nothing was saved. Keep a copy of your changes, reload, and apply them again"
                    .into(),
            ));
        }
        let (_, current) = self.read(id, &gist.head).await?;
        let files = match &changes.files {
            None => current,
            Some(file_changes) => {
                let names: Vec<String> = current.iter().map(|f| f.name.clone()).collect();
                let plan = update::apply(&names, file_changes)?;
                let mut by_name: std::collections::HashMap<String, Vec<u8>> =
                    current.into_iter().map(|f| (f.name, f.content)).collect();
                sorted(
                    plan.into_iter()
                        .map(|p| {
                            let content = match p.source {
                                FileSource::Kept(old) => by_name.remove(&old).unwrap_or_default(),
                                FileSource::Content(text) => text.into_bytes(),
                            };
                            StoredFile {
                                name: p.name,
                                content,
                            }
                        })
                        .collect(),
                )
            }
        };
        self.limits.check(
            files
                .iter()
                .map(|f| (f.name.as_str(), f.content.len() as u64)),
        )?;

        let old_head = gist.head.clone();
        let author = author_of(actor, &self.noreply_host);
        let new_head = self
            .repos
            .commit(id, &old_head, files.clone(), author, "")
            .await?;

        let mut row: gist::ActiveModel = gist.clone().into();
        if let Some(title) = &changes.title {
            row.title = Set(title.trim().to_owned());
        }
        if let Some(description) = &changes.description {
            row.description = Set(description.trim().to_owned());
        }
        if let Some(visibility) = changes.visibility {
            row.visibility = Set(visibility.as_str().to_owned());
        }
        if let Some(topics) = &topics {
            row.topics = Set(topics.join(" "));
        }
        row.head = Set(new_head.clone());
        row.updated_at = Set(Utc::now());
        apply_settings(&mut row, &settings);

        let saved = self
            .db
            .write_transaction::<_, Option<gist::Model>, DbErr>({
                let (id, files, old_head) = (id.to_owned(), files.clone(), old_head.clone());
                let (owner_id, slug) = (actor.id, settings.slug.clone().flatten());
                let languages = settings.languages.clone().unwrap_or_default();
                move |tx| {
                    Box::pin(async move {
                        slug_free(tx, owner_id, slug.as_deref(), &id).await?;
                        // Guarded by the old head: another server instance may have moved it.
                        let moved = gist::Entity::update_many()
                            .set(row)
                            .filter(gist::Column::Id.eq(&id))
                            .filter(gist::Column::Head.eq(&old_head))
                            .exec(tx)
                            .await?;
                        if moved.rows_affected == 0 {
                            return Ok(None);
                        }
                        write_languages(tx, &id, &languages).await?;
                        write_files(tx, &id, &files).await?;
                        if let Some(topics) = topics {
                            write_topics(tx, &id, &topics).await?;
                        }
                        gist::Entity::find_by_id(id.as_str()).one(tx).await
                    })
                }
            })
            .await;
        let saved = match saved {
            Ok(Some(saved)) => saved,
            failed => {
                self.repos.reset(id, &new_head, &old_head).await?;
                return Err(match failed {
                    Ok(_) => Error::Conflict(
                        "the gist was changed by someone else meanwhile; reload and try again"
                            .into(),
                    ),
                    Err(e) => slug_taken_or(e, "saving a gist update"),
                });
            }
        };
        let summary = summarize(&self.db, saved).await?;
        self.emit(Event::GistUpdated, &summary, Some(actor), None)
            .await;
        Ok(GistDetail {
            summary,
            revision: new_head,
            contents: files,
        })
    }

    /// Checks settings before anything is written: the slug's shape and the expiry's
    /// bounds (uniqueness is checked in the write's transaction).
    fn check_settings(&self, settings: &Settings) -> Result<()> {
        self.note_expiry(settings.expires_at);
        let mut errors = Vec::new();
        if let Some(Some(slug)) = &settings.slug
            && let Err(e) = validate_slug(slug)
        {
            errors.push(e);
        }
        if let Some(Some(at)) = settings.expires_at
            && let Err(e) = check_expiry(at, Utc::now(), self.max_expiry())
        {
            errors.push(e);
        }
        for (name, language) in settings.languages.iter().flatten() {
            if let Some(language) = language
                && known_language(language).is_none()
            {
                errors.push(FieldError::new(
                    "Gist",
                    "language",
                    "invalid",
                    format!("{name}: {language:?} is not a language this server knows"),
                ));
            }
        }
        validation(errors)
    }

    /// A settings-only change: the row alone, no commit. The caller holds the lock and
    /// checked `access::change`.
    async fn save_settings(
        &self,
        actor: &user::Model,
        gist: gist::Model,
        settings: Settings,
    ) -> Result<GistDetail> {
        let id = gist.id.clone();
        let mut row: gist::ActiveModel = gist.into();
        apply_settings(&mut row, &settings);
        row.updated_at = Set(Utc::now());
        let (owner_id, slug) = (actor.id, settings.slug.clone().flatten());
        let languages = settings.languages.clone();
        self.db
            .write_transaction::<_, (), DbErr>({
                let id = id.clone();
                move |tx| {
                    Box::pin(async move {
                        slug_free(tx, owner_id, slug.as_deref(), &id).await?;
                        row.update(tx).await?;
                        if let Some(languages) = &languages {
                            write_languages(tx, &id, languages).await?;
                            relabel_files(tx, &id).await?;
                        }
                        Ok(())
                    })
                }
            })
            .await
            .map_err(|e| slug_taken_or(e, "saving a gist's settings"))?;
        self.get(Some(actor.id), &id).await
    }

    /// Archives (read-only) or unarchives the gist. Only its owner may; the one write an
    /// archived gist takes besides deletion.
    pub async fn set_archived(
        &self,
        actor: &user::Model,
        id: &str,
        archived: bool,
    ) -> Result<GistSummary> {
        let _guard = self.locks.lock(id).await?;
        let gist = self.find_owned(actor, id).await?;
        if gist.archived != archived {
            gist::Entity::update_many()
                .col_expr(gist::Column::Archived, Expr::value(archived))
                .filter(gist::Column::Id.eq(id))
                .exec(&self.db)
                .await?;
        }
        self.summary(Some(actor.id), id).await
    }

    /// Pins these of the actor's gists to their profile, in this order (at most
    /// [`PINNED_MAX`], each their own and public); every other gist of theirs is unpinned.
    pub async fn set_pins(&self, actor: &user::Model, ids: &[String]) -> Result<()> {
        if ids.len() > PINNED_MAX {
            return Err(Error::Validation(vec![FieldError::new(
                "Gist",
                "pinned",
                "invalid",
                format!("at most {PINNED_MAX} gists can be pinned"),
            )]));
        }
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].contains(id) {
                return Err(Error::Validation(vec![FieldError::new(
                    "Gist",
                    "pinned",
                    "invalid",
                    format!("gist {id} is listed twice"),
                )]));
            }
            let gist = self.find(Some(actor.id), id).await?;
            if !access::pin(actor, &gist) {
                return Err(Error::Validation(vec![FieldError::new(
                    "Gist",
                    "pinned",
                    "invalid",
                    format!("gist {id} is not one of your public gists"),
                )]));
            }
        }
        let (owner, ids) = (actor.id, ids.to_vec());
        self.db
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    gist::Entity::update_many()
                        .col_expr(gist::Column::Pinned, Expr::value(Option::<i32>::None))
                        .filter(gist::Column::OwnerId.eq(owner))
                        .filter(gist::Column::Pinned.is_not_null())
                        .exec(tx)
                        .await?;
                    for (position, id) in ids.iter().enumerate() {
                        gist::Entity::update_many()
                            .col_expr(gist::Column::Pinned, Expr::value(position as i32 + 1))
                            .filter(gist::Column::Id.eq(id))
                            .filter(gist::Column::OwnerId.eq(owner))
                            .exec(tx)
                            .await?;
                    }
                    Ok(())
                })
            })
            .await
            .map_err(|e| Error::internal("saving pinned gists", e))
    }

    /// The gists `owner_id` pinned, in their order, as `viewer` may see them: a pinned
    /// gist made private or expired since drops out.
    pub async fn pinned(&self, owner_id: i64, viewer: Option<i64>) -> Result<Vec<GistSummary>> {
        let gists = gist::Entity::find()
            .filter(gist::Column::OwnerId.eq(owner_id))
            .filter(gist::Column::Pinned.is_not_null())
            .filter(access::listable(viewer))
            .filter(gist::Column::Visibility.eq(Visibility::Public.as_str()))
            .order_by_asc(gist::Column::Pinned)
            .limit(PINNED_MAX as u64)
            .all(&self.db)
            .await?;
        super::listing::attach(&self.db, gists).await
    }

    /// The id a URL's gist segment names under `owner`: the segment itself when it has an
    /// id's shape, else the gist of that owner whose custom URL it is. Access is decided
    /// afterwards, on the id, like any other read: this only translates.
    pub async fn id_for(&self, owner: &str, key: &str) -> Result<String> {
        if crate::route::is_gist_id(key) {
            return Ok(key.to_ascii_lowercase());
        }
        if validate_slug(key).is_err() {
            return Err(Error::NotFound);
        }
        let found = gist::Entity::find()
            .inner_join(user::Entity)
            .filter(user::Column::UsernameLower.eq(owner.to_lowercase()))
            .filter(gist::Column::SlugKey.eq(slug_key(key)))
            .one(&self.db)
            .await?;
        found.map(|g| g.id).ok_or(Error::NotFound)
    }

    /// The gist a URL names (its owner's name when the URL has one, and an id or custom
    /// URL) if `viewer` may read it; `NotFound` otherwise, whatever the reason.
    pub async fn find_named(
        &self,
        viewer: Option<i64>,
        owner: Option<&str>,
        key: &str,
    ) -> Result<GistSummary> {
        let id = match owner {
            Some(owner) => self.id_for(owner, key).await?,
            None if crate::route::is_gist_id(key) => key.to_ascii_lowercase(),
            None => return Err(Error::NotFound),
        };
        let summary = self.summary(viewer, &id).await?;
        if let Some(owner) = owner {
            summary.named(owner)?;
        }
        Ok(summary)
    }

    /// Deletes every gist whose expiry has passed (row, repository, and through the
    /// search job its index entry), each under its lock. Returns the ids deleted.
    pub async fn delete_expired(&self) -> Result<Vec<String>> {
        let due: Vec<String> = gist::Entity::find()
            .filter(gist::Column::ExpiresAt.lte(Utc::now()))
            .select_only()
            .column(gist::Column::Id)
            .limit(500)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut deleted = Vec::new();
        for id in due {
            let _guard = self.locks.lock(&id).await?;
            // Read again under the lock: its owner may have moved the expiry meanwhile.
            let Some(gist) = gist::Entity::find_by_id(id.as_str()).one(&self.db).await? else {
                continue;
            };
            if !expired(gist.expires_at, Utc::now()) {
                continue;
            }
            match self.remove(gist, None).await {
                Ok(()) => {
                    tracing::info!(gist = %id, "deleted an expired gist");
                    deleted.push(id);
                }
                // Left for the next round; the gist answers 404 meanwhile all the same.
                Err(e) => {
                    tracing::warn!(gist = %id, error = %e, "cannot delete an expired gist yet")
                }
            }
        }
        Ok(deleted)
    }

    pub async fn delete(&self, actor: &user::Model, id: &str) -> Result<()> {
        let _guard = self.locks.lock(id).await?;
        let gist = self.find_owned(actor, id).await?;
        self.remove(gist, Some(actor)).await
    }

    /// An admin's delete: any gist, whoever owns it and whatever its visibility. The caller
    /// checked the admin flag.
    pub async fn delete_as_admin(&self, id: &str) -> Result<()> {
        let _guard = self.locks.lock(id).await?;
        let gist = gist::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)?;
        self.remove(gist, None).await
    }

    /// Deletes the row, then the repository. The caller holds the gist's lock.
    async fn remove(&self, gist: gist::Model, actor: Option<&user::Model>) -> Result<()> {
        let id = gist.id.clone();
        // What the event will show, read while the rows exist.
        let before = match &self.webhooks {
            Some(_) => Some(summarize(&self.db, gist.clone()).await?),
            None => None,
        };
        self.db
            .write_transaction::<_, (), DbErr>({
                let gist = gist.clone();
                move |tx| {
                    Box::pin(async move {
                        if let Some(parent) = &gist.fork_of {
                            adjust_count(tx, parent, gist::Column::ForkCount, -1).await?;
                        }
                        gist::Entity::delete_by_id(gist.id.as_str())
                            .exec(tx)
                            .await?;
                        Ok(())
                    })
                }
            })
            .await
            .map_err(|e| Error::internal("deleting a gist", e))?;
        if let Some(before) = &before {
            self.emit(Event::GistDeleted, before, actor, None).await;
        }
        // The row is gone, so nobody reaches the repository any more; a failure here
        // leaves an orphan that fsck moves aside.
        self.repos.delete(&id).await
    }

    /// Forks `id` for `actor`: an independent repository with the full history.
    /// Forking twice returns the existing fork.
    pub async fn fork(&self, actor: &user::Model, id: &str) -> Result<GistDetail> {
        let source = self.find(Some(actor.id), id).await?;
        if !access::fork(actor, &source) {
            return Err(Error::Validation(vec![FieldError::new(
                "Fork",
                "forks",
                "custom",
                "you cannot fork your own gist",
            )]));
        }
        if let Some(existing) = gist::Entity::find()
            .filter(gist::Column::ForkOf.eq(id))
            .filter(gist::Column::OwnerId.eq(actor.id))
            .one(&self.db)
            .await?
        {
            return self.get(Some(actor.id), &existing.id).await;
        }

        let new_id = new_id();
        // Hold the source still while its repository is copied.
        let guard = self.locks.lock(id).await?;
        let source = self.find(Some(actor.id), id).await?;
        self.repos.fork(id, &new_id).await?;
        drop(guard);

        let now = Utc::now();
        let row = gist::ActiveModel {
            id: Set(new_id.clone()),
            owner_id: Set(actor.id),
            title: Set(source.title.clone()),
            description: Set(source.description.clone()),
            visibility: Set(source.visibility.clone()),
            topics: Set(source.topics.clone()),
            fork_of: Set(Some(source.id.clone())),
            star_count: Set(0),
            fork_count: Set(0),
            comment_count: Set(0),
            head: Set(source.head.clone()),
            created_at: Set(now),
            updated_at: Set(now),
            // A fork is its new owner's: none of the source's lifecycle comes along.
            expires_at: Set(None),
            archived: Set(false),
            slug: Set(None),
            slug_key: Set(None),
            comments: Set(Comments::Open.as_str().to_owned()),
            pinned: Set(None),
        };
        let result = self
            .db
            .write_transaction::<_, (), DbErr>({
                let (new_id, source) = (new_id.clone(), source.clone());
                move |tx| {
                    Box::pin(async move {
                        // The counter first: see `adjust_count`.
                        adjust_count(tx, &source.id, gist::Column::ForkCount, 1).await?;
                        row.insert(tx).await?;
                        let files = gist_file::Entity::find()
                            .filter(gist_file::Column::GistId.eq(&source.id))
                            .all(tx)
                            .await?;
                        if !files.is_empty() {
                            gist_file::Entity::insert_many(files.into_iter().map(|f| {
                                gist_file::ActiveModel {
                                    gist_id: Set(new_id.clone()),
                                    ..gist_file::ActiveModel::from(f)
                                }
                            }))
                            .exec(tx)
                            .await?;
                        }
                        let chosen = gist_file_language::Entity::find()
                            .filter(gist_file_language::Column::GistId.eq(&source.id))
                            .all(tx)
                            .await?;
                        if !chosen.is_empty() {
                            gist_file_language::Entity::insert_many(chosen.into_iter().map(|c| {
                                gist_file_language::ActiveModel {
                                    gist_id: Set(new_id.clone()),
                                    ..gist_file_language::ActiveModel::from(c)
                                }
                            }))
                            .exec(tx)
                            .await?;
                        }
                        write_topics(tx, &new_id, &source.topic_list()).await
                    })
                }
            })
            .await;
        if let Err(e) = result {
            let _ = self.repos.delete(&new_id).await;
            return Err(Error::internal("saving a fork", e));
        }
        let fork = self.get(Some(actor.id), &new_id).await?;
        if self.webhooks.is_some() {
            let source = summarize(&self.db, self.find(Some(actor.id), id).await?).await?;
            let forkee = self.event_json(&fork.summary).map(|json| ("forkee", json));
            self.emit(Event::GistForked, &source, Some(actor), forkee)
                .await;
        }
        Ok(fork)
    }

    /// Newest first: one page of commits and the total count.
    pub async fn history(
        &self,
        viewer: Option<i64>,
        id: &str,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<CommitInfo>, u64)> {
        let gist = self.find(viewer, id).await?;
        self.history_of(&gist, page, per_page).await
    }

    /// `history` for a row the caller has already checked the viewer may see.
    pub async fn history_of(
        &self,
        gist: &gist::Model,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<CommitInfo>, u64)> {
        let id = gist.id.as_str();
        let skip =
            usize::try_from(page.saturating_sub(1).saturating_mul(per_page)).unwrap_or(usize::MAX);
        let limit = per_page as usize;
        // The history behind a commit never changes: keyed by the head the row names.
        if let Some(page) = self.cache.history(id, &gist.head, skip, limit) {
            return Ok((page.0.clone(), page.1 as u64));
        }
        let (commits, total) = self
            .repos
            .history_from(id, Some(&gist.head), skip, limit)
            .await?;
        self.cache
            .keep_history(id, &gist.head, skip, limit, History(commits.clone(), total));
        Ok((commits, total as u64))
    }

    /// Newest first: one page of revisions with their file diffs, and the total count.
    pub async fn revisions(
        &self,
        viewer: Option<i64>,
        id: &str,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<RevisionDiff>, u64)> {
        self.find(viewer, id).await?;
        let skip =
            usize::try_from(page.saturating_sub(1).saturating_mul(per_page)).unwrap_or(usize::MAX);
        let budget = crate::store::DiffBudget::default();
        let (revisions, total) = self
            .repos
            .revisions(id, skip, per_page as usize, budget)
            .await?;
        Ok((revisions, total as u64))
    }

    /// The row, brought up to its repository first if a push moved the branch without the
    /// database following (the process died between the two): the repository is the
    /// truth, and an edit must start from it rather than answer 409 forever. The caller
    /// holds the gist's lock.
    async fn caught_up(&self, gist: gist::Model) -> Result<gist::Model> {
        let head = self.repos.head(&gist.id).await?;
        if head == gist.head {
            return Ok(gist);
        }
        tracing::warn!(gist = %gist.id, "the database was behind its repository; catching up");
        self.sync_locked(&gist.id).await?;
        gist::Entity::find_by_id(gist.id.as_str())
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)
    }

    /// The consistency check's repair: resyncs the row from git only if it still says
    /// `seen` (nobody brought it up to date meanwhile).
    pub async fn resync_if_still(&self, id: &str, seen: &str) -> Result<()> {
        let _guard = self.locks.lock(id).await?;
        let row = gist::Entity::find_by_id(id).one(&self.db).await?;
        if row.is_some_and(|row| row.head == seen) {
            self.sync_locked(id).await?;
        }
        Ok(())
    }

    /// Rewrites a gist's file rows (previews, languages, sizes) from its repository with
    /// today's rules, leaving its head and dates alone, and queues it for the search index.
    /// Only when the row describes the repository's head (a gist whose row is behind is
    /// the consistency check's business): returns whether it did.
    pub async fn regenerate(&self, id: &str) -> Result<bool> {
        let _guard = self.locks.lock(id).await?;
        let Some(row) = gist::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(false);
        };
        if !self.store().exists(id) {
            return Ok(false);
        }
        let (head, files) = self.repos.files(id, None).await?;
        if head != row.head {
            return Ok(false);
        }
        let gid = id.to_owned();
        self.db
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    write_files(tx, &gid, &files).await?;
                    let backend = tx.get_database_backend();
                    let sql = match backend {
                        sea_orm::DatabaseBackend::Postgres => {
                            "INSERT INTO search_changes (gist_id) VALUES ($1)"
                        }
                        _ => "INSERT INTO search_changes (gist_id) VALUES (?)",
                    };
                    tx.execute_raw(sea_orm::Statement::from_sql_and_values(
                        backend,
                        sql,
                        [gid.clone().into()],
                    ))
                    .await?;
                    Ok(())
                })
            })
            .await
            .map_err(|e| Error::internal("regenerating a gist's file rows", e))?;
        Ok(true)
    }

    /// Makes the database describe what the repository holds (after a push, or to repair
    /// a crash between the git and the database write). Returns the head it synced to.
    pub async fn sync_from_git(&self, id: &str) -> Result<String> {
        let _guard = self.locks.lock(id).await?;
        self.sync_locked(id).await
    }

    /// Waits for and holds the gist's write lock: a `git push` holds it from receiving the
    /// pack until the database follows, so web and API edits queue behind it.
    pub async fn lock(&self, id: &str) -> Result<super::locks::GistGuard> {
        self.locks.lock(id).await
    }

    /// `sync_from_git` for a caller that holds the lock already.
    pub async fn sync_locked(&self, id: &str) -> Result<String> {
        let (head, files) = self.repos.files(id, None).await?;
        let gid = id.to_owned();
        let synced = head.clone();
        self.db
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    gist::Entity::update_many()
                        .col_expr(gist::Column::Head, Expr::value(head))
                        .col_expr(gist::Column::UpdatedAt, Expr::value(Utc::now()))
                        .filter(gist::Column::Id.eq(&gid))
                        .exec(tx)
                        .await?;
                    write_files(tx, &gid, &files).await
                })
            })
            .await
            .map_err(|e| Error::internal("syncing a gist from git", e))?;
        Ok(synced)
    }

    /// The database follows a push to an existing gist: its head and files, then the
    /// push's `-o` options. The caller holds the gist's lock.
    pub async fn follow_push(&self, id: &str) -> Result<String> {
        let head = self.sync_locked(id).await?;
        self.apply_push_options(id).await?;
        // Only its owner pushes to a gist: the event is theirs.
        if self.webhooks.is_some()
            && let Some(row) = gist::Entity::find_by_id(id).one(&self.db).await?
        {
            let summary = summarize(&self.db, row).await?;
            let owner = summary.owner.clone();
            self.emit(Event::GistUpdated, &summary, Some(&owner), None)
                .await;
        }
        Ok(head)
    }

    /// Applies the `-o` options the post-receive hook left in the repository (already
    /// checked by the pre-receive hook; parsed again here with the same rule). A custom
    /// URL another gist of the owner took meanwhile is left out and logged: the push has
    /// landed and git's answer is already on its way.
    async fn apply_push_options(&self, id: &str) -> Result<()> {
        let file = self.store().path(id).join(crate::store::PUSH_OPTIONS_FILE);
        let Ok(text) = tokio::fs::read_to_string(&file).await else {
            return Ok(());
        };
        let _ = tokio::fs::remove_file(&file).await;
        let options: Vec<String> = text.lines().map(str::to_owned).collect();
        let parsed = match PushOptions::parse(&options, Utc::now(), self.max_expiry()) {
            Ok(parsed) if !parsed.is_empty() => parsed,
            Ok(_) => return Ok(()),
            Err(e) => {
                tracing::warn!(gist = %id, error = %e, "push options refused after the push");
                return Ok(());
            }
        };
        let gist = gist::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)?;
        let settings = Settings {
            expires_at: parsed.expires_at,
            slug: parsed.slug.clone(),
            comments: None,
            languages: None,
        };
        let saved = self.save_push_options(&gist, &parsed, &settings).await;
        match saved {
            Err(Error::Validation(_)) if parsed.slug.is_some() => {
                tracing::warn!(gist = %id, "push option url: the custom URL is taken; left out");
                let settings = Settings {
                    slug: None,
                    ..settings
                };
                self.save_push_options(&gist, &parsed, &settings).await
            }
            other => other,
        }
    }

    async fn save_push_options(
        &self,
        gist: &gist::Model,
        parsed: &PushOptions,
        settings: &Settings,
    ) -> Result<()> {
        let mut row: gist::ActiveModel = gist.clone().into();
        if let Some(title) = &parsed.title {
            row.title = Set(title.clone());
        }
        if let Some(description) = &parsed.description {
            row.description = Set(description.clone());
        }
        if let Some(visibility) = parsed.visibility {
            row.visibility = Set(visibility.as_str().to_owned());
        }
        if let Some(topics) = &parsed.topics {
            row.topics = Set(topics.join(" "));
        }
        apply_settings(&mut row, settings);
        self.note_expiry(settings.expires_at);
        let (id, owner_id) = (gist.id.clone(), gist.owner_id);
        let (topics, slug) = (parsed.topics.clone(), settings.slug.clone().flatten());
        self.db
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    slug_free(tx, owner_id, slug.as_deref(), &id).await?;
                    row.update(tx).await?;
                    if let Some(topics) = topics {
                        write_topics(tx, &id, &topics).await?;
                    }
                    Ok(())
                })
            })
            .await
            .map_err(|e| slug_taken_or(e, "applying push options"))
    }

    /// A fresh id and an empty repository for a push to `/init`.
    pub async fn prepare_pushed_gist(&self) -> Result<(String, std::path::PathBuf)> {
        let id = new_id();
        let path = self.store().incoming_path(&id);
        self.repos.create_empty(&path).await?;
        Ok((id, path))
    }

    /// Turns a repository pushed to `/init` (already checked by the pre-receive hook) into
    /// an unlisted gist of `owner`. On failure nothing remains: not the row, not the files.
    pub async fn adopt_pushed_gist(
        &self,
        owner: &user::Model,
        id: &str,
        pushed: &std::path::Path,
    ) -> Result<GistDetail> {
        if !self.repos.has_branch(pushed).await? {
            let _ = std::fs::remove_dir_all(pushed);
            return Err(Error::BadRequest("nothing was pushed to main".into()));
        }
        self.repos.adopt(id, pushed).await?;
        let read = self.repos.files(id, None).await;
        let result = match read {
            Ok((head, files)) => self.insert_pushed(owner, id, head, files).await,
            Err(e) => Err(e),
        };
        if result.is_err() {
            let _ = self.repos.delete(id).await;
            return result;
        }
        self.apply_push_options(id).await?;
        let made = self.get(Some(owner.id), id).await?;
        self.emit(Event::GistCreated, &made.summary, Some(owner), None)
            .await;
        Ok(made)
    }

    async fn insert_pushed(
        &self,
        owner: &user::Model,
        id: &str,
        head: String,
        files: Vec<StoredFile>,
    ) -> Result<GistDetail> {
        let row = fresh_row(id, owner.id, &head, Visibility::Unlisted);
        let saved = self
            .db
            .write_transaction::<_, gist::Model, DbErr>({
                let (id, files) = (id.to_owned(), files.clone());
                move |tx| {
                    Box::pin(async move {
                        let saved = row.insert(tx).await?;
                        write_files(tx, &id, &files).await?;
                        Ok(saved)
                    })
                }
            })
            .await
            .map_err(|e| Error::internal("saving a pushed gist", e))?;
        let summary = summarize(&self.db, saved).await?;
        Ok(GistDetail {
            summary,
            revision: head,
            contents: files,
        })
    }

    /// Validates title, description and topics; returns the normalised topics.
    fn check_meta(
        &self,
        title: Option<&str>,
        description: Option<&str>,
        topics: Option<&Vec<String>>,
    ) -> Result<Option<Vec<String>>> {
        let mut errors = Vec::new();
        if let Some(Err(e)) = title.map(validate_title) {
            errors.push(e);
        }
        if let Some(Err(e)) = description.map(validate_description) {
            errors.push(e);
        }
        let topics = match topics.map(|t| validate_topics(t)) {
            Some(Err(e)) => {
                errors.push(e);
                None
            }
            Some(Ok(t)) => Some(t),
            None => None,
        };
        validation(errors)?;
        Ok(topics)
    }
}

/// Writes the settings that are `Some` into the row.
fn apply_settings(row: &mut gist::ActiveModel, settings: &Settings) {
    if let Some(expires_at) = settings.expires_at {
        row.expires_at = Set(expires_at);
    }
    if let Some(slug) = &settings.slug {
        row.slug_key = Set(slug.as_deref().map(slug_key));
        row.slug = Set(slug.clone());
    }
    if let Some(comments) = settings.comments {
        row.comments = Set(comments.as_str().to_owned());
    }
}

const SLUG_TAKEN: &str = "slug taken";

/// Inside a write's transaction: no other gist of `owner_id` has this custom URL.
async fn slug_free<C: ConnectionTrait>(
    db: &C,
    owner_id: i64,
    slug: Option<&str>,
    id: &str,
) -> std::result::Result<(), DbErr> {
    let Some(slug) = slug else { return Ok(()) };
    let taken = gist::Entity::find()
        .filter(gist::Column::OwnerId.eq(owner_id))
        .filter(gist::Column::SlugKey.eq(slug_key(slug)))
        .filter(gist::Column::Id.ne(id))
        .one(db)
        .await?;
    match taken {
        Some(_) => Err(DbErr::Custom(SLUG_TAKEN.into())),
        None => Ok(()),
    }
}

/// A write's database error: "that custom URL is taken" (found in the transaction, or by
/// the unique index when two writes raced), or an internal error.
fn slug_taken_or(e: sea_orm::TransactionError<DbErr>, doing: &str) -> Error {
    let taken = match &e {
        sea_orm::TransactionError::Transaction(e) => {
            matches!(e, DbErr::Custom(m) if m == SLUG_TAKEN)
                || matches!(
                    e.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(ref m)) if m.contains("slug")
                )
        }
        sea_orm::TransactionError::Connection(_) => false,
    };
    if taken {
        Error::Validation(vec![FieldError::new(
            "Gist",
            "slug",
            "already_exists",
            "another of your gists already has this custom URL",
        )])
    } else {
        Error::internal(doing, e)
    }
}

/// The row of a gist made just now: untitled, no topics, no stars, forks or comments.
fn fresh_row(id: &str, owner_id: i64, head: &str, visibility: Visibility) -> gist::ActiveModel {
    let now = Utc::now();
    gist::ActiveModel {
        id: Set(id.to_owned()),
        owner_id: Set(owner_id),
        title: Set(String::new()),
        description: Set(String::new()),
        visibility: Set(visibility.as_str().to_owned()),
        topics: Set(String::new()),
        fork_of: Set(None),
        star_count: Set(0),
        fork_count: Set(0),
        comment_count: Set(0),
        head: Set(head.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        expires_at: Set(None),
        archived: Set(false),
        slug: Set(None),
        slug_key: Set(None),
        comments: Set(Comments::Open.as_str().to_owned()),
        pinned: Set(None),
    }
}

/// Git keeps tree entries sorted by name; so do we, everywhere.
fn sorted(mut files: Vec<StoredFile>) -> Vec<StoredFile> {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

pub fn is_binary(content: &[u8]) -> bool {
    content[..content.len().min(8000)].contains(&0) || std::str::from_utf8(content).is_err()
}

fn preview(content: &[u8]) -> String {
    let Ok(text) = std::str::from_utf8(content) else {
        return String::new();
    };
    let mut out = String::new();
    for line in text.lines().take(PREVIEW_LINES) {
        if out.len() + line.len() + 1 > PREVIEW_BYTES {
            let room = PREVIEW_BYTES.saturating_sub(out.len());
            let cut = (0..=room.min(line.len()))
                .rev()
                .find(|i| line.is_char_boundary(*i))
                .unwrap_or(0);
            out.push_str(&line[..cut]);
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Sets or clears the owner's language choices of a gist's files.
async fn write_languages<C: ConnectionTrait>(
    db: &C,
    gist_id: &str,
    languages: &[(String, Option<String>)],
) -> std::result::Result<(), DbErr> {
    for (name, language) in languages {
        gist_file_language::Entity::delete_many()
            .filter(gist_file_language::Column::GistId.eq(gist_id))
            .filter(gist_file_language::Column::Filename.eq(name))
            .exec(db)
            .await?;
        if let Some(language) = language.as_deref().and_then(known_language) {
            gist_file_language::ActiveModel {
                gist_id: Set(gist_id.to_owned()),
                filename: Set(name.clone()),
                language: Set(language.to_owned()),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// The owner's language choices for a gist's files, by file name.
async fn chosen_languages<C: ConnectionTrait>(
    db: &C,
    gist_id: &str,
) -> std::result::Result<std::collections::HashMap<String, String>, DbErr> {
    Ok(gist_file_language::Entity::find()
        .filter(gist_file_language::Column::GistId.eq(gist_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.filename, c.language))
        .collect())
}

/// The file rows' languages again, after the choices changed without a commit.
async fn relabel_files<C: ConnectionTrait>(
    db: &C,
    gist_id: &str,
) -> std::result::Result<(), DbErr> {
    let chosen = chosen_languages(db, gist_id).await?;
    let files = gist_file::Entity::find()
        .filter(gist_file::Column::GistId.eq(gist_id))
        .all(db)
        .await?;
    for file in files {
        let language = effective_language(
            &file.filename,
            chosen.get(&file.filename).map(String::as_str),
        );
        if file.language != language {
            let mut row: gist_file::ActiveModel = file.into();
            row.language = Set(language.to_owned());
            row.update(db).await?;
        }
    }
    Ok(())
}

/// Replaces the file rows of a gist with those of `files`, each with its language (the
/// owner's choice, kept while the file keeps its name, or what the name implies).
async fn write_files<C: ConnectionTrait>(
    db: &C,
    gist_id: &str,
    files: &[StoredFile],
) -> std::result::Result<(), DbErr> {
    gist_file::Entity::delete_many()
        .filter(gist_file::Column::GistId.eq(gist_id))
        .exec(db)
        .await?;
    // A choice for a file that is gone (deleted, renamed) goes too.
    gist_file_language::Entity::delete_many()
        .filter(gist_file_language::Column::GistId.eq(gist_id))
        .filter(
            gist_file_language::Column::Filename.is_not_in(files.iter().map(|f| f.name.as_str())),
        )
        .exec(db)
        .await?;
    if files.is_empty() {
        return Ok(());
    }
    let chosen = chosen_languages(db, gist_id).await?;
    let rows = files.iter().enumerate().map(|(position, file)| {
        let binary = is_binary(&file.content);
        gist_file::ActiveModel {
            gist_id: Set(gist_id.to_owned()),
            filename: Set(file.name.clone()),
            position: Set(position as i32),
            size: Set(file.content.len() as i64),
            language: Set(effective_language(
                &file.name,
                chosen.get(&file.name).map(String::as_str),
            )
            .to_owned()),
            binary: Set(binary),
            preview: Set(if binary {
                String::new()
            } else {
                preview(&file.content)
            }),
        }
    });
    gist_file::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

async fn write_topics<C: ConnectionTrait>(
    db: &C,
    gist_id: &str,
    topics: &[String],
) -> std::result::Result<(), DbErr> {
    gist_topic::Entity::delete_many()
        .filter(gist_topic::Column::GistId.eq(gist_id))
        .exec(db)
        .await?;
    if topics.is_empty() {
        return Ok(());
    }
    gist_topic::Entity::insert_many(topics.iter().map(|t| gist_topic::ActiveModel {
        gist_id: Set(gist_id.to_owned()),
        topic: Set(t.clone()),
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// Adds `by` to one of the gist's counters (stars, forks, comments).
///
/// A transaction that adds a row pointing at the gist (a star, a comment, a fork) calls
/// this *before* the insert. On MySQL/InnoDB the insert's foreign-key check takes a shared
/// lock on the gist row; two transactions holding it would both wait to upgrade it for
/// this update, a deadlock. Taking the exclusive lock first queues them instead.
pub(crate) async fn adjust_count<C: ConnectionTrait>(
    db: &C,
    gist_id: &str,
    column: gist::Column,
    by: i32,
) -> std::result::Result<(), DbErr> {
    gist::Entity::update_many()
        .col_expr(column, Expr::col(column).add(by))
        .filter(gist::Column::Id.eq(gist_id))
        .exec(db)
        .await?;
    Ok(())
}

async fn summarize(db: &DatabaseConnection, gist: gist::Model) -> Result<GistSummary> {
    let owner = user::Entity::find_by_id(gist.owner_id)
        .one(db)
        .await?
        .ok_or_else(|| Error::internal("gist without owner", &gist.id))?;
    let files = files_of(db, &gist.id).await?;
    Ok(GistSummary { gist, owner, files })
}

async fn files_of(db: &DatabaseConnection, id: &str) -> Result<Vec<gist_file::Model>> {
    Ok(gist_file::Entity::find()
        .filter(gist_file::Column::GistId.eq(id))
        .order_by_asc(gist_file::Column::Position)
        .all(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_and_binaries() {
        let text = (1..=20)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let p = preview(text.as_bytes());
        assert_eq!(p.lines().count(), 10);
        assert!(p.starts_with("line 1\n"));
        let long = "é".repeat(2000);
        assert!(preview(long.as_bytes()).len() <= 1000);
        assert!(is_binary(b"a\0b"));
        assert!(is_binary(&[0xff, 0xfe]));
        assert!(!is_binary("héllo".as_bytes()));
    }
}
