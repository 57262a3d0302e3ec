//! Gistful's shared application crate.
//!
//! Everything outside `ssr`-gated modules compiles for the browser too, so the rules the
//! server enforces are the very code the browser validates with.

pub mod error;
pub mod functions;
pub mod rules;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod entities;
#[cfg(feature = "ssr")]
pub mod highlight;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

pub use error::{Error, FieldError};
pub use ui::{App, shell};
