//! sea-orm entities: one module per table.

pub mod access_token;
pub mod auth_challenge;
pub mod comment;
pub mod gist;
pub mod gist_count;
pub mod gist_file;
pub mod gist_file_language;
pub mod gist_import;
pub mod gist_topic;
pub mod instance_asset;
pub mod instance_setting;
pub mod login_flow;
pub mod passkey;
pub mod recovery_code;
pub mod session;
pub mod ssh_key;
pub mod star;
pub mod totp_secret;
pub mod user;
pub mod user_identity;
pub mod webhook;
pub mod webhook_delivery;
