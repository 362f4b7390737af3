import { describe, expect, it } from "vitest";
import { writeBody } from "./write-body.server";

/** A connection behind the compression middleware, noting what is written and each flush. */
function recorder() {
  const events: string[] = [];
  return {
    events,
    out: {
      write: (chunk: Uint8Array) => events.push(`write ${chunk.length}`) > 0,
      end: () => void events.push("end"),
      destroy: () => void events.push("destroy"),
      flush: () => void events.push("flush"),
    },
  };
}

const chunk = (n: number) => new Uint8Array(n);

describe("writing an answer's body", () => {
  it("writes a page rendered in many chunks without a flush after each (compressed in large pieces)", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 190; i++) controller.enqueue(chunk(2048));
        controller.close();
      },
    });
    const { events, out } = recorder();
    await writeBody(body, out);
    const writes = events.filter((e) => e.startsWith("write"));
    // 380 KiB in pieces of at most 64 KiB, not 190 of 2 KiB.
    expect(writes.length).toBeLessThanOrEqual(7);
    expect(writes.reduce((sum, e) => sum + Number(e.split(" ")[1]), 0)).toBe(190 * 2048);
    expect(events.filter((e) => e === "flush").length).toBeLessThanOrEqual(1);
    expect(events.at(-1)).toBe("end");
  });

  it("flushes when the body pauses, so what is made so far reaches the person (a streamed export)", async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const { events, out } = recorder();
    const writing = writeBody(body, out);
    controller.enqueue(chunk(10));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["write 10", "flush"]);
    controller.enqueue(chunk(20));
    controller.close();
    await writing;
    expect(events.slice(2)).toEqual(["write 20", "end"]);
  });

  it("ends the connection with the error when the body fails", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk(5));
        controller.error(new Error("render failed"));
      },
    });
    const { events, out } = recorder();
    await expect(writeBody(body, out)).rejects.toThrow("render failed");
    expect(events).toContain("destroy");
    expect(events).not.toContain("end");
  });
});
