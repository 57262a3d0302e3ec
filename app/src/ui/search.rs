//! `/search?q=...`: results with highlighted snippets, language facets, sort and pages.

use crate::i18n::use_i18n;
use crate::tr;
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
    let t = use_i18n();
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
            let title = if q.is_empty() { tr!(t, "search-title") } else { tr!(t, "search-title-query", query = q.clone()) };
            view! { <Title text=title/> }
        }}
        <section class="list-page search-page">
            <form class="search-form" action="/search" method="get" role="search">
                <input type="search" name="q" prop:value=q aria-label=tr!(t, "search-search-query") placeholder=tr!(t, "search-search-gists")/>
                {move || (!sort().is_empty()).then(|| view! { <input type="hidden" name="sort" value=sort()/> })}
                <button type="submit" class="button">{tr!(t, "search-search")}</button>
            </form>
            <Suspense fallback=move || view! { <p class="loading">{tr!(t, "search-searching")}</p> }>
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
    let t = use_i18n();
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
            <h1 class="list-count">{tr!(t, "search-found", count = total)}</h1>
            <div class="sort">
                {tr!(t, "search-sort")}" "
                <A href=best_href attr:class=if updated { "" } else { "active" }>{tr!(t, "search-best-match")}</A>
                <A href=updated_href attr:class=if updated { "active" } else { "" }>{tr!(t, "search-recently-updated")}</A>
            </div>
        </div>
        <div class="search-layout">
            <aside class="facets" aria-label=tr!(t, "search-languages")>
                <h2>{tr!(t, "search-languages")}</h2>
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
                {(total == 0).then(|| view! { <p class="empty">{tr!(t, "search-no-gists-match-try-fewer")}</p> })}
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
                    {(found.page > 1).then(|| view! { <A href=page_link(found.page - 1) attr:rel="prev">{tr!(t, "search-previous")}</A> })}
                    <span>{tr!(t, "admin-page-of", page = found.page, pages = found.total_pages.max(1))}</span>
                    {(found.page < found.total_pages).then(|| view! { <A href=page_link(found.page + 1) attr:rel="next">{tr!(t, "search-next")}</A> })}
                </nav>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn SearchHelp() -> impl IntoView {
    let t = use_i18n();
    view! {
        <div class="search-help">
            <h1>{tr!(t, "search-search-gists")}</h1>
            <p>{tr!(t, "search-words-match-titles-descriptions-file")}" "<code>"snake_case"</code>", "<code>"camelCase"</code>" "{tr!(t, "search-and")}" "<code>"dotted.names"</code>" "{tr!(t, "search-match-by-their-parts-too")}" "<code>"\"fn main\""</code>"."</p>
            <p>{tr!(t, "search-narrow-with")}" "<code>"user:"</code>", "<code>"title:"</code>", "<code>"description:"</code>", "<code>"filename:"</code>", "<code>"extension:"</code>", "<code>"language:"</code>" "{tr!(t, "search-and")}" "<code>"topic:"</code>"."</p>
        </div>
    }
}
