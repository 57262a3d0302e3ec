import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createGist, signedIn, watchForScript } from "./helpers";

// A page on another site includes the script tag the gist page offers.
test("the embed snippet shows the gist inside another site's page", async ({ browser, baseURL }) => {
  const { context, page } = await signedIn(browser);
  await createGist(page, "unlisted", [
    ["hello.rs", "fn main() {\n    println!(\"<hi>\");\n}\n"],
    ["notes.md", "# Embedded\n\n<img src=x onerror=alert('embed')>\n"],
  ], "Embeddable");
  const snippet = await page.locator("#copy-embed").inputValue();
  expect(snippet).toMatch(new RegExp(`^<script src="${baseURL}/[^/]+/[0-9a-f]{32}\\.js"></script>$`));

  // Another site: a web server of its own, on another port (so another origin).
  const blog = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><body><h1>My blog</h1>${snippet}<p>after</p></body></html>`);
  });
  await new Promise<void>((ready) => blog.listen(0, "127.0.0.1", ready));
  const { port } = blog.address() as AddressInfo;
  const thirdParty = await browser.newPage();
  const problems = watchForScript(thirdParty);
  await thirdParty.goto(`http://127.0.0.1:${port}/post`);
  const embed = thirdParty.locator(".gistful-embed");
  await expect(embed.locator(".ge-file")).toHaveCount(2);
  await expect(embed.locator(".ge-lines span[class^='hl-']").first()).toBeVisible();
  await expect(embed.locator(".ge-lines")).toContainText('println!("<hi>");');
  await expect(embed.locator(".ge-markdown h1")).toHaveText("Embedded");
  await expect(embed.locator("img")).toHaveCount(0);
  await expect(embed.getByRole("link", { name: "view raw" }).first()).toHaveAttribute("href", /\/raw\/[0-9a-f]{40}\/hello\.rs$/);
  // Its stylesheet arrived: the frame has its border.
  await expect(embed.locator(".ge-file").first()).toHaveCSS("border-top-style", "solid");
  await expect(thirdParty.getByText("after")).toBeVisible();
  expect(problems).toEqual([]);
  await thirdParty.close();
  blog.close();
  await context.close();
});

test("the embed honours ?theme=dark, and ?theme=auto follows the reader's system", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await createGist(page, "public", [["dark.py", "print('night')\n"]], "Themed");
  const snippet = await page.locator("#copy-embed").inputValue();
  const source = snippet.match(/src="([^"]+)"/)![1];
  const blog = createServer((req, res) => {
    const theme = new URL(req.url ?? "/", "http://x").searchParams.get("theme");
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><body><script src="${source}?theme=${theme}"></script></body></html>`);
  });
  await new Promise<void>((ready) => blog.listen(0, "127.0.0.1", ready));
  const { port } = blog.address() as AddressInfo;
  const look = async (theme: string, colorScheme: "light" | "dark") => {
    const reader = await browser.newContext({ colorScheme });
    const host = await reader.newPage();
    const problems = watchForScript(host);
    await host.goto(`http://127.0.0.1:${port}/?theme=${theme}`);
    const file = host.locator(".gistful-embed .ge-file");
    await expect(file).toBeVisible();
    const background = await file.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(problems).toEqual([]);
    await reader.close();
    return background;
  };
  const dark = "rgb(13, 17, 23)";
  const light = "rgb(255, 255, 255)";
  expect(await look("dark", "light")).toBe(dark);
  expect(await look("light", "dark")).toBe(light);
  expect(await look("auto", "dark")).toBe(dark);
  expect(await look("auto", "light")).toBe(light);
  blog.close();
  await context.close();
});

test("private gists offer no embed snippet", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await createGist(page, "private", [["p.txt", "p\n"]]);
  await expect(page.locator("#copy-clone")).toBeVisible();
  await expect(page.locator("#copy-embed")).toHaveCount(0);
  await context.close();
});
