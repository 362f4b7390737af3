import { describe, expect, it } from "vitest";
import { cachedRender } from "./documents.server";

function deferred() {
  let resolve!: (pdf: Buffer) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Buffer>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("the constitution PDFs kept while unchanged", () => {
  it("makes a document once for everyone who asks while it is being made, and keeps it", async () => {
    let renders = 0;
    const made = deferred();
    const render = () => {
      renders += 1;
      return made.promise;
    };
    const first = cachedRender("shared-key", render);
    const second = cachedRender("shared-key", render);
    made.resolve(Buffer.from("%PDF-shared"));
    expect((await first).toString()).toBe("%PDF-shared");
    expect(await second).toBe(await first);
    expect(await cachedRender("shared-key", render)).toBe(await first);
    expect(renders).toBe(1);
  });

  it("tries again after a render that failed, rather than keeping the failure", async () => {
    const failed = deferred();
    const attempt = cachedRender("failing-key", () => failed.promise);
    const waiting = cachedRender("failing-key", () => Promise.resolve(Buffer.from("not used")));
    failed.reject(new Error("worker stopped"));
    await expect(attempt).rejects.toThrow("worker stopped");
    await expect(waiting).rejects.toThrow("worker stopped");
    expect((await cachedRender("failing-key", () => Promise.resolve(Buffer.from("%PDF-again")))).toString()).toBe("%PDF-again");
  });
});
