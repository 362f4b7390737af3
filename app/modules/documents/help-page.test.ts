import { describe, expect, it } from "vitest";
import { helpPageHtml, helpPageResponse } from "./help-page";

describe("the help page for a document that cannot be given", () => {
  it("escapes what it shows and links home by default", () => {
    const html = helpPageHtml({ title: "No <letter>", body: `Ask "Ola" & co` });
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain("<h1>No &lt;letter&gt;</h1>");
    expect(html).toContain("Ask &quot;Ola&quot; &amp; co");
    expect(html).toContain('<a href="/">Go to the home page</a>');
  });

  it("is sent with its status and is not cached", async () => {
    const res = helpPageResponse({ status: 403, title: "No", body: "Because." });
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await res.text()).toContain("Because.");
  });
});
