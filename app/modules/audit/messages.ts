/** Plain-English names for audit actions; unknown actions show their code. */
export const auditActionLabels: Record<string, string> = {
  "session.signed_in": "Signed in",
  "session.signed_out": "Signed out",
  "session.signed_out_everywhere": "Signed out on every device",
  "user.created": "Person added",
  "user.role_changed": "Role changed",
  "demo.seeded": "Demo movement created",
  "poll.created": "Poll created",
  "poll.opened": "Poll opened, roll frozen",
  "poll.closed": "Poll closed and counted",
};

export const chainProblemLabels = {
  prev_hash_mismatch: "does not follow the entry before it (an entry was removed or inserted)",
  hash_mismatch: "has been changed since it was written",
} as const;
