//! The admin panel's maintenance jobs: start one, watch its progress (n of m, elapsed).
//! The job runs on the server, so the progress shown is the server's: a reload, or
//! another admin, sees the same. While one runs, the browser asks again every second;
//! without JavaScript, a reload shows where it is.

use crate::i18n::{I18n, use_i18n};
use crate::tr;
use leptos::prelude::*;

use crate::functions::admin::{AdminStartJob, admin_job_status};
use crate::views::maintenance::{Job, JobStatus};

fn elapsed(t: I18n, secs: u64) -> String {
    match secs {
        0..60 => tr!(t, "maintenance-seconds", seconds = secs),
        _ => tr!(
            t,
            "maintenance-minutes",
            minutes = secs / 60,
            seconds = secs % 60
        ),
    }
}

/// A job's name and what it does, in the page's language (`job.slug()` picks them).
fn job_title(t: I18n, job: Job) -> String {
    t.get(&format!("job-{}", job.slug()))
}

#[component]
pub fn MaintenanceJobs() -> impl IntoView {
    let t = use_i18n();
    let start = ServerAction::<AdminStartJob>::new();
    let tick = RwSignal::new(0u64);
    let status = Resource::new(
        move || (start.version().get(), tick.get()),
        |_| admin_job_status(),
    );
    let running = move || {
        status
            .get()
            .and_then(Result::ok)
            .flatten()
            .is_some_and(|s| s.running)
    };
    // In the browser only (effects do not run on the server): ask again while a job runs.
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                let busy = status
                    .get_untracked()
                    .and_then(Result::ok)
                    .flatten()
                    .is_some_and(|s| s.running);
                if busy {
                    tick.update(|n| *n += 1);
                }
            },
            std::time::Duration::from_secs(1),
        )
        .ok();
        on_cleanup(move || {
            if let Some(handle) = handle {
                handle.clear();
            }
        });
    });
    view! {
        <h2>{tr!(t, "maintenance-jobs")}</h2>
        <p class="muted">{tr!(t, "maintenance-one-job-runs-at-a")}</p>
        <Transition fallback=|| ()>
            {move || status.get().map(|found| match found {
                Ok(Some(current)) => view! { <JobProgress status=current/> }.into_any(),
                Ok(None) => view! { <p class="muted job-none">{tr!(t, "maintenance-no-job-has-run-since")}</p> }.into_any(),
                Err(e) => view! { <p class="form-error" role="alert">{e.message()}</p> }.into_any(),
            })}
        </Transition>
        {move || start.value().get().and_then(Result::err).map(|e| view! {
            <p class="form-error" role="alert">{e.message()}</p>
        })}
        <ul class="jobs">
            {Job::ALL.into_iter().map(|job| view! {
                <li class="job">
                    <ActionForm action=start attr:class="inline-form">
                        <input type="hidden" name="job" value=job.slug()/>
                        <button type="submit" class="button" data-job=job.slug() disabled=running>{job_title(t, job)}</button>
                    </ActionForm>
                    <p class="muted">{t.get(&format!("job-{}-help", job.slug()))}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn JobProgress(status: JobStatus) -> impl IntoView {
    let t = use_i18n();
    let state = match (status.running, &status.error) {
        (true, _) => "running",
        (false, None) => "finished",
        (false, Some(_)) => "failed",
    };
    let state_words = t.get(&format!("maintenance-state-{state}"));
    let counted = if status.total == 0 && status.running {
        tr!(t, "maintenance-counting")
    } else {
        tr!(
            t,
            "maintenance-done-of",
            done = status.done,
            total = status.total
        )
    };
    view! {
        <div class="job-status" role="status" data-state=state>
            <p>
                <strong>{job_title(t, status.job)}</strong>": "{state_words}" — "
                <span class="job-count">{counted}</span>", "{elapsed(t, status.elapsed_secs)}
            </p>
            <progress max=status.total.max(1) value=if status.total == 0 { 0 } else { status.done } aria-label=tr!(t, "maintenance-progress")>
                {format!("{}%", status.percent())}
            </progress>
            {status.report.map(|report| view! { <pre class="job-report">{report}</pre> })}
            {status.error.map(|error| view! { <p class="form-error" role="alert">{error}</p> })}
        </div>
    }
}
