//! Stars (Opengist's "likes"): idempotent, counted on the gist row.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};

use super::gists::{GistService, adjust_count};
use crate::db::WriteTransaction;
use crate::entities::{gist, star, user};
use crate::error::{Error, Result};
use crate::rules::webhooks::Event;

impl GistService {
    /// Stars `id` for `user`. Starring twice is the same as once.
    pub async fn star(&self, user: &user::Model, id: &str) -> Result<()> {
        self.find(Some(user.id), id).await?;
        let (user_id, gist_id) = (user.id, id.to_owned());
        let result = self
            .db()
            .write_transaction::<_, bool, DbErr>(move |tx| {
                Box::pin(async move {
                    let exists = star::Entity::find_by_id((user_id, gist_id.clone()))
                        .one(tx)
                        .await?
                        .is_some();
                    if !exists {
                        // The counter first: see `adjust_count`.
                        adjust_count(tx, &gist_id, gist::Column::StarCount, 1).await?;
                        star::ActiveModel {
                            user_id: Set(user_id),
                            gist_id: Set(gist_id.clone()),
                            created_at: Set(Utc::now()),
                        }
                        .insert(tx)
                        .await?;
                    }
                    Ok(!exists)
                })
            })
            .await;
        match result {
            Ok(true) => {
                // A new star, not a repeated one: an event.
                if let Ok(summary) = self.summary(Some(user.id), id).await {
                    self.emit(Event::GistStarred, &summary, Some(user), None)
                        .await;
                }
                Ok(())
            }
            Ok(false) => Ok(()),
            // A concurrent star by the same user got there first: same outcome.
            Err(sea_orm::TransactionError::Transaction(e))
                if matches!(
                    e.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(Error::internal("starring a gist", e)),
        }
    }

    /// Removes the star; not starred is fine.
    pub async fn unstar(&self, user: &user::Model, id: &str) -> Result<()> {
        self.find(Some(user.id), id).await?;
        let (user_id, gist_id) = (user.id, id.to_owned());
        self.db()
            .write_transaction::<_, (), DbErr>(move |tx| {
                Box::pin(async move {
                    let removed = star::Entity::delete_by_id((user_id, gist_id.clone()))
                        .exec(tx)
                        .await?;
                    if removed.rows_affected > 0 {
                        adjust_count(tx, &gist_id, gist::Column::StarCount, -1).await?;
                    }
                    Ok(())
                })
            })
            .await
            .map_err(|e| Error::internal("unstarring a gist", e))
    }

    pub async fn is_starred(&self, user: &user::Model, id: &str) -> Result<bool> {
        self.find(Some(user.id), id).await?;
        Ok(star::Entity::find_by_id((user.id, id.to_owned()))
            .one(self.db())
            .await?
            .is_some())
    }

    /// Who starred the gist, most recent first.
    pub async fn stargazers(&self, viewer: Option<i64>, id: &str) -> Result<Vec<user::Model>> {
        self.find(viewer, id).await?;
        let stars = star::Entity::find()
            .filter(star::Column::GistId.eq(id))
            .order_by_desc(star::Column::CreatedAt)
            .find_also_related(user::Entity)
            .all(self.db())
            .await?;
        Ok(stars.into_iter().filter_map(|(_, u)| u).collect())
    }
}
