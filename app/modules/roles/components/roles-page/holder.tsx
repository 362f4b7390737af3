import { Form } from "@remix-run/react";
import { FieldError, type FieldErrors } from "~/components/forms";
import { roleNames, roleProblemMessages } from "../../messages";
import { rolesPageText } from "../../page-messages";
import type { AppointableRole } from "../../role-rules";
import type { ShownHolder } from "../../page-view.server";

/** One holder of a role: their name (and address, for organisers), and the button that removes them, or why it cannot yet. */
export function Holder({
  holder: h,
  office: role,
  canManage,
  errors,
  busy,
}: {
  holder: ShownHolder;
  office: AppointableRole;
  canManage: boolean;
  errors: FieldErrors;
  busy: boolean;
}) {
  const t = rolesPageText.holder;
  const id = `remove-${role}-${h.id}`;
  const error = errors[id];
  return (
    <div className="role-holder">
      <p>
        <strong>{h.name}</strong>
        {h.me ? t.you : ""}
        {h.email ? `, ${h.email}` : ""}
      </p>
      {canManage ? (
        h.kept ? (
          <p className="hint">{roleProblemMessages[h.kept]}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="role" value={role} />
            <input type="hidden" name="userId" value={h.id} />
            <FieldError id={id} message={error} />
            <button type="submit" id={id} className="button button--secondary" disabled={busy} aria-describedby={error ? `${id}-error` : undefined}>
              {t.remove(h.me ? t.yourself : h.name, roleNames[role])}
            </button>
          </Form>
        )
      ) : null}
    </div>
  );
}
