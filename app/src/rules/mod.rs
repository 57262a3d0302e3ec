//! Input rules shared by the browser and the server.

pub mod account;
pub mod branding;
pub mod cookie;
pub mod editor;
pub mod gist;
pub mod language;
pub mod lifecycle;
pub mod preferences;
pub mod push_options;
pub mod scopes;
pub mod update;
pub mod webhooks;

pub use account::{validate_email, validate_password, validate_username};
pub use gist::{Limits, Visibility, file_anchor, parse_topics, validate_filename, validate_topics};
pub use lifecycle::{Comments, validate_slug};
pub use scopes::{Scope, parse_scopes};
