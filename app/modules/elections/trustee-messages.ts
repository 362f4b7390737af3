import { trusteeNamingText } from "~/modules/polls/trustee-messages";

/** What the Elections page says about the election's trustees (decision 047), in plain words. */
export const electionTrusteeText = {
  heading: "Trustees of the ballots",
  serverHolds:
    "No trustees are named: the server holds the key of the ballots, so whoever runs it could read them. The returning officer can name trustees among the members until the ballots open.",
  held: (total: number, needed: number) =>
    needed < total
      ? `The key of every ballot of this election is shared by ${total} trustees: any ${needed} of them together can decrypt the results, and nobody, not even the people who run the server, can read a ballot without ${needed} of them.`
      : `The key of every ballot of this election is held by ${total} ${total === 1 ? "trustee" : "trustees"}: nobody, not even the people who run the server, can read a ballot or a result without every one of them.`,
  names: (names: string[]) => `Trustees: ${names.join(", ")}.`,
  ready: (ready: number, total: number) => `${ready} of ${total} trustees have made their key. The ballots can open once all have.`,
  step: (step: number, taken: number, total: number) => `They are making their shared key: ${taken} of ${total} have done step ${step} of 3.`,
  complete: "Their key is made: the ballots can open.",
  yourPage: trusteeNamingText.yourPage,
  formIntro:
    "Name members to hold the key of this election's ballots instead of the server. With 3 or more, they make one key together and any few of them can decrypt. Naming them again replaces them, and any key they made.",
  formLabel: trusteeNamingText.formLabel,
  nameButton: trusteeNamingText.nameButton,
  named: (n: number) => `${n} ${n === 1 ? "trustee is" : "trustees are"} named. Each now makes their key on their trustee page.`,
  removed: "No trustees are named: the server holds the key of the ballots.",
  ballotWaiting: "Voting has closed. This ballot is waiting for the trustees to decrypt it; it is counted with the rest of the election, the offices first.",
  inUse: "Their key holds every ballot of this election.",
  waiting: (ballots: number) =>
    `Voting has closed. ${ballots === 1 ? "1 ballot is" : `${ballots} ballots are`} waiting for the trustees to decrypt ${ballots === 1 ? "it" : "them"}; each is counted as soon as enough have, the offices first, by itself within a minute or so.`,
};
