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
  "constitution.draft_started": "Constitution draft started",
  "constitution.supporters_needed_set": "Supporters needed for amendments set",
  "constitution.amendment_proposed": "Amendment proposed",
  "constitution.amendment_supported": "Amendment supported",
  "constitution.amendment_support_withdrawn": "Support for an amendment withdrawn",
  "constitution.amendment_withdrawn": "Amendment withdrawn",
  "constitution.recommendation_set": "Drafting committee's recommendation published",
  "constitution.comment_added": "Comment posted",
  "constitution.round_opened": "Constitution voting round opened",
  "constitution.round_closed": "Constitution voting round closed and counted",
  "constitution.adoption_vote_opened": "Adoption vote opened",
  "constitution.adoption_failed": "Adoption vote not carried",
  "constitution.adopted": "Constitution adopted as a new version",
};

export const chainProblemLabels = {
  prev_hash_mismatch: "does not follow the entry before it (an entry was removed or inserted)",
  hash_mismatch: "has been changed since it was written",
} as const;
