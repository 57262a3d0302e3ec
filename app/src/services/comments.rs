//! Comments on gists (Markdown bodies), counted on the gist row.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::gists::{GistService, adjust_count};
use super::listing::Page;
use crate::access;
use crate::db::WriteTransaction;
use crate::entities::{comment, gist, user};
use crate::error::{Error, FieldError, Result};

pub const BODY_MAX: usize = 65_536;

/// A comment and its author.
#[derive(Debug, Clone)]
pub struct CommentView {
    pub comment: comment::Model,
    pub author: user::Model,
}

#[derive(Clone)]
pub struct CommentService {
    gists: GistService,
}

fn check_body(body: &str) -> Result<String> {
    let body = body.trim();
    if body.is_empty() {
        return Err(Error::Validation(vec![FieldError::new(
            "GistComment",
            "body",
            "missing_field",
            "comment body must not be empty",
        )]));
    }
    if body.len() > BODY_MAX {
        return Err(Error::Validation(vec![FieldError::new(
            "GistComment",
            "body",
            "invalid",
            "comment body must be at most 65536 bytes",
        )]));
    }
    Ok(body.to_owned())
}

impl CommentService {
    pub fn new(gists: GistService) -> Self {
        CommentService { gists }
    }

    pub async fn create(
        &self,
        author: &user::Model,
        gist_id: &str,
        body: &str,
    ) -> Result<CommentView> {
        let body = check_body(body)?;
        let gist = self.gists.find(Some(author.id), gist_id).await?;
        access::comment(author, &gist)?;
        let (user_id, gid) = (author.id, gist_id.to_owned());
        let saved = self
            .gists
            .db()
            .write_transaction::<_, comment::Model, DbErr>(move |tx| {
                Box::pin(async move {
                    // The counter first: see `adjust_count`.
                    adjust_count(tx, &gid, gist::Column::CommentCount, 1).await?;
                    let now = Utc::now();
                    let saved = comment::ActiveModel {
                        gist_id: Set(gid.clone()),
                        user_id: Set(user_id),
                        body: Set(body),
                        created_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(tx)
                    .await?;
                    Ok(saved)
                })
            })
            .await
            .map_err(|e| Error::internal("saving a comment", e))?;
        let view = CommentView {
            comment: saved,
            author: author.clone(),
        };
        if let Ok(summary) = self.gists.summary(Some(author.id), gist_id).await {
            let comment = serde_json::json!({
                "id": view.comment.id,
                "body": view.comment.body,
                "user": { "login": author.username, "id": author.id },
                "created_at": view.comment.created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            });
            self.gists
                .emit(
                    crate::rules::webhooks::Event::CommentCreated,
                    &summary,
                    Some(author),
                    Some(("comment", comment)),
                )
                .await;
        }
        Ok(view)
    }

    /// Oldest first, as a conversation reads.
    pub async fn list(
        &self,
        viewer: Option<i64>,
        gist_id: &str,
        page: u64,
        per_page: u64,
    ) -> Result<Page<CommentView>> {
        let gist = self.gists.find(viewer, gist_id).await?;
        let page = page.clamp(1, super::listing::PAGE_MAX);
        if !access::see_comments(viewer, &gist) {
            // Hidden by the gist's owner: kept, and shown to nobody else.
            return Ok(Page {
                items: Vec::new(),
                total: 0,
                page,
                per_page,
            });
        }
        let select = comment::Entity::find().filter(comment::Column::GistId.eq(gist_id));
        let total = select.clone().count(self.gists.db()).await?;
        let rows = select
            .order_by_asc(comment::Column::Id)
            .offset((page - 1).saturating_mul(per_page))
            .limit(per_page)
            .find_also_related(user::Entity)
            .all(self.gists.db())
            .await?;
        let items = rows
            .into_iter()
            .filter_map(|(comment, author)| {
                Some(CommentView {
                    comment,
                    author: author?,
                })
            })
            .collect();
        Ok(Page {
            items,
            total,
            page,
            per_page,
        })
    }

    pub async fn get(
        &self,
        viewer: Option<i64>,
        gist_id: &str,
        comment_id: i64,
    ) -> Result<CommentView> {
        let gist = self.gists.find(viewer, gist_id).await?;
        if !access::see_comments(viewer, &gist) {
            return Err(Error::NotFound);
        }
        let found = comment::Entity::find_by_id(comment_id)
            .filter(comment::Column::GistId.eq(gist_id))
            .find_also_related(user::Entity)
            .one(self.gists.db())
            .await?;
        match found {
            Some((comment, Some(author))) => Ok(CommentView { comment, author }),
            _ => Err(Error::NotFound),
        }
    }

    /// Only the author edits a comment.
    pub async fn edit(
        &self,
        actor: &user::Model,
        gist_id: &str,
        comment_id: i64,
        body: &str,
    ) -> Result<CommentView> {
        let body = check_body(body)?;
        let found = self.get(Some(actor.id), gist_id, comment_id).await?;
        if self.gists.find(Some(actor.id), gist_id).await?.archived {
            return Err(Error::Forbidden(access::ARCHIVED.into()));
        }
        if !access::edit_comment(actor, &found.comment) {
            return Err(Error::Forbidden(
                "only the author can edit a comment".into(),
            ));
        }
        let mut active: comment::ActiveModel = found.comment.into();
        active.body = Set(body);
        active.updated_at = Set(Utc::now());
        let saved = active.update(self.gists.db()).await?;
        Ok(CommentView {
            comment: saved,
            author: found.author,
        })
    }

    /// The author or the gist's owner deletes a comment.
    pub async fn delete(&self, actor: &user::Model, gist_id: &str, comment_id: i64) -> Result<()> {
        let gist = self.gists.find(Some(actor.id), gist_id).await?;
        let found = self.get(Some(actor.id), gist_id, comment_id).await?;
        if !access::delete_comment(Some(actor.id), &found.comment, &gist) {
            return Err(Error::Forbidden(
                "only the author or the gist's owner can delete a comment".into(),
            ));
        }
        let gid = gist_id.to_owned();
        self.gists
            .db()
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    comment::Entity::delete_by_id(comment_id).exec(tx).await?;
                    adjust_count(tx, &gid, gist::Column::CommentCount, -1).await
                })
            })
            .await
            .map_err(|e| Error::internal("deleting a comment", e))
    }
}
