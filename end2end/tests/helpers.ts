import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

/** Waits until the wasm app has taken over the server-rendered page. */
export async function hydrated(page: Page) {
  await expect(page.locator(".app")).toHaveAttribute("data-hydrated", "true");
  // The shell flips the attribute; the page itself is a lazily loaded chunk that hydrates
  // once it has arrived, so wait until nothing is loading any more.
  await page.waitForLoadState("networkidle");
}

export const unique = (prefix = "u") =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** Registers a new account in the page's context, which is then signed in. */
export async function register(page: Page, name = unique()) {
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Email").fill(`${name}@example.com`);
  await page.getByLabel("Password").fill("a good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("header").getByRole("link", { name })).toBeVisible();
  return name;
}

/** A new browser context with a freshly registered, signed-in user. */
export async function signedIn(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const name = await register(page);
  return { context, page, name };
}

/** Creates a gist through the editor and returns its page's URL. */
export async function createGist(page: Page, visibility: string, files: [string, string][], title = "", topics = "") {
  await page.goto("/new");
  await hydrated(page);
  if (title) await page.getByLabel("Title").fill(title);
  if (topics) await page.getByLabel("Topics").fill(topics);
  for (const [index, [name, content]] of files.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add file" }).click();
    await page.getByLabel("File name").nth(index).fill(name);
    await page.getByLabel("File content").nth(index).fill(content);
  }
  await page.getByLabel("Visibility").selectOption(visibility);
  await page.getByRole("button", { name: "Create gist" }).click();
  await page.waitForURL(/\/[0-9a-f]{32}$/);
  return page.url();
}

/**
 * Collects what should never happen on a page: script errors, console errors and, unless
 * the test expects confirmations (`dialogs: false`), dialogs such as an injected alert().
 */
export function watchForScript(page: Page, { dialogs = true } = {}) {
  const problems: string[] = [];
  if (dialogs) page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
  return problems;
}
