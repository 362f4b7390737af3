import { describe, expect, it } from "vitest";
import { readUploadForm } from "./upload-form.server";

/** A browser's multipart body for the form, delivered in chunks of the given size. */
async function formRequest(form: FormData, chunkSize: number): Promise<Request> {
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.slice(i, i + chunkSize));
      controller.close();
    },
  });
  return new Request("http://localhost/", {
    method: "POST",
    headers: { "Content-Type": encoded.headers.get("Content-Type")! },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("reading a form with a file", () => {
  const content = 'name;email=x\n"a;b=c","--not a boundary"\r\n\r\nContent-Disposition: form-data; name="x"; filename="y;z"\r\n';

  it("reads file names with ; and = as typed, and the file's bytes untouched, however the body is split", async () => {
    for (const chunkSize of [1, 7, 64, 1 << 20]) {
      const form = new FormData();
      form.set("intent", "upload; a=b");
      form.set("file", new File([content], "pledges; final=v2.csv", { type: "text/csv" }));
      const read = await readUploadForm(await formRequest(form, chunkSize), { uploadForm: null }, 1 << 20);
      if (!read.ok) throw new Error(`${chunkSize}: ${read.problem}`);
      const file = read.form.get("file") as File;
      expect(file.name).toBe("pledges; final=v2.csv");
      expect(await file.text()).toBe(content);
      expect(read.form.get("intent")).toBe("upload; a=b");
    }
  });

  it("uses the form the front door parsed, and counts every part of it against the file's limit", async () => {
    const parsed = new FormData();
    parsed.set("padding", "x".repeat(70 * 1024));
    parsed.set("file", new File(["x"], "a.csv"));
    const request = new Request("http://localhost/", { method: "POST" });
    expect(await readUploadForm(request, { uploadForm: parsed }, 1000)).toEqual({ ok: false, problem: "too_big", status: 413 });
    parsed.set("padding", "x");
    const read = await readUploadForm(request, { uploadForm: parsed }, 1000);
    expect(read.ok && read.form).toBe(parsed);
  });

  it("answers a body that is not a well-formed form with 400, and one over the file's limit with 413", async () => {
    const cut = new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=XyZ" },
      body: '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nName,Email\nAnn',
    });
    expect(await readUploadForm(cut, { uploadForm: null }, 1 << 20)).toEqual({ ok: false, problem: "malformed", status: 400 });
    const noBoundary = new Request("http://localhost/", { method: "POST", headers: { "Content-Type": "multipart/form-data" }, body: "x" });
    expect(await readUploadForm(noBoundary, { uploadForm: null }, 1 << 20)).toEqual({ ok: false, problem: "malformed", status: 400 });
    const form = new FormData();
    form.set("file", new File(["x".repeat(100_000)], "big.csv", { type: "text/csv" }));
    expect(await readUploadForm(await formRequest(form, 100), { uploadForm: null }, 1000)).toEqual({
      ok: false,
      problem: "too_big",
      status: 413,
    });
  });
});
