//! The full-text index (tantivy), kept in the home directory and fed from the database.
//!
//! Triggers write a row to `search_changes` in every transaction that changes what search
//! sees. The index replays the rows it has not applied — in the background, and before
//! every search — so an answer always reflects every committed write, on every server
//! sharing the database. The last applied row is stored in the index's own commit, so a
//! failure (disk full, a repository unreadable) leaves the rows waiting: it is logged,
//! shown by `/healthz`, and retried, never dropped.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TantivyDocument,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, Term};

use super::query::{Clause, ForkFilter, KeywordField, NumberField, TextField, parse};
use super::tokens::{CodeTokens, phrase_terms, query_terms};
use crate::entities::{gist, gist_file, user};
use crate::error::{Error, Result};
use crate::services::blocking;
use crate::store::GitStore;

/// Bumped when the document shape changes: an index of another version is rebuilt.
const SCHEMA_VERSION: &str = "2";
/// Changes applied per commit.
const BATCH: u64 = 500;
/// Text indexed per file; the rest of a very large file is not searchable.
const MAX_INDEXED_BYTES: usize = 512 * 1024;
/// A missing change number younger than this may belong to a transaction still running
/// (PostgreSQL hands numbers out before commit); older, it was rolled back.
const GAP_PATIENCE: Duration = Duration::from_secs(60);
const WRITER_MEMORY: usize = 15_000_000;
/// Text a result's snippet is looked for in: a match further into a huge file shows the
/// result without a snippet rather than making every search slow.
const SNIPPET_SOURCE_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    db: DatabaseConnection,
    store: GitStore,
    reader: IndexReader,
    fields: Fields,
    writer: Arc<Mutex<IndexWriter>>,
    progress: tokio::sync::Mutex<Progress>,
    health: Mutex<Health>,
    /// Searches running at once: one per core. More only adds threads, each with its own
    /// allocator arena, and makes every search wait for all the others.
    searching: tokio::sync::Semaphore,
}

#[derive(Default)]
struct Progress {
    /// Every change up to this one is in the index.
    applied: i64,
    /// Changes past a gap, already applied.
    seen: BTreeSet<i64>,
    gap_since: Option<(i64, Instant)>,
    /// When the last successful catch-up began: it took in every change committed before.
    caught_up_at: Option<Instant>,
}

/// What `/healthz` reports about the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Health {
    pub last_error: Option<String>,
    pub applied: i64,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    owner: Field,
    owner_id: Field,
    visibility: Field,
    title: Field,
    description: Field,
    filename: Field,
    extension: Field,
    language: Field,
    languages: Field,
    topic: Field,
    content: Field,
    updated: Field,
    created: Field,
    stars: Field,
    forks: Field,
    size: Field,
    /// 1 for a fork, 0 otherwise.
    fork: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let code = TextFieldIndexing::default()
        .set_tokenizer("code")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(code);
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        owner: b.add_text_field("owner", STRING),
        owner_id: b.add_u64_field("owner_id", INDEXED),
        visibility: b.add_text_field("visibility", STRING),
        title: b.add_text_field("title", text.clone()),
        description: b.add_text_field("description", text.clone()),
        filename: b.add_text_field("filename", text.clone()),
        extension: b.add_text_field("extension", STRING),
        language: b.add_text_field("language", STRING),
        languages: b.add_facet_field("languages", FacetOptions::default()),
        topic: b.add_text_field("topic", STRING),
        content: b.add_text_field("content", text.set_stored()),
        updated: b.add_i64_field("updated", INDEXED | FAST),
        created: b.add_i64_field("created", INDEXED),
        stars: b.add_i64_field("stars", INDEXED | FAST),
        forks: b.add_i64_field("forks", INDEXED),
        size: b.add_i64_field("size", INDEXED),
        fork: b.add_u64_field("fork", INDEXED),
    };
    (b.build(), fields)
}

/// The tantivy face of [`CodeTokens`].
#[derive(Clone, Default)]
struct CodeTokenizer;

