//! Gistful's shared application crate.
//!
//! Everything outside `ssr`-gated modules compiles for the browser too, so the rules the
//! server enforces are the very code the browser validates with.

// Leptos views are deeply nested types; a clean wasm build of the editor exceeds the
// default query depth (incremental builds can hide it).
#![recursion_limit = "256"]

pub mod error;
pub mod functions;
pub mod i18n;
pub mod route;
pub mod rules;
pub mod ui;
pub mod views;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod entities;
#[cfg(feature = "ssr")]
pub mod highlight;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod sign_in;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

pub use error::{Error, FieldError};
pub use ui::{App, shell};
