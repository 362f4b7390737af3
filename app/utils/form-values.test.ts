import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValues, parseForm } from "./form-values";

describe("formValues", () => {
  it("keeps text fields and leaves files out", () => {
    const form = new FormData();
    form.append("title", "Treasurer");
    form.append("file", new Blob(["x"]), "x.csv");
    form.append("seats", "1");
    form.append("seats", "2");
    expect(formValues(form)).toEqual({ title: "Treasurer", seats: "2" });
  });
});

describe("parseForm", () => {
  const schema = z.object({
    title: z.string().trim().min(1, { error: "Enter a title" }),
    seats: z.coerce.number().int({ error: "Enter a whole number" }).min(1, { error: "At least one seat" }),
  });

  it("gives the data when every field passes", () => {
    expect(parseForm(schema, { title: " Committee ", seats: "3" })).toEqual({ ok: true, data: { title: "Committee", seats: 3 } });
  });

  it("gives the first message for each field that fails, keyed by the field", () => {
    expect(parseForm(schema, { title: "  ", seats: "1.5" })).toEqual({ ok: false, errors: { title: "Enter a title", seats: "Enter a whole number" } });
  });

  it("puts a refusal of the whole form under 'form'", () => {
    const whole = z.object({ a: z.string() }).refine(() => false, { error: "Not allowed" });
    expect(parseForm(whole, { a: "x" })).toEqual({ ok: false, errors: { form: "Not allowed" } });
  });
});
