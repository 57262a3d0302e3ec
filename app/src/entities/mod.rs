//! sea-orm entities: one module per table.

pub mod access_token;
pub mod instance_setting;
pub mod session;
pub mod user;
