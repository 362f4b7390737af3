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