struct CodeTokenStream<'a> {
    tokens: CodeTokens<'a>,
    token: Token,
}

impl Tokenizer for CodeTokenizer {
    type TokenStream<'a> = CodeTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CodeTokenStream<'a> {
        CodeTokenStream {
            tokens: CodeTokens::new(text),
            token: Token::default(),
        }
    }
}

impl TokenStream for CodeTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((from, to, position)) = self.tokens.next_into(&mut self.token.text) else {
            return false;
        };
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = position;
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SearchSort {
    #[default]
    BestMatch,
    Updated,
    /// Most starred first (GitHub's `sort=stars`).
    Stars,
}

impl SearchSort {
    pub fn parse(value: &str) -> Option<SearchSort> {
        match value {
            "" | "best" | "best-match" | "relevance" => Some(SearchSort::BestMatch),
            "updated" => Some(SearchSort::Updated),
            "stars" => Some(SearchSort::Stars),
            _ => None,
        }
    }
}

pub struct SearchRequest<'a> {
    pub q: &'a str,
    pub viewer: Option<i64>,
    pub sort: SearchSort,
    pub page: u64,
    pub per_page: u64,
    /// Snippets and language counts too: what the web page shows beside the results, and
    /// the API has no place for (together they are most of a search's work).
    pub extras: bool,
}

/// One page of matches: ids in order with an HTML snippet (escaped text, `<b>` around
/// what matched), the number of matches, and the languages among all of them.
#[derive(Debug, Clone)]
pub struct SearchHits {
    pub hits: Vec<(String, String)>,
    pub total: u64,
    pub languages: Vec<(String, u64)>,
}

fn index_error(context: &str, e: impl std::fmt::Display) -> Error {
    Error::internal(context, e)
}

