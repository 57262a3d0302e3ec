import { devices, expect, test, type Page } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

// A 390x844 phone (iPhone 12-14 size, touch, mobile viewport): no page may scroll
// sideways, and every control of the header, the gist toolbar and the editor must be
// inside the screen, where a thumb can reach it.

const phone = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
  userAgent: devices["Pixel 7"].userAgent,
};

/** Every visible control that lies (even partly) outside the viewport's width. */
async function outside(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const controls = document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary");
    const off: string[] = [];
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Inside a box that scrolls sideways on purpose (code, a wide table) and that itself
      // fits: reachable by scrolling that box.
      let scroller = el.parentElement;
      while (scroller && !["auto", "scroll"].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (scroller) {
        const outer = scroller.getBoundingClientRect();
        if (outer.left >= -1 && outer.right <= width + 1) continue;
      }
      if (box.left < -1 || box.right > width + 1) {
        off.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
    }
    return off;
  });
}

test("every main page fits a 390-pixel phone", async ({ browser }, info) => {
  test.setTimeout(90_000);
  const { context, page } = await signedIn(browser, phone);
  const url = await createGist(page, "public", [
    ["a-rather-long-file-name-for-a-phone-screen.rs", "fn main() {\n    println!(\"a long line that is much wider than any phone held upright can show at once\");\n}\n"],
    ["README.md", "# Title\n\nSome text.\n"],
  ], "A gist with a title long enough to wrap on a phone screen", "mobile, layout");
  const pages: [string, string][] = [
    ["home", "/"],
    ["explore", "/explore"],
    ["gist", url],
    ["editor", "/new"],
    ["edit", `${url}/edit`],
    ["revisions", `${url}/revisions`],
    ["settings", "/settings"],
  ];
  const problems: string[] = [];
  for (const [label, path] of pages) {
    await page.goto(path);
    await hydrated(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) {
      // Name the outermost elements that stick out, to say what to fix.
      const culprits = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.getBoundingClientRect().right > 391 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > 391))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5));
      problems.push(`${label}: scrollWidth ${width} (${culprits.join(", ")})`);
    }
    for (const control of await outside(page)) problems.push(`${label}: ${control}`);
    // Kept with the test results for a person to look over.
    await page.screenshot({ path: info.outputPath("screenshots", `phone-${label}.png`) });
  }
  expect(problems, problems.join("\n")).toEqual([]);
  // The theme button, the last of the header, can be pressed.
  await page.goto("/");
  await hydrated(page);
  await page.getByRole("button", { name: /theme/i }).tap();
  await context.close();
});
