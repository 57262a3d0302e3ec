//! A gist brought in from another server (`gistful admin import`): its repository,
//! cloned with its whole history, becomes a gist of a local user, with the description,
//! title, visibility and creation date it had there. Where it came from is kept, so a
//! second run skips it (imports resume and never duplicate).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};

use super::gists::{GistDetail, GistService};
use crate::db::WriteTransaction;
use crate::entities::{gist, gist_import, user};
use crate::error::{Error, Result};
use crate::rules::Visibility;
use crate::rules::gist::{validate_description, validate_title};

/// What the source said about a gist.
#[derive(Debug, Clone)]
pub struct ImportedGist {
    /// Its clone URL at the source: what identifies it across runs.
    pub source: String,
    pub title: String,
    pub description: String,
    pub visibility: Visibility,
    pub created_at: Option<DateTime<Utc>>,
}

impl GistService {
    /// The local gist an earlier import made from `source`, if any.
    pub async fn imported_from(&self, source: &str) -> Result<Option<String>> {
        Ok(gist_import::Entity::find_by_id(source)
            .one(self.db())
            .await?
            .map(|row| row.gist_id))
    }

    /// Makes the repository at `cloned` (from [`GistService::prepare_pushed_gist`]'s
    /// path) a gist of `owner` described by `meta`. On failure nothing remains.
    pub async fn adopt_imported(
        &self,
        owner: &user::Model,
        id: &str,
        cloned: &std::path::Path,
        meta: ImportedGist,
    ) -> Result<GistDetail> {
        validate_title(&meta.title).map_err(|e| Error::Validation(vec![e]))?;
        validate_description(&meta.description).map_err(|e| Error::Validation(vec![e]))?;
        self.adopt_pushed_gist(owner, id, cloned).await?;
        let described = self.describe_imported(id, meta).await;
        if let Err(e) = described {
            let _ = self.delete_as_admin(id).await;
            return Err(e);
        }
        self.get(Some(owner.id), id).await
    }

    async fn describe_imported(&self, id: &str, meta: ImportedGist) -> Result<()> {
        let (_, files) = self.repos().files(id, None).await?;
        let limits = self.limits();
        let total: u64 = files.iter().map(|f| f.content.len() as u64).sum();
        if files.len() > limits.max_files
            || total > limits.max_total_size
            || files
                .iter()
                .any(|f| f.content.len() as u64 > limits.max_file_size)
        {
            return Err(Error::BadRequest(
                "larger than this server's gist limits (files, file size or total size)".into(),
            ));
        }
        let id = id.to_owned();
        self.db()
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    let mut update = gist::Entity::update_many()
                        .col_expr(gist::Column::Title, meta.title.into())
                        .col_expr(gist::Column::Description, meta.description.into())
                        .col_expr(
                            gist::Column::Visibility,
                            meta.visibility.as_str().to_owned().into(),
                        );
                    if let Some(at) = meta.created_at {
                        update = update.col_expr(gist::Column::CreatedAt, at.into());
                    }
                    update.filter(gist::Column::Id.eq(&id)).exec(tx).await?;
                    gist_import::ActiveModel {
                        source: Set(meta.source),
                        gist_id: Set(id),
                        imported_at: Set(Utc::now()),
                    }
                    .insert(tx)
                    .await?;
                    Ok(())
                })
            })
            .await
            .map_err(|e| Error::internal("describing an imported gist", e))
    }
}
