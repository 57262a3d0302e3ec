use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub username: String,
    #[sea_orm(unique)]
    pub username_lower: String,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub bio: String,
    pub is_admin: bool,
    /// Commits carry `email` when set, a no-reply address otherwise.
    pub commit_email_public: bool,
    /// An account a sign-in provider made may change its username once.
    pub rename_allowed: bool,
    /// Display preferences (`rules::preferences`).
    pub pref_theme: String,
    pub pref_soft_wrap: bool,
    pub pref_tab_width: i16,
    pub pref_visibility: String,
    /// The UI language's tag (`i18n::Locale`), empty for "not chosen".
    pub pref_locale: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::access_token::Entity")]
    AccessToken,
}

impl Related<super::access_token::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AccessToken.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The person's display preferences, as the pages use them.
    pub fn preferences(&self) -> crate::rules::preferences::Preferences {
        crate::rules::preferences::Preferences {
            theme: self.pref_theme.clone(),
            soft_wrap: self.pref_soft_wrap,
            tab_width: u8::try_from(self.pref_tab_width).unwrap_or(4),
            default_visibility: self.pref_visibility.clone(),
        }
    }
}
