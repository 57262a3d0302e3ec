//! Input rules shared by the browser and the server.

pub mod account;
pub mod scopes;

pub use account::{validate_email, validate_password, validate_username};
pub use scopes::{Scope, parse_scopes};