impl SearchIndex {
    /// Opens (or creates) the index in `dir`; an index of an older shape is rebuilt.
    pub fn open(dir: &Path, db: DatabaseConnection, store: GitStore) -> Result<SearchIndex> {
        let (schema, fields) = schema();
        let version_file = dir.join("gistful-version");
        let current = std::fs::read_to_string(&version_file).ok();
        if current.as_deref() != Some(SCHEMA_VERSION) && dir.exists() {
            std::fs::remove_dir_all(dir)
                .map_err(|e| index_error("clearing the search index", e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| index_error("creating the search index", e))?;
        let index = match Index::open_in_dir(dir) {
            Ok(index) => index,
            Err(_) => Index::create_in_dir(dir, schema)
                .map_err(|e| index_error("creating the search index", e))?,
        };
        std::fs::write(&version_file, SCHEMA_VERSION)
            .map_err(|e| index_error("writing the search index version", e))?;
        index.tokenizers().register("code", CodeTokenizer);
        let applied = index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(0);
        let writer = index
            .writer_with_num_threads(1, WRITER_MEMORY)
            .map_err(|e| {
                index_error(
                    "opening the search index for writing (is another server using it?)",
                    e,
                )
            })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error("reading the search index", e))?;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                db,
                store,
                reader,
                fields,
                writer: Arc::new(Mutex::new(writer)),
                progress: tokio::sync::Mutex::new(Progress {
                    applied,
                    ..Default::default()
                }),
                health: Mutex::new(Health {
                    last_error: None,
                    applied,
                }),
                searching: tokio::sync::Semaphore::new(
                    std::thread::available_parallelism().map_or(2, |n| n.get()),
                ),
            }),
        })
    }

    /// Where the index lives by default.
    pub fn default_dir(home: &Path) -> PathBuf {
        home.join("search")
    }

    pub fn health(&self) -> Health {
        self.inner
            .health
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Changes written to the database and not applied here yet. Never waits for a
    /// catch-up under way (`/healthz` asks, and must answer at once): it counts from what
    /// the last finished batch applied.
    pub async fn pending(&self) -> Result<i64> {
        let applied = self.health().applied;
        let row = self
            .inner
            .db
            .query_one_raw(Statement::from_sql_and_values(
                self.inner.db.get_database_backend(),
                format!(
                    "SELECT COUNT(*) AS n FROM search_changes WHERE seq > {}",
                    param(&self.inner.db)
                ),
                [applied.into()],
            ))
            .await?;
        Ok(row
            .and_then(|r| r.try_get::<i64>("", "n").ok())
            .unwrap_or(0))
    }

    /// Applies every change not applied yet; returns how many gists were re-indexed.
    /// A failure is recorded for `/healthz` and the changes stay queued for the next call.
    pub async fn catch_up(&self) -> Result<usize> {
        self.catch_up_with(|_, _| {}).await
    }

    /// As [`catch_up`](Self::catch_up), telling `progress(done, pending)` after each batch.
    pub async fn catch_up_with(&self, mut report: impl FnMut(usize, i64)) -> Result<usize> {
        let mut progress = self.inner.progress.lock().await;
        self.catch_up_locked(&mut progress, &mut report).await
    }

    /// Makes sure every change committed before `asked` is in the index. A catch-up that
    /// began after `asked` already did that, so searches arriving together share one
    /// look at the database instead of queueing one each.
    async fn catch_up_since(&self, asked: Instant) -> Result<()> {
        let mut progress = self.inner.progress.lock().await;
        if progress.caught_up_at.is_some_and(|at| at >= asked) {
            return Ok(());
        }
        self.catch_up_locked(&mut progress, &mut |_, _| {})
            .await
            .map(drop)
    }

    async fn catch_up_locked(
        &self,
        progress: &mut Progress,
        report: &mut impl FnMut(usize, i64),
    ) -> Result<usize> {
        let began = Instant::now();
        let result = self.apply_pending(progress, report).await;
        let mut health = self.inner.health.lock().unwrap_or_else(|p| p.into_inner());
        match &result {
            Ok(_) => {
                health.last_error = None;
                progress.caught_up_at = Some(began);
            }
            Err(e) => {
                tracing::error!("search index update failed, will retry: {e}");
                health.last_error = Some(e.to_string());
            }
        }
        result
    }

    async fn apply_pending(
        &self,
        progress: &mut Progress,
        report: &mut impl FnMut(usize, i64),
    ) -> Result<usize> {
        let inner = &self.inner;
        let mut indexed = 0;
        loop {
            let rows = inner
                .db
                .query_all_raw(Statement::from_sql_and_values(
                    inner.db.get_database_backend(),
                    format!(
                        "SELECT seq, gist_id FROM search_changes WHERE seq > {} ORDER BY seq LIMIT {BATCH}",
                        param(&inner.db)
                    ),
                    [progress.applied.into()],
                ))
                .await?;
            let changes: Vec<(i64, String)> = rows
                .iter()
                .filter_map(|r| Some((r.try_get("", "seq").ok()?, r.try_get("", "gist_id").ok()?)))
                .collect();
            let fresh: Vec<&(i64, String)> = changes
                .iter()
                .filter(|(seq, _)| !progress.seen.contains(seq))
                .collect();
            if fresh.is_empty() {
                break;
            }
            let mut ids: Vec<String> = fresh.iter().map(|(_, id)| id.clone()).collect();
            ids.sort();
            ids.dedup();
            let documents = self.documents(&ids).await?;
            let applied = advance(progress, &changes);
            let writer = inner.writer.clone();
            let fields = inner.fields;
            let count = ids.len();
            blocking(move || -> Result<()> {
                let mut writer = writer.lock().unwrap_or_else(|p| p.into_inner());
                for id in &ids {
                    writer.delete_term(Term::from_field_text(fields.id, id));
                }
                for doc in documents {
                    writer
                        .add_document(doc)
                        .map_err(|e| index_error("adding to the search index", e))?;
                }
                commit_at(&mut writer, applied)
            })
            .await??;
            inner
                .reader
                .reload()
                .map_err(|e| index_error("reloading the search index", e))?;
            for (seq, _) in &changes {
                if *seq > applied {
                    progress.seen.insert(*seq);
                }
            }
            progress.applied = applied;
            progress.seen.retain(|seq| *seq > applied);
            indexed += count;
            inner
                .health
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .applied = applied;
            report(indexed, changes.len() as i64);
            if (changes.len() as u64) < BATCH {
                break;
            }
        }
        Ok(indexed)
    }

    /// The documents for `ids` as the database and repositories have them now; a gist
    /// that no longer exists has none (its old document is only deleted).
    async fn documents(&self, ids: &[String]) -> Result<Vec<TantivyDocument>> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        let db = &self.inner.db;
        let gists = gist::Entity::find()
            .filter(gist::Column::Id.is_in(ids.to_vec()))
            .all(db)
            .await?;
        let owners: HashMap<i64, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(gists.iter().map(|g| g.owner_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.username.to_lowercase()))
            .collect();
        let mut languages: HashMap<String, Vec<gist_file::Model>> = HashMap::new();
        for file in gist_file::Entity::find()
            .filter(gist_file::Column::GistId.is_in(ids.to_vec()))
            .order_by_asc(gist_file::Column::Position)
            .all(db)
            .await?
        {
            languages
                .entry(file.gist_id.clone())
                .or_default()
                .push(file);
        }
        let store = self.inner.store.clone();
        let fields = self.inner.fields;
        blocking(move || {
            gists
                .into_iter()
                .map(|gist| {
                    let owner = owners.get(&gist.owner_id).cloned().unwrap_or_default();
                    let files = languages.remove(&gist.id).unwrap_or_default();
                    // A repository that cannot be read is an error, not an empty gist:
                    // the change stays queued.
                    let (_, contents) = store.files(&gist.id, Some(&gist.head))?;
                    Ok(document(fields, &gist, &owner, &files, &contents))
                })
                .collect::<Result<Vec<_>>>()
        })
        .await?
    }

    /// Runs a query for `request.viewer`: public gists and their own, nothing else.
    pub async fn search(&self, request: SearchRequest<'_>) -> Result<SearchHits> {
        let asked = Instant::now();
        let clauses = parse(request.q)?;
        // Never stale: whatever was committed before this search is in its answer.
        self.catch_up_since(asked).await?;
        let query = self.query(&clauses, request.viewer).ok_or_else(|| {
            Error::invalid(
                "Search",
                "q",
                format!("{:?} has no words to search for", request.q.trim()),
            )
        })?;
        let inner = self.inner.clone();
        let (sort, page, per_page, extras) = (
            request.sort,
            request.page.max(1),
            request.per_page,
            request.extras,
        );
        let _turn = self
            .inner
            .searching
            .acquire()
            .await
            .map_err(|e| index_error("waiting to search", e))?;
        blocking(move || inner.run(query, sort, page, per_page, extras)).await?
    }

    /// `None` when no clause has anything to look for (only punctuation).
    fn query(&self, clauses: &[Clause], viewer: Option<i64>) -> Option<Box<dyn Query>> {
        let f = self.inner.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = clauses
            .iter()
            .filter_map(|clause| match clause {
                Clause::Not(inner) => clause_query(f, inner).map(|q| (Occur::MustNot, q)),
                clause => clause_query(f, clause).map(|q| (Occur::Must, q)),
            })
            .collect();
        if must.is_empty() {
            return None;
        }
        let mut visible: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Should, term(f.visibility, "public"))];
        if let Some(viewer) = viewer.and_then(|v| u64::try_from(v).ok()) {
            visible.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.owner_id, viewer),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(visible))));
        Some(Box::new(BooleanQuery::new(must)))
    }

    /// Empties the index and queues every gist again; the caller then catches up.
    pub async fn rebuild(&self) -> Result<()> {
        let mut progress = self.inner.progress.lock().await;
        let backend = self.inner.db.get_database_backend();
        let max = self
            .inner
            .db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT COALESCE(MAX(seq), 0) AS n FROM search_changes",
            ))
            .await?
            .and_then(|r| r.try_get::<i64>("", "n").ok())
            .unwrap_or(0);
        let writer = self.inner.writer.clone();
        blocking(move || -> Result<()> {
            let mut writer = writer.lock().unwrap_or_else(|p| p.into_inner());
            writer
                .delete_all_documents()
                .map_err(|e| index_error("clearing the search index", e))?;
            commit_at(&mut writer, max)
        })
        .await??;
        *progress = Progress {
            applied: max,
            ..Default::default()
        };
        self.inner
            .health
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .applied = max;
        self.inner
            .db
            .execute_unprepared(
                "INSERT INTO search_changes (gist_id) SELECT id FROM gists ORDER BY created_at",
            )
            .await?;
        self.inner
            .reader
            .reload()
            .map_err(|e| index_error("reloading the search index", e))?;
        Ok(())
    }

    /// Documents in the index (for tests and the admin page).
    pub fn documents_count(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }
}

