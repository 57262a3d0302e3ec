import { expect, test, type Browser, type Page } from "@playwright/test";
import { createGist, hydrated, register, signedIn, watchForScript } from "./helpers";

// The UI in the reader's language (issue 23): Accept-Language, the footer's picker (a
// cookie, and the account for a signed-in person), right-to-left Arabic, and the same
// words with JavaScript off.

/** A signed-in English session with one gist, and its cookies to carry to another locale. */
async function setUp(browser: Browser) {
  const { context, page, name } = await signedIn(browser, { locale: "en-US" });
  const url = await createGist(page, "public", [["hello.py", "print('hello')\n"]], "Grüße");
  const cookies = await context.cookies();
  return { context, page, name, url, cookies };
}

async function german(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("header").getByRole("link", { name: "Entdecken" })).toBeVisible();
  await expect(page.locator("footer").getByLabel("Sprache der Seite")).toHaveValue("de");
}

test("a German browser gets the home, gist, editor and settings pages in German", async ({ browser }) => {
  const { context, url, cookies } = await setUp(browser);
  const de = await browser.newContext({ locale: "de-DE" });
  await de.addCookies(cookies);
  const page = await de.newPage();
  const problems = watchForScript(page);

  await page.goto("/");
  await hydrated(page);
  await german(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Code teilen, seine Geschichte behalten.");

  await page.goto(url);
  await hydrated(page);
  await german(page);
  await expect(page.getByRole("link", { name: "Revisionen" })).toBeVisible();
  await expect(page.getByText("1 Datei", { exact: true })).toBeVisible(); // a plural form
  await expect(page.getByRole("link", { name: "0 Forks" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Forken" }).or(page.getByRole("link", { name: "Bearbeiten" }))).toBeVisible();
  await expect(page.locator(".badge-public")).toHaveText("öffentlich");

  await page.goto("/new");
  await hydrated(page);
  await german(page);
  await expect(page.getByRole("heading", { name: "Neuer Gist" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gist anlegen" })).toBeVisible();
  await expect(page.getByPlaceholder("Worum geht es in diesem Gist?")).toBeVisible();
  await expect(page).toHaveTitle(/^Neuer Gist/);

  await page.goto("/settings");
  await hydrated(page);
  await german(page);
  await expect(page.getByRole("heading", { name: "Vorlieben" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Profil speichern" })).toBeVisible();

  // A page reached in the browser (no reload) speaks German too.
  await page.locator("header").getByRole("link", { name: "Entdecken" }).click();
  await expect(page.getByRole("heading", { name: "Öffentliche Gists entdecken" })).toBeVisible();
  // Hydration found the same words the server wrote: no mismatch, no error.
  expect(problems).toEqual([]);
  await de.close();
  await context.close();
});

test("Arabic is right to left and the page still fits", async ({ browser }, info) => {
  const { context, url, cookies } = await setUp(browser);
  const ar = await browser.newContext({ locale: "ar-EG", viewport: { width: 1280, height: 900 } });
  await ar.addCookies(cookies);
  const page = await ar.newPage();
  const problems = watchForScript(page);
  for (const [label, path] of [["home", "/"], ["gist", url], ["editor", "/new"], ["settings", "/settings"]]) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: info.outputPath("screenshots", `rtl-${label}.png`), fullPage: true });
  }
  // Mirrored: the brand sits at the right end of the header, the language picker in the
  // footer at its left; code stays left to right.
  await page.goto(url);
  await hydrated(page);
  const brand = (await page.locator(".brand").boundingBox())!;
  const newGist = (await page.locator("header").getByRole("link", { name: "مقتطف جديد" }).boundingBox())!;
  expect(brand.x).toBeGreaterThan(newGist.x);
  await expect(page.locator(".code-lines").first()).toHaveCSS("direction", "ltr");
  await expect(page.getByRole("link", { name: "المراجعات" })).toBeVisible();
  expect(problems).toEqual([]);
  await ar.close();
  await context.close();
});

test("the picker switches the language, remembers it, and follows the account", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const name = await register(page);

  await page.goto("/explore?sort=created");
  await hydrated(page);
  await page.locator("footer").getByLabel("Site language").selectOption("fr");
  await page.locator("footer").getByRole("button", { name: "Change" }).click();
  // Back on the same page, in French.
  await expect(page).toHaveURL(/\/explore\?sort=created$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Explorer les gists publics" })).toBeVisible();
  await page.reload();
  await expect(page.locator("header").getByRole("link", { name: "Réglages" })).toBeVisible();

  // Another device, an English browser, same account: French once signed in.
  const other = await browser.newContext({ locale: "en-US" });
  const there = await other.newPage();
  await there.goto("/login");
  await hydrated(there);
  await expect(there.locator("html")).toHaveAttribute("lang", "en");
  await there.getByLabel("Username").fill(name);
  await there.getByLabel("Password").fill("a good password");
  await there.getByRole("button", { name: "Log in" }).click();
  await expect(there.locator("header").getByRole("link", { name })).toBeVisible();
  await there.goto("/");
  await expect(there.locator("html")).toHaveAttribute("lang", "fr");
  await expect(there.locator("header").getByRole("link", { name: "Explorer" })).toBeVisible();

  // A language the site does not speak is refused, and nothing changes.
  const refused = await there.request.post("/sfn/set_locale", {
    form: { locale: "xx", next: "/" },
    headers: { Accept: "application/json", Origin: new URL(there.url()).origin },
  });
  expect(refused.status()).toBe(422);
  await there.reload();
  await expect(there.locator("html")).toHaveAttribute("lang", "fr");
  await other.close();
  await context.close();
});

test("without JavaScript the server speaks the browser's language, and the picker works @nojs", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ja-JP", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator("header").getByRole("link", { name: "探す" })).toBeVisible();
  await page.locator("footer").getByLabel("表示言語").selectOption("es");
  await page.locator("footer").getByRole("button", { name: "変更" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comparte código, conserva su historia.");
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Iniciar sesión" })).toBeVisible();
  await context.close();
});
