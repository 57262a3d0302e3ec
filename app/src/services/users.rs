//! Accounts: registration, lookup, passwords, admin flag.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
    sea_query::{Expr, SimpleExpr},
};

use super::password;
use crate::db::WriteTransaction;
use crate::entities::user;
use crate::error::{Error, FieldError, Result};
use crate::rules::{validate_email, validate_password, validate_username};

/// Profile fields to change; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct ProfileUpdate {
    /// Whether commits carry the real email (`None`: unchanged).
    pub commit_email_public: Option<bool>,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub bio: Option<String>,
}

pub const DISPLAY_NAME_MAX: usize = 100;
pub const BIO_MAX: usize = 1000;

pub struct NewUser {
    pub username: String,
    pub email: String,
    pub password: String,
    /// Make this user an admin even if it is not the first one.
    pub admin: bool,
}

#[derive(Clone)]
pub struct UserService {
    db: DatabaseConnection,
}

impl UserService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Creates an account. The very first account of an instance becomes its admin.
    pub async fn register(&self, new: NewUser) -> Result<user::Model> {
        let username = new.username.trim().to_owned();
        let email = new.email.trim().to_owned();
        let errors: Vec<FieldError> = [
            validate_username(&username),
            validate_email(&email),
            validate_password(&new.password),
        ]
        .into_iter()
        .filter_map(Result::err)
        .collect();
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        if self.find_by_username(&username).await?.is_some() {
            return Err(username_taken());
        }
        let password_hash = password::hash(new.password).await?;

        let created = self
            .db
            .write_transaction::<_, user::Model, Error>(move |tx| {
                Box::pin(async move {
                    let first = user::Entity::find().count(tx).await? == 0;
                    let now = Utc::now();
                    user::ActiveModel {
                        username_lower: Set(username.to_ascii_lowercase()),
                        username: Set(username),
                        email: Set(email),
                        password_hash: Set(password_hash),
                        display_name: Set(String::new()),
                        bio: Set(String::new()),
                        is_admin: Set(new.admin || first),
                        commit_email_public: Set(false),
                        rename_allowed: Set(false),
                        created_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(tx)
                    .await
                    .map_err(map_unique_username)
                })
            })
            .await?;
        Ok(created)
    }

    pub async fn find_by_username(&self, username: &str) -> Result<Option<user::Model>> {
        Ok(user::Entity::find()
            .filter(user::Column::UsernameLower.eq(username.to_ascii_lowercase()))
            .one(&self.db)
            .await?)
    }

    pub async fn get_by_username(&self, username: &str) -> Result<user::Model> {
        self.find_by_username(username)
            .await?
            .ok_or(Error::NotFound)
    }

    /// The user if the password matches; `BadCredentials` otherwise, whether or not the
    /// account exists (callers must not learn which).
    pub async fn verify_password(&self, username: &str, password: &str) -> Result<user::Model> {
        let user = self.find_by_username(username).await?;
        let Some(user) = user else {
            return Err(Error::BadCredentials);
        };
        if password::verify(password.to_owned(), user.password_hash.clone()).await? {
            Ok(user)
        } else {
            Err(Error::BadCredentials)
        }
    }

    pub async fn update_profile(&self, user_id: i64, update: ProfileUpdate) -> Result<user::Model> {
        let mut errors = Vec::new();
        let username = update.username.map(|u| u.trim().to_owned());
        let email = update.email.map(|e| e.trim().to_owned());
        let display_name = update.display_name.map(|n| n.trim().to_owned());
        let bio = update.bio.map(|b| b.trim().to_owned());
        if let Some(Err(e)) = username.as_deref().map(validate_username) {
            errors.push(e);
        }
        if let Some(Err(e)) = email.as_deref().map(validate_email) {
            errors.push(e);
        }
        if display_name.as_ref().is_some_and(|n| {
            n.chars().count() > DISPLAY_NAME_MAX || n.chars().any(char::is_control)
        }) {
            errors.push(FieldError::new(
                "User",
                "name",
                "invalid",
                "name must be at most 100 characters, on one line",
            ));
        }
        if bio.as_ref().is_some_and(|b| b.chars().count() > BIO_MAX) {
            errors.push(FieldError::new(
                "User",
                "bio",
                "invalid",
                "bio must be at most 1000 characters",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        let current = self.get_by_id(user_id).await?;
        let mut active: user::ActiveModel = current.clone().into();
        if let Some(username) = username
            && username != current.username
        {
            let taken = self
                .find_by_username(&username)
                .await?
                .is_some_and(|other| other.id != user_id);
            if taken {
                return Err(Error::Conflict(format!(
                    "the username {username} is already taken"
                )));
            }
            active.username_lower = Set(username.to_ascii_lowercase());
            active.username = Set(username);
        }
        if let Some(email) = email {
            active.email = Set(email);
        }
        if let Some(name) = display_name {
            active.display_name = Set(name);
        }
        if let Some(bio) = bio {
            active.bio = Set(bio);
        }
        if let Some(public) = update.commit_email_public {
            active.commit_email_public = Set(public);
        }
        active.updated_at = Set(Utc::now());
        active
            .update(&self.db)
            .await
            .map_err(|e| match e.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                    Error::Conflict("that username is already taken".into())
                }
                _ => e.into(),
            })
    }

    /// Changes a password after checking the current one; every session but
    /// `keep_session` (a cookie value) ends.
    pub async fn change_password(
        &self,
        user_id: i64,
        current: &str,
        new_password: String,
        keep_session: Option<&str>,
    ) -> Result<()> {
        let user = self.get_by_id(user_id).await?;
        if !password::verify(current.to_owned(), user.password_hash.clone()).await? {
            return Err(Error::Validation(vec![FieldError::new(
                "User",
                "current_password",
                "invalid",
                "the current password is wrong",
            )]));
        }
        self.set_password(user, new_password, keep_session).await
    }

    pub async fn set_admin(&self, username: &str, is_admin: bool) -> Result<user::Model> {
        let user = self.get_by_username(username).await?;
        let mut active: user::ActiveModel = user.into();
        active.is_admin = Set(is_admin);
        active.updated_at = Set(Utc::now());
        Ok(active.update(&self.db).await?)
    }

    /// An admin's reset: the new password, and every session of the account ends.
    pub async fn reset_password(&self, username: &str, new_password: String) -> Result<()> {
        let user = self.get_by_username(username).await?;
        self.set_password(user, new_password, None).await
    }

    /// Whoever knew the old password is signed out with it: the new hash and the end of
    /// every session but `keep_session` (the cookie of the person changing it) are one
    /// transaction.
    async fn set_password(
        &self,
        user: user::Model,
        new_password: String,
        keep_session: Option<&str>,
    ) -> Result<()> {
        validate_password(&new_password).map_err(|e| Error::Validation(vec![e]))?;
        let hash = password::hash(new_password).await?;
        let kept = keep_session.map(crate::services::tokens::hash_secret);
        let user_id = user.id;
        self.db
            .write_transaction::<_, (), Error>(move |tx| {
                Box::pin(async move {
                    let mut active: user::ActiveModel = user.into();
                    active.password_hash = Set(hash);
                    active.updated_at = Set(Utc::now());
                    active.update(tx).await?;
                    let mut others = crate::entities::session::Entity::delete_many()
                        .filter(crate::entities::session::Column::UserId.eq(user_id));
                    if let Some(kept) = kept {
                        others = others.filter(crate::entities::session::Column::Id.ne(kept));
                    }
                    others.exec(tx).await?;
                    Ok(())
                })
            })
            .await
            .map_err(Error::from)
    }
}

/// One account as the admin's user list shows it.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub user: user::Model,
    pub gist_count: u64,
}

