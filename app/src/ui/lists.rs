//! Lists of gists: explore, profiles, topics, a gist's forks; and its stargazers. Paginated and sortable through the query string,
//! so every page has its own URL and works without JavaScript.

use crate::i18n::use_i18n;
use crate::tr;
use leptos::prelude::*;

use crate::rules::branding::ListSort;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::lifecycle::PinnedGists;
use super::pages::{NoSuchPage, NotFound};
use crate::functions::lists::{gist_title, list_gists, stargazers};
use crate::views::lists::{GistCard, GistList};

fn query_number(value: Option<String>) -> u64 {
    value.and_then(|v| v.parse().ok()).unwrap_or(1).max(1)
}

#[component]
pub fn ExplorePage() -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                query_number(q.get("page")),
                q.get("sort").unwrap_or_default(),
            )
        },
        |(page, sort)| list_gists("explore".into(), None, page, sort),
    );
    view! {
        <Title text=tr!(t, "lists-explore")/>
        <section class="list-page">
            <div class="list-heading">
                <h1>{tr!(t, "lists-explore-public-gists")}</h1>
                <SortLinks base="/explore".to_owned()/>
            </div>
            <ListBody list base="/explore".to_owned()/>
        </section>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let t = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let user = move || params.read().get("user").unwrap_or_default();
    let tab = move || match query.read().get("tab").as_deref() {
        Some("starred") => "starred",
        Some("forks") => "forks",
        _ => "gists",
    };
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                user(),
                tab(),
                query_number(q.get("page")),
                q.get("sort").unwrap_or_default(),
            )
        },
        |(user, tab, page, sort)| list_gists(tab.into(), Some(user), page, sort),
    );
    view! {
        <Title text=user/>
        <section class="list-page">
            <div class="profile-heading">
                <img class="avatar" src=move || format!("/avatars/{}.svg", user()) alt="" width="48" height="48"/>
                <h1>{user}</h1>
            </div>
            <nav class="tabs">
                {[("gists", "lists-tab-gists", ""), ("starred", "lists-tab-starred", "?tab=starred"), ("forks", "lists-tab-forks", "?tab=forks")]
                    .into_iter()
                    .map(|(name, label, suffix)| view! {
                        <A href=move || format!("/{}{suffix}", user()) attr:class=move || if tab() == name { "tab active" } else { "tab" }>{t.get(label)}</A>
                    })
                    .collect_view()}
            </nav>
            {move || (tab() == "gists").then(|| view! { <PinnedGists user=Signal::derive(user)/> })}
            <ListBody list base=format!("/{}", user())/>
        </section>
    }
}

/// `/topics/{topic}`: public gists with the topic.
#[component]
pub fn TopicPage() -> impl IntoView {
    let t = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let topic = move || params.read().get("topic").unwrap_or_default();
    let list = Resource::new(
        move || {
            let q = query.read();
            (
                topic(),
                query_number(q.get("page")),
                q.get("sort").unwrap_or_default(),
            )
        },
        |(topic, page, sort)| list_gists("topic".into(), Some(topic), page, sort),
    );
    let base = move || format!("/topics/{}", topic());
    view! {
        // A new title per topic, each a plain string: a title that reads the route's
        // signals itself is read again after the page is rendered, when they may be gone.
        {move || view! { <Title text=tr!(t, "lists-topic-title", topic = topic())/> }}
        <section class="list-page">
            <div class="list-heading">
                <h1>{tr!(t, "lists-topic")}" " <span class="topic">{topic}</span></h1>
                <SortLinks base=base()/>
            </div>
            <ListBody list base=base()/>
        </section>
    }
}

/// The heading of the pages about one gist: its owner and title, linking back.
#[component]
fn GistHeading(owner: String, id: String, title: String, what: String) -> impl IntoView {
    let (owner_href, gist_href) = (format!("/{owner}"), format!("/{owner}/{id}"));
    view! {
        <Title text=format!("{what} · {title}")/>
        <div class="list-heading">
            <h1>
                <A href=owner_href>{owner}</A>
                " / "
                <A href=gist_href>{title}</A>
                <span class="heading-what">{format!(" · {what}")}</span>
            </h1>
        </div>
    }
}

fn gist_params() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        let p = params.read();
        (
            p.get("user").unwrap_or_default(),
            p.get("id").unwrap_or_default(),
        )
    }
}

/// `/{user}/{id}/forks`
#[component]
pub fn ForksPage() -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    let gist = gist_params();
    let title = Resource::new(gist, |(owner, id)| gist_title(owner, id));
    let list = Resource::new(
        move || {
            let (owner, id) = gist();
            (
                format!("{owner}/{id}"),
                query_number(query.read().get("page")),
            )
        },
        |(path, page)| list_gists("forks_of".into(), Some(path), page, String::new()),
    );
    view! {
        <section class="list-page">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let (owner, id) = gist();
                    match title.await {
                        Ok(title) => view! { <GistHeading owner id title what=tr!(t, "lists-tab-forks")/> }.into_any(),
                        Err(_) => ().into_any(),
                    }
                })}
            </Suspense>
            <ListBody list base={let (owner, id) = gist(); format!("/{owner}/{id}/forks")}/>
        </section>
    }
}

