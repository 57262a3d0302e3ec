import { expect, test } from "@playwright/test";
import { createGist, hydrated, signedIn } from "./helpers";

// Full-page pictures of the main pages in both themes, kept with the test results
// (test-results/…/screenshots) for a person to look over.
for (const scheme of ["light", "dark"] as const) {
  test(`screenshots of the main pages, ${scheme}`, async ({ browser }, info) => {
    test.setTimeout(90_000);
    const { context, page, name } = await signedIn(browser, { colorScheme: scheme });
    const url = await createGist(page, "public", [
      ["server.rs", "use std::net::TcpListener;\n\nfn main() -> std::io::Result<()> {\n    let listener = TcpListener::bind(\"127.0.0.1:8080\")?;\n    for stream in listener.incoming() {\n        println!(\"connection from {:?}\", stream?.peer_addr());\n    }\n    Ok(())\n}\n"],
      ["README.md", "# A tiny server\n\n- listens on **8080**\n- prints each peer\n\n```sh\ncargo run\n```\n"],
      ["data.csv", "name,port\nweb,8080\nadmin,9090\n"],
    ], "A tiny TCP server", "rust, networking");
    await page.goto(`${url}/edit`);
    await hydrated(page);
    await page.getByLabel("File content").first().fill("# A tiny server\n\nNow with **more** words.\n");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(url);

    const pages: [string, string][] = [
      ["home", "/"],
      ["explore", "/explore"],
      ["gist", url],
      ["edit", `${url}/edit`],
      ["revisions", `${url}/revisions`],
      ["profile", `/${name}`],
      ["settings", "/settings"],
      ["new", "/new"],
      ["not-found", "/nobody/here"],
    ];
    for (const [label, path] of pages) {
      await page.goto(path);
      await hydrated(page);
      // Each page is drawn in the theme the system asks for.
      const background = await page.locator(".app").evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect((r + g + b) / 3 > 128, `${label}: ${background}`).toBe(scheme === "light");
      const shot = info.outputPath("screenshots", `${label}-${scheme}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await info.attach(`${label}-${scheme}`, { path: shot, contentType: "image/png" });
    }
    await context.close();
  });
}