impl UserService {
    /// A page of accounts, oldest first, with how many gists each owns.
    pub async fn list(&self, page: u64, per_page: u64) -> Result<(Vec<UserRow>, u64)> {
        use crate::entities::gist;
        use sea_orm::{QueryOrder, QuerySelect};

        let select = user::Entity::find().order_by_asc(user::Column::Id);
        let total = select.clone().count(&self.db).await?;
        let users = select
            .offset(page.saturating_sub(1).saturating_mul(per_page))
            .limit(per_page)
            .all(&self.db)
            .await?;
        let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
        let counts: std::collections::HashMap<i64, i64> = gist::Entity::find()
            .select_only()
            .column(gist::Column::OwnerId)
            .column_as(gist::Column::Id.count(), "count")
            .filter(gist::Column::OwnerId.is_in(ids))
            .group_by(gist::Column::OwnerId)
            .into_tuple::<(i64, i64)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let rows = users
            .into_iter()
            .map(|user| UserRow {
                gist_count: counts.get(&user.id).copied().unwrap_or(0).max(0) as u64,
                user,
            })
            .collect();
        Ok((rows, total))
    }
}

impl UserService {
    /// Saves the person's display preferences, all checked first (422 naming each bad one).
    pub async fn set_preferences(
        &self,
        user_id: i64,
        preferences: crate::rules::preferences::Preferences,
    ) -> Result<user::Model> {
        let p = preferences.validate().map_err(Error::Validation)?;
        self.update_columns(
            user_id,
            [
                (user::Column::PrefTheme, Expr::value(p.theme)),
                (user::Column::PrefSoftWrap, Expr::value(p.soft_wrap)),
                (
                    user::Column::PrefTabWidth,
                    Expr::value(i16::from(p.tab_width)),
                ),
                (
                    user::Column::PrefVisibility,
                    Expr::value(p.default_visibility),
                ),
            ],
        )
        .await
    }
}

