import { describe, expect, it } from "vitest";
import { signInMessages } from "~/modules/auth/messages";
import { signInForm } from "~/modules/auth/sign-in-form";
import { pledgeMessages } from "~/modules/pledges/messages";
import { pledgeFormSchema } from "~/modules/pledges/pledge-form";
import { newPollProblems } from "~/modules/polls/new-poll-messages";
import { pollForm, pollFormInBrowser } from "~/modules/polls/new-poll-form";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { newEmailForm } from "~/modules/users/email-change-form";
import { emailChangeMessages } from "~/modules/users/messages";
import { formValues, parseForm } from "~/utils/form-values";
import { newPollForm } from "../../tests/support/poll-form";
import { checkForm } from "./form-check";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** What the server answers about the same form (formValues, then parseForm). */
function serverErrors(schema: Parameters<typeof checkForm>[0], data: FormData) {
  const parsed = parseForm(schema, formValues(data));
  return parsed.ok ? null : parsed.errors;
}

describe("checkForm, the browser's check before a form is sent", () => {
  it("refuses a bad sign-in address with the server's message, keyed by the field", () => {
    const data = form({ redirectTo: "/", email: "not an email" });
    expect(checkForm(signInForm, data)).toEqual({ email: signInMessages.emailFormat });
    expect(checkForm(signInForm, data)).toEqual(serverErrors(signInForm, data));
  });

  it("lets a form the schema accepts be sent", () => {
    expect(checkForm(signInForm, form({ redirectTo: "/", email: " ceri@example.com " }))).toBeNull();
    expect(checkForm(newEmailForm, form({ intent: "change-email", newEmail: "new@example.com" }))).toBeNull();
  });

  it("gives the first message for each field of the pledge, as the server does", () => {
    const data = form({ name: "", email: "ceri@example.com", postcode: "", monthlySubscription: "lots" });
    const errors = checkForm(pledgeFormSchema, data);
    expect(errors).toMatchObject({
      name: pledgeMessages.nameMissing,
      postcode: pledgeMessages.postcodeMissing,
      monthlySubscription: pledgeMessages.subscriptionFormat,
      consentDataUse: pledgeMessages.consentDataUseMissing,
    });
    expect(errors).not.toHaveProperty("email");
    expect(errors).toEqual(serverErrors(pledgeFormSchema, data));
  });

  it("checks a change of address, leaving the page's other fields alone", () => {
    expect(checkForm(newEmailForm, form({ intent: "change-email", newEmail: " " }))).toEqual({ newEmail: emailChangeMessages.emailMissing });
  });

  it("runs the New poll checks that need no database, the trustees as typed among them", () => {
    const data = form(newPollForm({ title: "", closesAt: "2020-01-01T12:00", trustees: "a@example.com\na@example.com" }));
    const errors = checkForm(pollForm, data);
    expect(errors).toEqual({ title: newPollProblems.titleMissing, closesAt: newPollProblems.closesAtPast, trustees: pollTrusteeText.twice });
    expect(errors).toEqual(serverErrors(pollForm, data));
  });

  it("leaves the closing time's clock check to the server: a phone's clock may run fast", () => {
    const data = form(newPollForm({ title: "", closesAt: "2020-01-01T12:00" }));
    expect(checkForm(pollFormInBrowser, data)).toEqual({ title: newPollProblems.titleMissing });
    expect(serverErrors(pollForm, data)).toEqual({ title: newPollProblems.titleMissing, closesAt: newPollProblems.closesAtPast });
    // A closing time that is not a date at all is refused in the browser too.
    expect(checkForm(pollFormInBrowser, form(newPollForm({ closesAt: "soon" })))).toEqual({ closesAt: newPollProblems.closesAtNotADate });
  });
});