/// Commits what the writer holds, recording `applied` (the last change it covers) in the
/// commit itself, so the index and its progress can never disagree after a crash.
fn commit_at(writer: &mut IndexWriter, applied: i64) -> Result<()> {
    let fail = |e| index_error("committing the search index", e);
    let mut commit = writer.prepare_commit().map_err(fail)?;
    commit.set_payload(&applied.to_string());
    commit.commit().map_err(fail)?;
    Ok(())
}

/// The first positional parameter in this database's dialect.
fn param(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Postgres => "$1",
        _ => "?",
    }
}

/// The highest change number such that every change up to it has been seen, waiting at a
/// gap until it is old enough to be a rollback.
fn advance(progress: &mut Progress, changes: &[(i64, String)]) -> i64 {
    let mut applied = progress.applied;
    for (seq, _) in changes {
        if *seq == applied + 1 || progress.seen.contains(seq) {
            applied = *seq;
            continue;
        }
        let gap = applied + 1;
        match progress.gap_since {
            Some((at, since)) if at == gap && since.elapsed() > GAP_PATIENCE => {
                progress.gap_since = None;
                applied = *seq;
            }
            Some((at, _)) if at == gap => break,
            _ => {
                progress.gap_since = Some((gap, Instant::now()));
                break;
            }
        }
    }
    applied
}

