import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import { ConfirmCheckbox, TextField } from "~/components/forms";
import { accountPageText } from "../../account-messages";
import { emailChangeMessages } from "../../messages";

/** Asking for a new address: a link goes to each address, and the change waits for both (decision 031). */
export function ChangeEmail({
  pendingEmail,
  newEmail,
  error,
  onSubmit,
}: {
  pendingEmail: string | null;
  newEmail: string;
  error?: string;
  /** The browser's check of the address before it is sent (useFormCheck). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const t = accountPageText.changeEmail;
  return (
    <>
      <h2>{t.heading}</h2>
      {pendingEmail ? <p>{emailChangeMessages.pending(pendingEmail)}</p> : null}
      <p>{t.intro}</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="change-email" />
        <TextField name="newEmail" type="email" label={t.newEmail} autoComplete="email" spellCheck={false} defaultValue={newEmail} error={error} />
        <button type="submit" className="button button--secondary">
          {t.submit}
        </button>
      </Form>
    </>
  );
}

export function SignOutEverywhere() {
  const t = accountPageText.signOutEverywhere;
  return (
    <>
      <h2>{t.heading}</h2>
      <p>{t.intro}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button button--warning">
          {t.submit}
        </button>
      </Form>
    </>
  );
}

/** Downloading everything held about the person, and removing it. */
export function YourInformation({ error }: { error?: string }) {
  const t = accountPageText.yourInformation;
  return (
    <>
      <h2>{t.heading}</h2>
      <p>
        <a href="/account/data.json" download>
          {t.download.link}
        </a>
        {t.download.after}
      </p>
      <h3>{t.removeHeading}</h3>
      <p>{t.removeIntro}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="erase" />
        <ConfirmCheckbox name="confirmErase" label={t.confirm} error={error} />
        <button type="submit" className="button button--warning">
          {t.submit}
        </button>
      </Form>
    </>
  );
}
