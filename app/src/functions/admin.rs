//! The admin panel's server functions. Every one starts with `require_admin`, so for
//! anyone else they answer 404 like a page that does not exist.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::views::lists::GistList;
use crate::views::maintenance::JobStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceSwitches {
    pub disable_signup: bool,
    pub require_login: bool,
    pub allow_individual_gists: bool,
    pub api_enabled: bool,
    pub require_admin_mfa: bool,
    /// The config file turned the API off; the toggle cannot turn it back on.
    pub api_disabled_by_config: bool,
}

#[server(prefix = "/sfn", endpoint = "admin_settings")]
pub async fn admin_settings() -> Result<InstanceSwitches, Error> {
    super::context::require_admin().await?;
    let state = super::context::state()?;
    let settings = state.settings.load().await?;
    Ok(InstanceSwitches {
        disable_signup: settings.disable_signup,
        require_login: settings.require_login,
        allow_individual_gists: settings.allow_individual_gists,
        api_enabled: settings.api_enabled,
        require_admin_mfa: settings.require_admin_mfa,
        api_disabled_by_config: !state.api_enabled,
    })
}

/// From a form of checkboxes: a box that is not ticked is not sent at all.
#[server(prefix = "/sfn", endpoint = "save_admin_settings")]
pub async fn save_admin_settings(
    disable_signup: Option<String>,
    require_login: Option<String>,
    allow_individual_gists: Option<String>,
    api_enabled: Option<String>,
    require_admin_mfa: Option<String>,
) -> Result<(), Error> {
    use crate::services::settings::InstanceSettings;

    super::context::require_admin().await?;
    let settings = InstanceSettings {
        disable_signup: disable_signup.is_some(),
        require_login: require_login.is_some(),
        allow_individual_gists: allow_individual_gists.is_some(),
        api_enabled: api_enabled.is_some(),
        require_admin_mfa: require_admin_mfa.is_some(),
    };
    super::context::state()?.settings.save(&settings).await
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUser {
    pub username: String,
    pub email: String,
    pub is_admin: bool,
    pub gist_count: u64,
    pub joined: String,
    /// The admin looking at the list: they cannot demote or delete themselves here.
    pub is_you: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserPage {
    pub users: Vec<AdminUser>,
    pub page: u64,
    pub total_pages: u64,
    pub total: u64,
}

#[cfg(feature = "ssr")]
const PER_PAGE: u64 = 50;

#[server(prefix = "/sfn", endpoint = "admin_users")]
pub async fn admin_users(page: u64) -> Result<UserPage, Error> {
    use crate::services::listing::PAGE_MAX;

    let admin = super::context::require_admin().await?;
    let page = page.clamp(1, PAGE_MAX);
    let (rows, total) = super::context::state()?.users.list(page, PER_PAGE).await?;
    Ok(UserPage {
        users: rows
            .into_iter()
            .map(|row| AdminUser {
                is_you: row.user.id == admin.id,
                username: row.user.username,
                email: row.user.email,
                is_admin: row.user.is_admin,
                gist_count: row.gist_count,
                joined: row.user.created_at.format("%Y-%m-%d").to_string(),
            })
            .collect(),
        page,
        total_pages: total.div_ceil(PER_PAGE),
        total,
    })
}

/// Refuses to act on the caller: demoting or deleting yourself here could leave the
/// instance without an admin (your own account is deleted from the settings page).
#[cfg(feature = "ssr")]
fn not_yourself(admin: &crate::entities::user::Model, username: &str) -> Result<(), Error> {
    if admin.username.eq_ignore_ascii_case(username) {
        return Err(Error::Forbidden(
            "you cannot change or delete your own account from the admin panel".into(),
        ));
    }
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "admin_set_admin")]
pub async fn admin_set_admin(username: String, admin: bool) -> Result<(), Error> {
    let caller = super::context::require_admin().await?;
    not_yourself(&caller, &username)?;
    super::context::state()?
        .users
        .set_admin(&username, admin)
        .await?;
    Ok(())
}

#[server(prefix = "/sfn", endpoint = "admin_delete_user")]
pub async fn admin_delete_user(username: String) -> Result<(), Error> {
    let caller = super::context::require_admin().await?;
    not_yourself(&caller, &username)?;
    let state = super::context::state()?;
    state.users.delete(&username, state.gists.store()).await
}

/// Every gist, private ones included, newest activity first.
#[server(prefix = "/sfn", endpoint = "admin_gists")]
pub async fn admin_gists(page: u64) -> Result<GistList, Error> {
    use crate::services::listing::{ListQuery, ListScope};

    let admin = super::context::require_admin().await?;
    let state = super::context::state()?;
    let query = ListQuery::new(ListScope::All, Some(admin.id)).page(page, PER_PAGE);
    let found = state.gists.list(&query).await?;
    Ok(GistList {
        cards: crate::views::lists::cards(&found.items),
        page: found.page,
        total_pages: found.total_pages(),
        total: found.total,
    })
}

#[server(prefix = "/sfn", endpoint = "admin_delete_gist")]
pub async fn admin_delete_gist(id: String) -> Result<(), Error> {
    super::context::require_admin().await?;
    super::context::state()?.gists.delete_as_admin(&id).await
}

/// The consistency check's findings; nothing is changed (repair is `gistful admin fsck`,
/// run while the server is stopped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsistencyReport {
    pub gists_checked: usize,
    pub missing_repositories: Vec<String>,
    pub orphan_repositories: Vec<String>,
    pub stale_rows: Vec<String>,
}

