import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { describedBy, errorLine } from "../../../../../tests/support/error-lines";
import { correctionProblemMessages } from "../../messages";
import { CorrectPoll } from "./correct-poll";

// Drawn without the page's router: a plain form stands in for Remix's.
vi.mock("@remix-run/react", async () => {
  const { createElement: element } = await import("react");
  return { Form: (props: Record<string, unknown>) => element("form", props) };
});

/*
 * Through the app, every refusal of the cancel form that is not about its reason also takes the
 * form away (the poll has closed, or is one that cannot be cancelled on its own), so the form's
 * own error line is drawn here, with the form still offered.
 */
describe("the cancel form's own error", () => {
  it("is a GOV.UK error line that the cancel button names", () => {
    const message = correctionProblemMessages.not_open;
    const html = renderToStaticMarkup(
      createElement(CorrectPoll, {
        status: "open",
        cannotCancel: null,
        result: { stage: "correction-error", intent: "cancel", errors: { "cancel-form": message }, values: { reason: "Wrong options.", closesAt: "" } },
      }),
    );
    expect(errorLine(html, "cancel-submit")).toBe(message);
    expect(describedBy(html, "cancel-submit")).toEqual(["cancel-submit-error"]);
    expect(html).toMatch(/<button [^>]*\bid="cancel-submit"/);
  });

  it("is not drawn, nor named by the button, when the form has no error", () => {
    const html = renderToStaticMarkup(createElement(CorrectPoll, { status: "open", cannotCancel: null, result: null }));
    expect(html).not.toContain("error-message");
    expect(html).toMatch(/<button [^>]*\bid="cancel-submit"/);
    expect(describedBy(html, "cancel-submit")).toEqual([]);
  });
});