/// `/{user}/{id}/stargazers`
#[component]
pub fn StargazersPage() -> impl IntoView {
    let t = use_i18n();
    let gist = gist_params();
    let people = Resource::new(gist, |(owner, id)| stargazers(owner, id));
    view! {
        <section class="list-page">
            <Suspense fallback=move || view! { <p class="loading">{tr!(t, "lists-loading")}</p> }>
                {move || Suspend::new(async move {
                    let (owner, id) = gist();
                    match people.await {
                        Err(_) => view! { <NotFound/> }.into_any(),
                        Ok(found) => {
                            let empty = found.users.is_empty();
                            view! {
                                <GistHeading owner id title=found.title what=tr!(t, "lists-stargazers")/>
                                {empty.then(|| view! { <p class="empty">{tr!(t, "lists-nobody-has-starred-this-gist")}</p> })}
                                <ul class="people">
                                    {found.users.into_iter().map(|name| view! {
                                        <li>
                                            <img class="avatar" src=format!("/avatars/{name}.svg") alt="" width="32" height="32"/>
                                            <A href=format!("/{name}")>{name.clone()}</A>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SortLinks(base: String) -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    // Without `?sort=` a list is in the instance's default order.
    let default = super::branding::use_branding().sort;
    let created = move || {
        ListSort::of_query(query.read().get("sort").as_deref(), default) == ListSort::Created
    };
    view! {
        <div class="sort">
            {tr!(t, "lists-sort")}" "
            <A href=format!("{base}?sort=updated") attr:class=move || if created() { "" } else { "active" }>{tr!(t, "lists-recently-updated")}</A>
            <A href=format!("{base}?sort=created") attr:class=move || if created() { "active" } else { "" }>{tr!(t, "lists-newest")}</A>
        </div>
    }
}

#[component]
pub fn ListBody(list: Resource<Result<GistList, crate::Error>>, base: String) -> impl IntoView {
    let t = use_i18n();
    let query = use_query_map();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr!(t, "lists-loading")}</p> }>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    match list.await {
                        Err(crate::Error::NotFound) => view! { <NotFound/> }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.message()}</p> }.into_any(),
                        Ok(list) => {
                            let q = query.read_untracked();
                            let mut keep: Vec<String> = Vec::new();
                            if let Some(tab) = q.get("tab") { keep.push(format!("tab={tab}")); }
                            if let Some(sort) = q.get("sort") { keep.push(format!("sort={sort}")); }
                            let link = move |page: u64| {
                                let mut params = keep.clone();
                                params.push(format!("page={page}"));
                                format!("{base}?{}", params.join("&"))
                            };
                            if list.cards.is_empty() && list.page > 1 {
                                return view! { <NoSuchPage first=link(1) pages=list.total_pages/> }.into_any();
                            }
                            if list.cards.is_empty() {
                                return view! { <p class="empty">{tr!(t, "lists-no-gists-here-yet")}</p> }.into_any();
                            }
                            view! {
                                <p class="list-count">{tr!(t, "admin-gists-count", count = list.total)}</p>
                                <ul class="gist-list">
                                    {list.cards.into_iter().map(|card| view! { <Card card/> }).collect_view()}
                                </ul>
                                <nav class="pager">
                                    {(list.page > 1).then(|| view! { <A href=link(list.page - 1) attr:rel="prev">{tr!(t, "lists-previous")}</A> })}
                                    <span>{tr!(t, "admin-page-of", page = list.page, pages = list.total_pages.max(1))}</span>
                                    {(list.page < list.total_pages).then(|| view! { <A href=link(list.page + 1) attr:rel="next">{tr!(t, "lists-next")}</A> })}
                                </nav>
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// One gist in a list; `children` (a search snippet) take the place of the preview.
#[component]
pub(super) fn Card(card: GistCard, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let t = use_i18n();
    let href = format!("/{}/{}", card.owner, card.id);
    let more = card.files.len().saturating_sub(1);
    view! {
        <li class="gist-card">
            <div class="card-head">
                <img class="avatar" src=format!("/avatars/{}.svg", card.owner) alt="" width="24" height="24"/>
                <A href=format!("/{}", card.owner)>{card.owner.clone()}</A>
                " / "
                <A href=href.clone() attr:class="card-title">{card.title.clone()}</A>
                {(card.visibility != "public").then(|| view! { <span class=format!("badge badge-{}", card.visibility)>{super::gist::visibility_label(t, &card.visibility)}</span> })}
                <span class="spacer"></span>
                <span class="card-meta">
                    {card.language.clone()} " · ★ " {t.number(card.star_count.into())} " · " {tr!(t, "count-forks", count = card.fork_count)} " · " {card.updated.clone()}
                </span>
            </div>
            {(!card.description.is_empty()).then(|| view! { <p class="card-description">{card.description.clone()}</p> })}
            {(!card.topics.is_empty()).then(|| view! { <Topics topics=card.topics.clone()/> })}
            {match children {
                Some(children) => children().into_any(),
                None => view! { <A href=href attr:class="card-preview"><pre>{card.preview.clone()}</pre></A> }.into_any(),
            }}
            {(more > 0).then(|| view! { <p class="card-more">{tr!(t, "lists-more-files", count = more)}</p> })}
        </li>
    }
}

/// Topic links, as on cards and the gist page.
#[component]
pub fn Topics(topics: Vec<String>) -> impl IntoView {
    view! {
        <ul class="topics">
            {topics.into_iter().map(|t| view! { <li><A href=format!("/topics/{t}") attr:class="topic">{t.clone()}</A></li> }).collect_view()}
        </ul>
    }
}
