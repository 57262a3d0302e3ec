//! The admin panel's maintenance jobs: start one, watch its progress (n of m, elapsed).
//! The job runs on the server, so the progress shown is the server's: a reload, or
//! another admin, sees the same. While one runs, the browser asks again every second;
//! without JavaScript, a reload shows where it is.

use leptos::prelude::*;

use crate::functions::admin::{AdminStartJob, admin_job_status};
use crate::views::maintenance::{Job, JobStatus};

fn elapsed(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        _ => format!("{} min {} s", secs / 60, secs % 60),
    }
}

#[component]
pub fn MaintenanceJobs() -> impl IntoView {
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
        <h2>"Jobs"</h2>
        <p class="muted">"One job runs at a time, in the background; leaving or reloading this page does not stop it."</p>
        <Transition fallback=|| ()>
            {move || status.get().map(|found| match found {
                Ok(Some(current)) => view! { <JobProgress status=current/> }.into_any(),
                Ok(None) => view! { <p class="muted job-none">"No job has run since the server started."</p> }.into_any(),
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
                        <button type="submit" class="button" data-job=job.slug() disabled=running>{job.title()}</button>
                    </ActionForm>
                    <p class="muted">{job.description()}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn JobProgress(status: JobStatus) -> impl IntoView {
    let state = match (status.running, &status.error) {
        (true, _) => "running",
        (false, None) => "finished",
        (false, Some(_)) => "failed",
    };
    let counted = if status.total == 0 && status.running {
        "counting…".to_owned()
    } else {
        format!("{} of {}", status.done, status.total)
    };
    view! {
        <div class="job-status" role="status" data-state=state>
            <p>
                <strong>{status.job.title()}</strong>": "{state}" — "
                <span class="job-count">{counted}</span>", "{elapsed(status.elapsed_secs)}
            </p>
            <progress max=status.total.max(1) value=if status.total == 0 { 0 } else { status.done } aria-label="Progress">
                {format!("{}%", status.percent())}
            </progress>
            {status.report.map(|report| view! { <pre class="job-report">{report}</pre> })}
            {status.error.map(|error| view! { <p class="form-error" role="alert">{error}</p> })}
        </div>
    }
}