impl Inner {
    fn run(
        &self,
        query: Box<dyn Query>,
        sort: SearchSort,
        page: u64,
        per_page: u64,
        extras: bool,
    ) -> Result<SearchHits> {
        let searcher = self.reader.searcher();
        let offset = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
        let limit = usize::try_from(per_page).unwrap_or(30).max(1);
        let facets = extras.then(|| {
            let mut facets = FacetCollector::for_field("languages");
            facets.add_facet("/");
            facets
        });
        let fail = |e: tantivy::TantivyError| index_error("searching", e);
        // The collector keeps offset + limit entries: a page past every document in the
        // index cannot hold a match, so it is only counted (bounded work for any `page`).
        if u64::try_from(offset).unwrap_or(u64::MAX) >= searcher.num_docs() {
            let total = searcher.search(&*query, &Count).map_err(fail)?;
            return Ok(SearchHits {
                hits: Vec::new(),
                total: total as u64,
                languages: Vec::new(),
            });
        }
        let top = TopDocs::with_limit(limit).and_offset(offset);
        let (addresses, total, facet_counts): (Vec<DocAddress>, usize, _) = match sort {
            SearchSort::BestMatch => {
                let (top, total, facets) = searcher
                    .search(&*query, &(top.order_by_score(), Count, facets))
                    .map_err(fail)?;
                (top.into_iter().map(|(_, a)| a).collect(), total, facets)
            }
            SearchSort::Updated | SearchSort::Stars => {
                let field = if sort == SearchSort::Stars {
                    "stars"
                } else {
                    "updated"
                };
                let (top, total, facets) = searcher
                    .search(
                        &*query,
                        &(
                            top.order_by_fast_field::<i64>(field, Order::Desc),
                            Count,
                            facets,
                        ),
                    )
                    .map_err(fail)?;
                (top.into_iter().map(|(_, a)| a).collect(), total, facets)
            }
        };
        let snippets = extras
            .then(|| {
                let mut snippets =
                    SnippetGenerator::create(&searcher, &*query, self.fields.content)?;
                snippets.set_max_num_chars(240);
                Ok(snippets)
            })
            .transpose()
            .map_err(fail)?;
        let mut source = String::new();
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
            let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) else {
                continue;
            };
            let snippet = match &snippets {
                Some(snippets) => {
                    snippet_source(&doc, self.fields.content, &mut source);
                    snippets.snippet(&source).to_html()
                }
                None => String::new(),
            };
            hits.push((id.to_owned(), snippet));
        }
        let mut languages: Vec<(String, u64)> = facet_counts
            .iter()
            .flat_map(|counts| counts.get("/"))
            .filter_map(|(facet, count)| {
                facet
                    .to_path()
                    .last()
                    .map(|name| ((*name).to_owned(), count))
            })
            .collect();
        languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(SearchHits {
            hits,
            total: total as u64,
            languages,
        })
    }
}

