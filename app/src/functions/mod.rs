//! Server functions (under `/sfn`), grouped by domain. Each parses its input, calls one
//! service and maps the result; the rules live in the services.

pub mod admin;
pub mod auth;
pub mod comments;
#[cfg(feature = "ssr")]
pub mod context;
pub mod gists;
pub mod lifecycle;
pub mod lists;
pub mod locale;
pub mod preview;
pub mod search;
pub mod second_factor;
pub mod settings;
pub mod tasks;
pub mod webhooks;
