//! The browser entry point: hydrates the server-rendered page with the shared `app`.
//!
//! `hydrate_lazy`, not `hydrate_body`: pages are lazily loaded chunks of the wasm
//! (`app::ui::split`), and hydrating one waits for its chunk.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
}