/// The text a snippet is cut from: the gist's files, joined, up to [`SNIPPET_SOURCE_BYTES`]
/// (the snippet tokenises all of it, for each result shown).
fn snippet_source(doc: &TantivyDocument, field: Field, out: &mut String) {
    out.clear();
    for text in doc.get_all(field).filter_map(|v| v.as_str()) {
        if !out.is_empty() {
            out.push(' ');
        }
        let room = SNIPPET_SOURCE_BYTES.saturating_sub(out.len());
        out.push_str(&text[..text.floor_char_boundary(room.min(text.len()))]);
        if out.len() >= SNIPPET_SOURCE_BYTES {
            break;
        }
    }
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A word in one field: the whole compound, or its parts in order.
fn word_in(field: Field, whole: &Option<String>, parts: &[String]) -> Box<dyn Query> {
    let phrase = |parts: &[String]| -> Box<dyn Query> {
        match parts {
            [one] => term(field, one),
            _ => Box::new(PhraseQuery::new(
                parts
                    .iter()
                    .map(|p| Term::from_field_text(field, p))
                    .collect(),
            )),
        }
    };
    match whole {
        Some(whole) => Box::new(BooleanQuery::new(vec![
            (Occur::Should, term(field, whole)),
            (Occur::Should, phrase(parts)),
        ])),
        None => phrase(parts),
    }
}

/// Gists whose `field` lies within `range` (inclusive).
fn range(field: Field, range: super::query::Range) -> Box<dyn Query> {
    use std::ops::Bound;
    let bound = |v: Option<i64>| match v {
        Some(v) => Bound::Included(Term::from_field_i64(field, v)),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(bound(range.min), bound(range.max)))
}

fn clause_query(f: Fields, clause: &Clause) -> Option<Box<dyn Query>> {
    match clause {
        // Negation is the caller's to place (a `MustNot`); doubly negated, it is positive.
        Clause::Not(inner) => match &**inner {
            Clause::Not(positive) => clause_query(f, positive),
            inner => {
                let negative = clause_query(f, inner)?;
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(tantivy::query::AllQuery)),
                    (Occur::MustNot, negative),
                ])))
            }
        },
        Clause::Number(field, r) => Some(range(
            match field {
                NumberField::Stars => f.stars,
                NumberField::Forks => f.forks,
                NumberField::Size => f.size,
                NumberField::Created => f.created,
                NumberField::Updated => f.updated,
            },
            *r,
        )),
        Clause::Fork(filter) => Some(Box::new(TermQuery::new(
            Term::from_field_u64(f.fork, u64::from(*filter == ForkFilter::Only)),
            IndexRecordOption::Basic,
        ))),
        Clause::Keyword(field, value) => {
            let field = match field {
                KeywordField::User => f.owner,
                KeywordField::Extension => f.extension,
                KeywordField::Language => f.language,
                KeywordField::Topic => f.topic,
            };
            Some(term(field, value))
        }
        Clause::Text {
            field,
            text,
            phrase,
        } => {
            let targets: Vec<(Field, f32)> = match field {
                None => vec![
                    (f.title, 3.0),
                    (f.filename, 2.0),
                    (f.description, 2.0),
                    (f.content, 1.0),
                ],
                Some(TextField::Title) => vec![(f.title, 1.0)],
                Some(TextField::Description) => vec![(f.description, 1.0)],
                Some(TextField::Filename) => vec![(f.filename, 1.0)],
            };
            let (whole, parts) = if *phrase {
                (None, phrase_terms(text))
            } else {
                query_terms(text)
            };
            if parts.is_empty() {
                return None;
            }
            let per_field = targets
                .into_iter()
                .map(|(field, boost)| {
                    let q = word_in(field, &whole, &parts);
                    let q: Box<dyn Query> = Box::new(BoostQuery::new(q, boost));
                    (Occur::Should, q)
                })
                .collect();
            Some(Box::new(BooleanQuery::new(per_field)))
        }
    }
}

