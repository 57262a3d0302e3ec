import { expect, test, type Page } from "@playwright/test";

/** Resolves once the wasm has hydrated the page (an effect flips this attribute). */
async function hydrated(page: Page) {
  await expect(page.locator(".app")).toHaveAttribute("data-hydrated", "true");
}

async function background(page: Page) {
  return page.locator(".app").evaluate((el) => getComputedStyle(el).backgroundColor);
}

test("home page shows the header, the pitch and the way in @nojs", async ({ page }) => {
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveTitle("Gistful");
  const header = page.locator("header");
  await expect(header.getByRole("link", { name: "Gistful" })).toHaveAttribute("href", "/");
  await expect(header.getByRole("link", { name: "Explore" })).toBeVisible();
  await expect(header.getByRole("link", { name: "New gist" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Register" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Share code, keep its history.");
  await expect(page.getByRole("link", { name: "Create a gist" })).toBeVisible();
  // The stylesheet applied: the header is a flex row, not unstyled stacked links.
  await expect(page.locator("nav.nav")).toHaveCSS("display", "flex");
});

test("unknown pages answer 404 with a way back @nojs", async ({ page }) => {
  const res = await page.goto("/this/page/does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Gistful");
  await page.getByRole("link", { name: "Go home" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Share code, keep its history.");
});

test("the page follows the system colour scheme @nojs", async ({ browser }) => {
  for (const [scheme, rgb] of [
    ["light", "rgb(255, 255, 255)"],
    ["dark", "rgb(13, 17, 23)"],
  ] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("/");
    expect(await background(page)).toBe(rgb);
    await context.close();
  }
});

test("the theme toggle switches without a reload and is remembered", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/");
  await hydrated(page);
  expect(await background(page)).toBe("rgb(255, 255, 255)");

  // A marker on window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole("button", { name: "Toggle theme" }).click();
  await expect(page.locator(".app")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => background(page)).toBe("rgb(13, 17, 23)");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

  // The choice is kept: a fresh load is rendered dark by the server already.
  const res = await page.request.get("/");
  expect(await res.text()).toContain('data-theme="dark"');
  await page.reload();
  await expect(page.locator(".app")).toHaveAttribute("data-theme", "dark");
  await hydrated(page);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await expect(page.locator(".app")).toHaveAttribute("data-theme", "light");
  expect(await background(page)).toBe("rgb(255, 255, 255)");
  await context.close();
});

test("client-side navigation works after hydration", async ({ page }) => {
  await page.goto("/nowhere");
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.getByRole("link", { name: "Go home" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Share code, keep its history.");
  // The router swapped the view in place; no new document was loaded.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
});

test("the content security policy lets the app run and reports nothing", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const res = await page.goto("/register");
  expect(res?.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  await hydrated(page);
  await page.getByLabel("Username").fill("bad name!");
  await expect(page.locator(".field-error")).toBeVisible();
  await page.goto("/");
  await hydrated(page);
  expect(violations).toEqual([]);
});

test("the page, its script and its styles arrive compressed", async ({ page }) => {
  const seen: Promise<[string, string | undefined]>[] = [];
  page.on("response", (res) => {
    seen.push(
      res.allHeaders().then((h) => [new URL(res.url()).pathname, h["content-encoding"]]),
    );
  });
  await page.goto("/");
  await hydrated(page);
  const encodings = new Map(await Promise.all(seen));
  // Chromium offers `gzip, deflate, br, zstd`: the server picks brotli.
  expect(encodings.get("/")).toBe("br");
  expect(encodings.get("/pkg/gistful.js")).toBe("br");
  expect(encodings.get("/pkg/gistful.css")).toBe("br");
  expect(encodings.get("/highlight.css")).toBe("br");
});
