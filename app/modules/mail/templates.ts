/** Wording of the mail Breakaway sends; kept together so it can be translated. */
export function signInMail(input: { movementName: string; link: string; minutes: number }) {
  return {
    subject: `Your sign-in link for ${input.movementName}`,
    text: [
      `Use this link to sign in to ${input.movementName}:`,
      "",
      input.link,
      "",
      `The link works once and expires in ${input.minutes} minutes.`,
      "If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.",
    ].join("\n"),
  };
}

/**
 * To an address with no account: says so plainly (a person who mistyped or used another address
 * learns it from their own inbox, not from the page, which must not reveal who has an account).
 */
export function noAccountMail(input: { movementName: string; appUrl: string }) {
  return {
    subject: `Signing in to ${input.movementName}`,
    text: [
      `Someone, probably you, asked to sign in to ${input.movementName} with this email address, but it does not belong to anyone in the movement.`,
      "",
      "If you pledged with another address, sign in with that one. Pledgers get an account when they are invited to vote.",
      "",
      `To make the pledge: ${input.appUrl}/pledge`,
      "",
      "If you did not ask to sign in, you can ignore this email.",
    ].join("\n"),
  };
}
