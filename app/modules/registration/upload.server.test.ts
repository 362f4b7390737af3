import { MaxPartSizeExceededError, unstable_parseMultipartFormData } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { checkUploadLength, singleFileUploadHandler } from "./upload.server";

const MB = 1024 * 1024;

function multipart(parts: { name: string; filename?: string; bytes: number }[], headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const p of parts) {
    const body = new Uint8Array(p.bytes).fill(65);
    if (p.filename) form.append(p.name, new File([body], p.filename, { type: "text/plain" }));
    else form.append(p.name, "A".repeat(p.bytes));
  }
  return new Request("http://localhost/upload", { method: "POST", body: form, headers });
}

describe("the upload's stated size", () => {
  const post = (length?: string) => new Request("http://localhost/upload", { method: "POST", headers: length === undefined ? {} : { "Content-Length": length } });

  it("refuses a request that does not state its size (chunked) with 411", () => {
    expect(checkUploadLength(post(), 5 * MB)).toEqual({ ok: false, status: 411 });
    expect(checkUploadLength(post("lots"), 5 * MB)).toEqual({ ok: false, status: 411 });
  });

  it("refuses a stated size beyond the file and its envelope with 413, and allows one within", () => {
    expect(checkUploadLength(post(String(6 * MB)), 5 * MB)).toEqual({ ok: false, status: 413 });
    expect(checkUploadLength(post(String(5 * MB + 1000)), 5 * MB)).toEqual({ ok: true });
  });
});

describe("the upload handler", () => {
  it("keeps only the expected file field", async () => {
    const form = await unstable_parseMultipartFormData(
      multipart([
        { name: "note", bytes: 10 },
        { name: "other", filename: "other.txt", bytes: 10 },
        { name: "file", filename: "names.csv", bytes: 20 },
        { name: "file", filename: "second.csv", bytes: 20 },
      ]),
      singleFileUploadHandler("file", MB),
    );
    expect([...form.keys()]).toEqual(["file"]);
    const file = form.get("file") as File;
    expect([file.name, file.size]).toEqual(["names.csv", 20]);
  });

  it("counts the bytes of all the parts together, not each part alone", async () => {
    // Each part is under the cap; together they are far over it.
    const parts = Array.from({ length: 6 }, (_, i) => ({ name: `junk${i}`, bytes: MB / 2 }));
    await expect(unstable_parseMultipartFormData(multipart([...parts, { name: "file", filename: "a.csv", bytes: 10 }]), singleFileUploadHandler("file", 2 * MB))).rejects.toBeInstanceOf(MaxPartSizeExceededError);
    await expect(unstable_parseMultipartFormData(multipart([{ name: "file", filename: "a.csv", bytes: MB }, { name: "file", filename: "b.csv", bytes: MB + 100 * 1024 }]), singleFileUploadHandler("file", 2 * MB))).rejects.toBeInstanceOf(MaxPartSizeExceededError);
  });

  it("refuses a file over the limit", async () => {
    await expect(unstable_parseMultipartFormData(multipart([{ name: "file", filename: "big.csv", bytes: MB + 1 }]), singleFileUploadHandler("file", MB))).rejects.toBeInstanceOf(MaxPartSizeExceededError);
    const ok = await unstable_parseMultipartFormData(multipart([{ name: "file", filename: "fits.csv", bytes: MB }]), singleFileUploadHandler("file", MB));
    expect((ok.get("file") as File).size).toBe(MB);
  });
});
