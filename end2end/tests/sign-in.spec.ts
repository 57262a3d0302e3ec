import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { hydrated, register } from "./helpers";

// A Gistful configured for a real OpenID provider (npm's `oidc-provider`, started by
// playwright.config.ts with the people of end2end/oidc/people.json).
const port = Number(process.env.E2E_PORT ?? 3917);
const gistful = `http://127.0.0.1:${port + 3}`;
const people = `${process.env.E2E_HOME ?? ".home"}-sso-people.json`;
// Its provider and directory never answer.
const down = `http://127.0.0.1:${port + 5}`;
test.use({ baseURL: gistful });

/** From Gistful's login page through the provider's own pages, back to Gistful. */
async function signInThroughProvider(page: Page, who: string, password: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with Corp ID" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider: sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(who);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider: allow access" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`${gistful}/`);
}

test("signing in through the provider; its admin group decides who administers", async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signInThroughProvider(page, "dave", "dave-password");
  await hydrated(page);
  const header = page.locator("header");
  await expect(header.getByRole("link", { name: "dave", exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: "Admin" })).toBeVisible();
  await first.close();

  // Out of the group at the provider: not an admin at the next sign-in.
  const everyone = JSON.parse(readFileSync(people, "utf8"));
  everyone.dave.groups = ["staff"];
  writeFileSync(people, JSON.stringify(everyone));
  const second = await browser.newContext();
  const again = await second.newPage();
  await signInThroughProvider(again, "dave", "dave-password");
  await hydrated(again);
  await expect(again.locator("header").getByRole("link", { name: "dave", exact: true })).toBeVisible();
  await expect(again.locator("header").getByRole("link", { name: "Admin" })).toHaveCount(0);
  await second.close();
});

test("cancelling at the provider comes back to the login page with a message", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);
  await page.getByRole("link", { name: "Sign in with Corp ID" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/login\?error=denied$/);
  await expect(page.getByRole("alert")).toHaveText("Sign-in was cancelled at the provider.");
  await expect(page.locator("header").getByRole("link", { name: "Log in" })).toBeVisible();
});

test("signing in through the provider works without JavaScript too @nojs", async ({ page }) => {
  await signInThroughProvider(page, "nojs", "nojs-password");
  await expect(page.locator("header").getByRole("link", { name: "nojs", exact: true })).toBeVisible();
  await expect(page.locator("header").getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("directory people sign in through the login form; the directory's group makes admins @nojs", async ({ browser }) => {
  for (const [who, password, admin] of [["lena", "lena-password", true], ["otto", "otto-password", false]] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Username").fill(who);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    const header = page.locator("header");
    await expect(header.getByRole("link", { name: who, exact: true })).toBeVisible();
    await expect(header.getByRole("link", { name: "Admin" })).toHaveCount(admin ? 1 : 0);
    await context.close();
  }
});

test("a wrong directory password is the usual refusal", async ({ page }) => {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Username").fill("otto");
  await page.getByLabel("Password").fill("not-his-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Incorrect username or password");
  await expect(page.locator("header").getByRole("link", { name: "Log in" })).toBeVisible();
});

test("a local account links the provider in settings, signs in with it, and unlinks it", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const name = await register(page);

  await page.goto("/settings");
  await hydrated(page);
  await page.getByRole("link", { name: "Link Corp ID" }).click();
  await page.getByLabel("Username").fill("cara");
  await page.getByLabel("Password").fill("cara-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/settings\?linked=openid-connect$/);
  await expect(page.getByRole("status")).toHaveText("Linked. You can now sign in with it.");
  await expect(page.getByText(/^Linked since \d{4}-\d{2}-\d{2}$/)).toBeVisible();

  // Another browser: cara at the provider is this account now.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signInThroughProvider(elsewhere, "cara", "cara-password");
  await expect(elsewhere.locator("header").getByRole("link", { name, exact: true })).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Unlink Corp ID" }).click();
  await expect(page.getByRole("link", { name: "Link Corp ID" })).toBeVisible();
  await expect(page.getByText("Not linked")).toBeVisible();
  await context.close();
});

test("each failure comes back to the login page with its message", async ({ page }) => {
  // A callback with a state this browser was never given (forged, or replayed elsewhere).
  await page.goto("/oauth/openid-connect/callback?code=stolen&state=forged");
  await expect(page).toHaveURL(/\/login\?error=state$/);
  await expect(page.getByRole("alert")).toHaveText("This sign-in expired or was already used. Please try again.");

  // A provider that does not answer...
  await page.goto(`${down}/login`);
  await hydrated(page);
  await page.getByRole("link", { name: "Sign in with Down ID" }).click();
  await expect(page).toHaveURL(`${down}/login?error=provider`);
  await expect(page.getByRole("alert")).toContainText("could not be reached");

  // ...and a directory that does not either.
  await hydrated(page);
  await page.getByLabel("Username").fill("lena");
  await page.getByLabel("Password").fill("lena-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The directory (LDAP) could not be reached; try again later");
  await expect(page.locator("header").getByRole("link", { name: "Log in" })).toBeVisible();
});