#[server(prefix = "/sfn", endpoint = "admin_check")]
pub async fn admin_check() -> Result<ConsistencyReport, Error> {
    super::context::require_admin().await?;
    let state = super::context::state()?;
    let lost_and_found = state.home.join("lost+found");
    let report = crate::services::fsck::fsck(&state.gists, &lost_and_found, false).await?;
    Ok(ConsistencyReport {
        gists_checked: report.gists_checked,
        missing_repositories: report.missing_repositories,
        orphan_repositories: report.orphan_repositories,
        stale_rows: report.stale_rows,
    })
}

/// The maintenance job running, or the last one run since the server started.
#[server(prefix = "/sfn", endpoint = "admin_job_status")]
pub async fn admin_job_status() -> Result<Option<JobStatus>, Error> {
    super::context::require_admin().await?;
    Ok(super::context::state()?.maintenance.status())
}

/// Starts a maintenance job in the background (409 while another runs).
#[server(prefix = "/sfn", endpoint = "admin_start_job")]
pub async fn admin_start_job(job: String) -> Result<JobStatus, Error> {
    super::context::require_admin().await?;
    use crate::views::maintenance::Job;

    let job = Job::parse(&job).ok_or_else(|| Error::BadRequest(format!("no job named {job:?}")))?;
    super::context::state()?.maintenance.start(job)
}

/// The branding form as the admin panel shows it, with what the configuration pins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandForm {
    /// Empty: the default name.
    pub name: String,
    /// One link per line, `Label | address`.
    pub links: String,
    pub accent: String,
    pub theme: String,
    pub sort: String,
    pub soft_wrap: bool,
    /// Where the current images are, if any.
    pub logo: Option<String>,
    pub favicon: Option<String>,
    /// Set by the configuration file (`custom.*`): the panel cannot change them.
    pub name_pinned: bool,
    pub links_pinned: bool,
    pub logo_pinned: bool,
    pub favicon_pinned: bool,
    /// The largest image taken, in KiB.
    pub image_max_kib: usize,
}

#[server(prefix = "/sfn", endpoint = "admin_branding")]
pub async fn admin_branding() -> Result<BrandForm, Error> {
    super::context::require_admin().await?;
    let branding = &super::context::state()?.branding;
    let settings = branding.settings().await?;
    let shown = branding.load().await?;
    let pinned = branding.pinned();
    Ok(BrandForm {
        name: settings.name,
        links: crate::rules::branding::links_text(&settings.links),
        accent: settings.accent.as_str().into(),
        theme: settings.theme,
        sort: settings.sort.as_str().into(),
        soft_wrap: settings.soft_wrap,
        logo: shown.logo.clone(),
        favicon: shown.favicon.clone(),
        name_pinned: pinned.name.is_some(),
        links_pinned: pinned.links.is_some(),
        logo_pinned: pinned.logo.is_some(),
        favicon_pinned: pinned.favicon.is_some(),
        image_max_kib: branding.image_max() / 1024,
    })
}

/// The branding form: every field checked at once, all the errors or the save.
#[server(prefix = "/sfn", endpoint = "save_branding")]
pub async fn save_branding(
    name: String,
    links: String,
    accent: String,
    theme: String,
    sort: String,
    soft_wrap: Option<String>,
) -> Result<(), Error> {
    use crate::error::FieldError;
    use crate::rules::branding::{Accent, ListSort, parse_links, validate_name};
    use crate::services::branding::BrandSettings;

    super::context::require_admin().await?;
    let mut errors = Vec::new();
    let name = validate_name(&name)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    let links = parse_links(&links)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    let bad = |field: &str, message: &str| {
        FieldError::new("Branding", field, "invalid", message.to_owned())
    };
    let accent = Accent::parse(&accent).unwrap_or_else(|| {
        errors.push(bad("accent", "choose one of the accent colours offered"));
        Accent::default()
    });
    if !crate::rules::preferences::THEMES.contains(&theme.as_str()) {
        errors.push(bad("theme", "the theme is system, light or dark"));
    }
    let sort = ListSort::parse(&sort).unwrap_or_else(|| {
        errors.push(bad("sort", "lists are sorted by updated or created"));
        ListSort::default()
    });
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let settings = BrandSettings {
        name,
        links,
        accent,
        theme,
        sort,
        soft_wrap: soft_wrap.is_some(),
    };
    super::context::state()?.branding.save(&settings).await
}

/// Takes the uploaded logo or favicon away (uploads come through `/sfn/brand_image`,
/// a plain form post: see the server's `branding` module).
#[server(prefix = "/sfn", endpoint = "remove_brand_image")]
pub async fn remove_brand_image(kind: String) -> Result<(), Error> {
    use crate::services::branding::ImageKind;

    super::context::require_admin().await?;
    let kind = ImageKind::parse(&kind).ok_or(Error::NotFound)?;
    super::context::state()?.branding.remove(kind).await
}
