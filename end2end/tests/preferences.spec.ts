import { expect, test } from "@playwright/test";
import { createGist, hydrated, register, signedIn } from "./helpers";

// Settings → Preferences: saved on the account, so they follow the person to another
// device (a fresh browser context with no theme cookie).

test("preferences change the theme, the code boxes and new gists, on every device", async ({ browser }) => {
  const { context, page, name } = await signedIn(browser, { colorScheme: "light" });
  const url = await createGist(page, "public", [["tabs.go", "package main\n\nfunc main() {\n\tprintln(\"a line long enough to wrap on a narrow screen, and then some more words\")\n}\n"]]);
  const code = page.locator(".file .code").first();
  await page.goto(url);
  await expect(code).toHaveClass(/tab-4/);
  await expect(code).not.toHaveClass(/soft-wrap/);

  await page.goto("/settings");
  await hydrated(page);
  await page.locator("select[name=theme]").selectOption("dark");
  await page.getByLabel("Wrap long lines of code").check();
  await page.getByLabel("Tab width").selectOption("8");
  await page.getByLabel("New gists start").selectOption("private");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();
  // The theme shows at once, without a reload.
  await expect(page.locator(".app")).toHaveAttribute("data-theme", "dark");

  await page.goto(url);
  await hydrated(page);
  await expect(code).toHaveClass(/tab-8/);
  await expect(code).toHaveClass(/soft-wrap/);
  expect(await code.locator(".code-lines").evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("pre-wrap");
  await page.goto("/new");
  await hydrated(page);
  await expect(page.getByLabel("Visibility")).toHaveValue("private");

  // Another device: no theme cookie, same account.
  const other = await browser.newContext({ colorScheme: "light" });
  const there = await other.newPage();
  await there.goto("/login");
  await hydrated(there);
  await there.getByLabel("Username").fill(name);
  await there.getByLabel("Password").fill("a good password");
  await there.getByRole("button", { name: "Log in" }).click();
  await expect(there.locator("header").getByRole("link", { name })).toBeVisible();
  await there.goto(url);
  await hydrated(there);
  await expect(there.locator(".app")).toHaveAttribute("data-theme", "dark");
  await expect(there.locator(".file .code").first()).toHaveClass(/soft-wrap/);
  await other.close();
  await context.close();
});

test("preferences save without JavaScript, and a bad value is refused", async ({ browser }) => {
  const js = await browser.newContext({ javaScriptEnabled: true });
  const page = await js.newPage();
  await register(page);
  const cookies = await js.cookies();
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  await nojs.addCookies(cookies);
  const plain = await nojs.newPage();
  await plain.goto("/settings");
  await plain.getByLabel("Tab width").selectOption("2");
  await plain.locator("select[name=theme]").selectOption("dark");
  await plain.getByRole("button", { name: "Save preferences" }).click();
  await plain.goto("/settings");
  await expect(plain.getByLabel("Tab width")).toHaveValue("2");
  await expect(plain.locator(".app")).toHaveAttribute("data-theme", "dark");
  // A forged value: 422 naming the field, nothing saved.
  const response = await plain.request.post("/sfn/save_preferences", {
    form: { theme: "dark", tab_width: "3", default_visibility: "public" },
    headers: { origin: new URL(plain.url()).origin },
  });
  expect(response.status()).toBe(422);
  expect(await response.text()).toContain("tab width");
  await plain.goto("/settings");
  await expect(plain.getByLabel("Tab width")).toHaveValue("2");
  await nojs.close();
  await js.close();
});