impl UserService {
    /// The language the person reads the site in; `None` forgets the choice.
    pub async fn set_locale(
        &self,
        user_id: i64,
        locale: Option<crate::i18n::Locale>,
    ) -> Result<user::Model> {
        let tag = locale.map(|l| l.tag().to_owned()).unwrap_or_default();
        self.update_columns(user_id, [(user::Column::PrefLocale, Expr::value(tag))])
            .await
    }

    /// Sets some columns of one account (and `updated_at`), then reads the row back.
    ///
    /// One `UPDATE` and one read on every backend: a partly-set `ActiveModel` cannot come
    /// back through `RETURNING` on SQLite, and MySQL has no `RETURNING` at all.
    async fn update_columns<const N: usize>(
        &self,
        user_id: i64,
        columns: [(user::Column, SimpleExpr); N],
    ) -> Result<user::Model> {
        let mut update = user::Entity::update_many()
            .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(user::Column::Id.eq(user_id));
        for (column, value) in columns {
            update = update.col_expr(column, value);
        }
        update.exec(&self.db).await?;
        self.get_by_id(user_id).await
    }

    /// The account with this id (404 if there is none).
    pub async fn get_by_id(&self, user_id: i64) -> Result<user::Model> {
        user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound)
    }

    /// Deletes the account with its gists, stars, comments and tokens. Repositories go
    /// after the rows, so a failure part-way leaves orphans for `fsck`, never dangling rows.
    pub async fn delete(&self, username: &str, store: &crate::store::GitStore) -> Result<()> {
        use crate::entities::{comment, gist, star};
        use crate::services::gists::adjust_count;

        let user = self.get_by_username(username).await?;
        let gists: Vec<gist::Model> = gist::Entity::find()
            .filter(gist::Column::OwnerId.eq(user.id))
            .all(&self.db)
            .await?;
        let ids: Vec<String> = gists.iter().map(|g| g.id.clone()).collect();
        self.db
            .write_transaction::<_, (), sea_orm::DbErr>(move |tx| {
                Box::pin(async move {
                    // Cascades remove the user's forks, stars and comments; the counters
                    // on other people's gists must drop with them.
                    for fork in gists.iter().filter(|g| g.fork_of.is_some()) {
                        let parent = fork.fork_of.as_deref().unwrap_or_default();
                        adjust_count(tx, parent, gist::Column::ForkCount, -1).await?;
                    }
                    let starred = star::Entity::find()
                        .filter(star::Column::UserId.eq(user.id))
                        .all(tx)
                        .await?;
                    for s in &starred {
                        adjust_count(tx, &s.gist_id, gist::Column::StarCount, -1).await?;
                    }
                    let commented = comment::Entity::find()
                        .filter(comment::Column::UserId.eq(user.id))
                        .all(tx)
                        .await?;
                    for c in &commented {
                        adjust_count(tx, &c.gist_id, gist::Column::CommentCount, -1).await?;
                    }
                    // The gists by hand, not by the account's cascade: MySQL fires no
                    // trigger for cascaded rows, and triggers keep the list counters and
                    // the search feed.
                    gist::Entity::delete_many()
                        .filter(gist::Column::OwnerId.eq(user.id))
                        .exec(tx)
                        .await?;
                    user::Entity::delete_by_id(user.id).exec(tx).await?;
                    Ok(())
                })
            })
            .await
            .map_err(|e| Error::internal("deleting a user", e))?;
        let store = store.clone();
        super::blocking(move || ids.iter().try_for_each(|id| store.delete(id))).await?
    }
}

fn username_taken() -> Error {
    Error::Validation(vec![FieldError::new(
        "User",
        "username",
        "already_exists",
        "this username is already taken",
    )])
}

/// Two registrations racing for one name: the unique index decides, the loser gets the
/// same answer as if it had been second all along.
fn map_unique_username(err: sea_orm::DbErr) -> Error {
    match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => username_taken(),
        _ => err.into(),
    }
}
