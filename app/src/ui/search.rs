//! `/search?q=...`: results with highlighted snippets, language facets, sort and pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::lists::Card;
use super::pages::NoSuchPage;
use crate::functions::search::{SearchResults, search_gists};

fn search_href(q: &str, sort: &str, page: u64) -> String {
    let mut href = format!("/search?q={}", url_escape(q));
    if !sort.is_empty() {
        href.push_str(&format!("&sort={sort}"));
    }
    if page > 1 {
        href.push_str(&format!("&page={page}"));
    }
    href
}

/// Percent-encodes a query value (the browser and the server both build these links).
fn url_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let sort = move || query.read().get("sort").unwrap_or_default();
    let results = Resource::new(
        move || {
            let params = query.read();
            (
                params.get("q").unwrap_or_default(),
                params.get("sort").unwrap_or_default(),
                params
                    .get("page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(1u64)
                    .max(1),
            )
        },
        |(q, sort, page)| search_gists(q, sort, page),
    );
    view! {
        // A plain string per query (see `TopicPage`).
        {move || {
            let q = q();
            let title = if q.is_empty() { "Search".to_owned() } else { format!("{q} · Search") };
            view! { <Title text=title/> }
        }}
        <section class="list-page search-page">
            <form class="search-form" action="/search" method="get" role="search">
                <input type="search" name="q" prop:value=q aria-label="Search query" placeholder="Search gists"/>
                {move || (!sort().is_empty()).then(|| view! { <input type="hidden" name="sort" value=sort()/> })}
                <button type="submit" class="button">"Search"</button>
            </form>
            <Suspense fallback=|| view! { <p class="loading">"Searching…"</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Err(e) => view! { <p class="form-error" role="alert">{e.message()}</p> }.into_any(),
                        Ok(None) => view! { <SearchHelp/> }.into_any(),
                        Ok(Some(found)) => view! { <Results found q=q() sort=sort()/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Results(found: SearchResults, q: String, sort: String) -> impl IntoView {
    let updated = sort == "updated";
    let (best_href, updated_href) = (search_href(&q, "", 1), search_href(&q, "updated", 1));
    let page_link = {
        let (q, sort) = (q.clone(), sort.clone());
        move |page: u64| search_href(&q, &sort, page)
    };
    let total = found.total;
    if found.results.is_empty() && found.page > 1 {
        return view! { <NoSuchPage first=search_href(&q, &sort, 1) pages=found.total_pages/> }
            .into_any();
    }
    view! {
        <div class="list-heading">
            <h1 class="list-count">{format!("{total} gist{} found", if total == 1 { "" } else { "s" })}</h1>
            <div class="sort">
                "Sort: "
                <A href=best_href attr:class=if updated { "" } else { "active" }>"Best match"</A>
                <A href=updated_href attr:class=if updated { "active" } else { "" }>"Recently updated"</A>
            </div>
        </div>
        <div class="search-layout">
            <aside class="facets" aria-label="Languages">
                <h2>"Languages"</h2>
                <ul>
                    {found.languages.into_iter().map(|facet| view! {
                        <li><A href=search_href(&facet.query, &sort, 1) attr:class="facet">
                            <span class="facet-name">{facet.name.clone()}</span>
                            <span class="facet-count">{facet.count}</span>
                        </A></li>
                    }).collect_view()}
                </ul>
            </aside>
            <div class="search-results">
                {(total == 0).then(|| view! { <p class="empty">"No gists match. Try fewer words, or remove a qualifier."</p> })}
                <ul class="gist-list">
                    {found.results.into_iter().map(|result| view! {
                        <Card card=result.card>
                            {(!result.snippet.is_empty()).then(|| view! {
                                <pre class="search-snippet" inner_html=result.snippet></pre>
                            })}
                        </Card>
                    }).collect_view()}
                </ul>
                <nav class="pager">
                    {(found.page > 1).then(|| view! { <A href=page_link(found.page - 1) attr:rel="prev">"← Previous"</A> })}
                    <span>{format!("Page {} of {}", found.page, found.total_pages.max(1))}</span>
                    {(found.page < found.total_pages).then(|| view! { <A href=page_link(found.page + 1) attr:rel="next">"Next →"</A> })}
                </nav>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn SearchHelp() -> impl IntoView {
    view! {
        <div class="search-help">
            <h1>"Search gists"</h1>
            <p>"Words match titles, descriptions, file names and code; "<code>"snake_case"</code>", "<code>"camelCase"</code>" and "<code>"dotted.names"</code>" match by their parts too. Quote a phrase: "<code>"\"fn main\""</code>"."</p>
            <p>"Narrow with "<code>"user:"</code>", "<code>"title:"</code>", "<code>"description:"</code>", "<code>"filename:"</code>", "<code>"extension:"</code>", "<code>"language:"</code>" and "<code>"topic:"</code>"."</p>
        </div>
    }
}
