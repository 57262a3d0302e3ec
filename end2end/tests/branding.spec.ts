import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

// The instance's own name, logo, footer links and accent: set in the admin panel of a
// server of its own (see playwright.config.ts), whose first account is its admin.
const brandServer = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3917) + 9}`;
test.use({ baseURL: brandServer });

// A real 2x2 PNG (the browser must decode it).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mNkYPj/n4GBgYGJgYGBAQAeBgIBwN1PiQAAAABJRU5ErkJggg==",
  "base64",
);

test("an admin brands the instance: every page, the title and embeds wear it; bad images are refused", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const admin = await signedIn(browser, { baseURL: brandServer });
  const page = admin.page;
  const gist = await createGist(page, "public", [["hello.py", "print('hello')\n"]], "Branded gist");

  await page.goto("/admin?tab=branding");
  await hydrated(page);
  await page.getByLabel("Instance name").fill("Acme Snippets");
  await page.getByLabel("Footer links").fill("Handbook | https://example.com/handbook");
  await page.getByLabel("Teal").check();
  await page.getByRole("button", { name: "Save branding" }).click();
  // Saved, the page comes back in the new colours.
  await expect(page.locator("header .brand-name")).toHaveText("Acme Snippets");
  await expect(page.getByLabel("Instance name")).toHaveValue("Acme Snippets");

  // Bad images: each refused, saying why, and nothing changes.
  const logoForm = page.locator("section.brand-image").filter({ has: page.getByRole("heading", { name: "Logo" }) });
  const refused = [
    [{ name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([PNG, Buffer.alloc(70_000, 1)]) }, "larger than 64 KiB"],
    [{ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just some text, not a picture\n") }, "not a PNG, JPEG, GIF, WebP, ICO or SVG image"],
    [
      {
        name: "evil.svg",
        mimeType: "image/svg+xml",
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      },
      "contains scripts",
    ],
  ] as const;
  for (const [file, words] of refused) {
    await logoForm.getByLabel("Image file").setInputFiles(file);
    await logoForm.getByRole("button", { name: "Upload" }).click();
    await expect(page).toHaveURL(/refused=/);
    await expect(page.locator("section.brand-image").first().getByRole("alert")).toContainText(words);
    await expect(page.locator("header img.brand-logo")).toHaveCount(0);
  }
  await page.screenshot({ path: info.outputPath("screenshots", "admin-branding-refused.png"), fullPage: true });
  // The tab itself, with a refusal showing, is usable with a screen reader and keyboard
  // (and the Teal accent keeps its contrast).
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

  // A good one: in the header at once.
  await page.locator("section.brand-image").first().getByLabel("Image file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await page.locator("section.brand-image").first().getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/uploaded=1/);
  await expect(page.getByRole("status")).toContainText("Image saved.");

  // Every page, signed in or not, with JavaScript: the name, the logo (decoded), the
  // footer link, the title and the accent.
  const visitor = await browser.newPage({ baseURL: brandServer });
  for (const [who, path] of [
    [page, "/"],
    [page, "/explore"],
    [page, gist],
    [page, "/new"],
    [page, "/settings"],
    [visitor, "/"],
    [visitor, "/login"],
    [visitor, gist],
    [visitor, "/no/such/page"],
  ] as const) {
    await who.goto(path);
    await hydrated(who);
    await expect(who.locator("header .brand-name"), path).toHaveText("Acme Snippets");
    const logo = who.locator("header img.brand-logo");
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), path).toBe(2);
    await expect(who.locator("footer").getByRole("link", { name: "Handbook" })).toHaveAttribute("href", "https://example.com/handbook");
    await expect(who).toHaveTitle(/Acme Snippets$/);
    expect(await who.title()).not.toContain("Gistful");
  }
  await visitor.goto(gist);
  await expect(visitor).toHaveTitle(/^Branded gist · Acme Snippets$/);
  // Teal links (the light theme's), not the stock blue.
  const linkColour = await visitor.locator("main").getByRole("link", { name: admin.name, exact: true }).evaluate((a) => getComputedStyle(a).color);
  expect(["rgb(10, 124, 114)", "rgb(47, 181, 166)"]).toContain(linkColour);
  await visitor.screenshot({ path: info.outputPath("screenshots", "branded-gist.png"), fullPage: true });

  // On a phone the branded header still fits the screen.
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.goto("/");
  await hydrated(visitor);
  await expect(visitor.locator("header img.brand-logo")).toBeVisible();
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Embeds say who hosts them.
  const embed = await visitor.request.get(`${gist}.js`);
  expect(await embed.text()).toContain("hosted with Acme Snippets");

  // The favicon follows an uploaded one.
  const faviconForm = page.locator("section.brand-image").nth(1);
  await page.goto("/admin?tab=branding");
  await faviconForm.getByLabel("Image file").setInputFiles({ name: "icon.png", mimeType: "image/png", buffer: PNG });
  await faviconForm.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/image=favicon&uploaded=1/);
  await visitor.goto("/");
  const icon = await visitor.locator('link[rel="icon"]').getAttribute("href");
  expect(icon).toMatch(/^\/assets\/brand\/favicon\?v=[0-9a-f]{16}$/);
  expect((await visitor.request.get(icon!)).headers()["content-type"]).toBe("image/png");

  // Removing the logo brings the mark back.
  await page.goto("/admin?tab=branding");
  await hydrated(page);
  await page.locator("section.brand-image").first().getByRole("button", { name: "Remove" }).click();
  await expect(page.locator("header img.brand-logo")).toHaveCount(0);
  await expect(page.locator("header .brand-mark")).toBeVisible();
  await visitor.close();
  await admin.context.close();
});
