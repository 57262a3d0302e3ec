//! The server: the router and its doors (pages, REST API, raw files, embeds, git over
//! HTTP), the layers in front of them, configuration and the admin commands. The
//! `gistful` binary is a thin `main` over this library; tests build the same router
//! in-process (see `serve::build`).

pub mod admin;
mod api;
mod assets;
mod backup;
mod branding;
pub mod cli;
pub mod config;
mod edge;
mod embed;
mod git_http;
mod health;
pub mod hooks;
mod identify;
mod import;
mod memory;
mod metrics;
pub mod oauth;
mod raw;
mod response_cache;
mod routes;
pub mod serve;
mod site;
pub mod ssh;
mod telemetry;
pub mod tls;
mod webhooks;