fn document(
    f: Fields,
    gist: &gist::Model,
    owner: &str,
    files: &[gist_file::Model],
    contents: &[crate::store::StoredFile],
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &gist.id);
    doc.add_text(f.owner, owner);
    doc.add_u64(f.owner_id, u64::try_from(gist.owner_id).unwrap_or_default());
    doc.add_text(f.visibility, &gist.visibility);
    doc.add_text(f.title, &gist.title);
    doc.add_text(f.description, &gist.description);
    for topic in gist.topic_list() {
        doc.add_text(f.topic, topic.to_lowercase());
    }
    let mut seen_languages = BTreeSet::new();
    for file in files {
        doc.add_text(f.filename, &file.filename);
        if let Some((_, extension)) = file.filename.rsplit_once('.')
            && !extension.is_empty()
        {
            doc.add_text(f.extension, extension.to_lowercase());
        }
        if !file.language.is_empty() && seen_languages.insert(file.language.clone()) {
            doc.add_text(f.language, file.language.to_lowercase());
            doc.add_facet(
                f.languages,
                tantivy::schema::Facet::from_path([file.language.as_str()]),
            );
        }
    }
    for file in contents {
        if crate::services::gists::is_binary(&file.content) {
            continue;
        }
        let text =
            String::from_utf8_lossy(&file.content[..file.content.len().min(MAX_INDEXED_BYTES)]);
        doc.add_text(f.content, text);
    }
    doc.add_i64(f.updated, gist.updated_at.timestamp());
    doc.add_i64(f.created, gist.created_at.timestamp());
    doc.add_i64(f.stars, i64::from(gist.star_count));
    doc.add_i64(f.forks, i64::from(gist.fork_count));
    doc.add_i64(f.size, files.iter().map(|file| file.size).sum());
    doc.add_u64(f.fork, u64::from(gist.fork_of.is_some()));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(seqs: &[i64]) -> Vec<(i64, String)> {
        seqs.iter().map(|s| (*s, "g".to_owned())).collect()
    }

    #[test]
    fn progress_waits_at_a_gap_until_it_is_a_rollback() {
        let mut progress = Progress::default();
        assert_eq!(advance(&mut progress, &changes(&[1, 2, 3])), 3);
        progress.applied = 3;
        // 4 is still being written by a transaction that has not committed.
        assert_eq!(advance(&mut progress, &changes(&[5, 6])), 3);
        progress.seen.extend([5, 6]);
        assert_eq!(advance(&mut progress, &changes(&[4, 5, 6])), 6, "4 arrived");
        progress.applied = 6;
        progress.seen.clear();
        assert_eq!(advance(&mut progress, &changes(&[8])), 6);
        let (gap, _) = progress.gap_since.unwrap();
        progress.gap_since = Some((gap, Instant::now() - GAP_PATIENCE - Duration::from_secs(1)));
        assert_eq!(
            advance(&mut progress, &changes(&[8])),
            8,
            "7 was rolled back"
        );
    }
}
