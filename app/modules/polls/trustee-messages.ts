/**
 * What a poll's trustees read (decision 045), in plain words: their page, its errors, and what
 * the poll page says about them. The commands are belenios-tool's own, shown only in the part of
 * the page for trustees who use it instead of their browser.
 */
import type { KeyProblem, ShareProblem } from "./encrypted/poll-trustees.server";

const minutes = (seconds: number) => (seconds < 90 ? "about a minute" : `about ${Math.round(seconds / 60)} minutes`);

export const trusteeText = {
  title: (title: string) => `Your part as a trustee: ${title}`,
  lead: (position: number, total: number) =>
    `You are trustee ${position} of ${total}. The ballots of this poll can only be counted with every trustee's part, so nobody, not even the people who run this server, can read a ballot or the result without all of you.`,
  giveKeyTitle: "Make your key",
  giveKeyText:
    "Your key has two parts. The private part stays with you, in a file you save: you need it again when the poll closes, and nobody can make it again for you. The public part is given to the server, which puts it in the poll's record.",
  makeKeyButton: "Make my key in this browser",
  makingKey: "Making your key…",
  savePrivateKey: (fingerprint: string) => `Save your private key file (trustee-${fingerprint}.privkey)`,
  savedCheckbox: "I have saved my private key file somewhere safe, and I will keep it secret",
  savedRequired: "Save your private key file first, then tick the box to say you have",
  giveKeyButton: "Give my public key",
  keyGiven: (fingerprint: string) => `Your public key ${fingerprint} is in. You can give another one until the poll opens.`,
  keyGivenNow: (fingerprint: string) => `Your public key ${fingerprint} is in. Keep your private key file safe until the poll's result is out.`,
  waitForClose: (closes: string) => `The poll is open until ${closes} (UK time). When it closes, come back to this page with your private key file.`,
  waitForShuffle: (before: number) =>
    before === 1 ? "The trustee before you is shuffling the ballots. Come back later: this page will ask you to shuffle once they have." : `${before} trustees before you are still to shuffle the ballots. Come back when they have.`,
  shuffleTitle: "Shuffle the ranked ballots",
  shuffleText:
    "Rankings are read whole, so before anyone decrypts them each trustee in turn puts them in a new secret order and re-encrypts them, with a proof that none was changed. After your shuffle, nobody can tell which ranking came from which ballot unless every trustee told.",
  shuffleButton: "Shuffle in this browser",
  shuffling: "Shuffling the ballots…",
  decryptTitle: "Decrypt your share of the result",
  decryptText:
    "Choose your private key file. Your browser reads it and works out your share of the decryption, with a proof that it is correct. The key file itself never leaves your computer.",
  privateKeyLabel: "Your private key file",
  decryptButton: "Decrypt in this browser",
  decrypting: "Decrypting your share…",
  keyDoesNotMatch: "This is not the private key you gave for this poll. Choose the file you saved when you made your key",
  keyFileMissing: "Choose your private key file",
  estimate: (seconds: number) => `On this computer this should take ${minutes(seconds)}. Keep this page open until it has finished.`,
  estimateLong: (seconds: number) =>
    `On this computer this would take ${minutes(seconds)}. You may prefer belenios-tool on a faster computer (below); otherwise keep this page open until it has finished.`,
  done: (decrypted: number, total: number) =>
    decrypted === total ? "You have done your part, and so has every trustee: the result is out." : `You have done your part. ${decrypted} of ${total} trustees have sent their share so far.`,
  progress: (shuffled: number, decrypted: number, total: number, ranked: boolean) =>
    ranked ? `${shuffled} of ${total} trustees have shuffled; ${decrypted} of ${total} have decrypted.` : `${decrypted} of ${total} trustees have decrypted.`,
  cancelled: "This poll was cancelled, so there is nothing more for you to do. You may delete your private key file.",
  browserFailed: "Your browser could not finish. Reload the page and try again, or use belenios-tool (below).",
  toolTitle: "Use belenios-tool instead",
  toolIntro: "Belenios' own tool does the same on your computer (on Debian or Ubuntu: sudo apt install belenios-tool). Then paste what it prints below.",
  toolKeyCommand: (group: string) => `belenios-tool setup generate-trustee-key --group ${group}`,
  toolKeySteps:
    "It writes two files. Keep the one ending .privkey secret and safe. Open the one ending .pubkey and paste its text here.",
  toolRecordLink: "Download the poll's record so far",
  toolRecordSteps: "Put the record alone in a new folder, and run this in that folder:",
  toolShuffleCommand: (position: number) => `belenios-tool election shuffle --trustee-id ${position}`,
  toolDecryptCommand: (position: number) => `belenios-tool election decrypt --privkey YOUR-KEY.privkey --trustee-id ${position}`,
  toolPasteSteps: "Paste the first line it prints here.",
  pasteKeyLabel: "Your public key (the text of the .pubkey file)",
  pasteShuffleLabel: "Your shuffle (what belenios-tool printed)",
  pasteDecryptionLabel: "Your share of the decryption (what belenios-tool printed)",
  sendButton: "Send",
  sent: { key: "Your public key is in.", shuffle: "Your shuffle is in: the next trustee can now shuffle or decrypt.", decryption: "Your share is in." },
  counted: "Your share was the last one: the result is decrypted and counted.",
  notTrustee: "You are not a trustee of this poll.",
  pollPageLink: "Back to the poll",
};

export const trusteeProblems: Record<KeyProblem | ShareProblem | "empty", string> = {
  empty: "Paste the text first",
  not_found: "There is no such poll.",
  not_trustee: trusteeText.notTrustee,
  not_draft: "The poll has opened, so its keys can no longer change.",
  key_unreadable: "This is not a Belenios public key. Paste the whole text of the file ending .pubkey",
  key_invalid: "This key does not prove itself: it may be for another kind of poll, or changed. Make a new key and give that",
  key_reused: "Another trustee gave this same key. Each trustee makes their own key",
  not_decrypting: "The poll is not waiting for its trustees.",
  not_your_turn: "It is not your turn yet: check what this page asks of you now.",
  already_done: "You have already sent your share.",
  share_unreadable: "This is not what belenios-tool prints. Paste the first line of its output, whole",
  share_invalid: "Its proofs do not hold: it was made from other files or with another key. Download the record again and start over",
};

/** The poll page's lines about its trustees. */
export const pollTrusteeText = {
  heading: "Trustees",
  keysGiven: (given: number, total: number) => `${given} of ${total} trustees have given their key. The poll can be opened once all have.`,
  held: (total: number) =>
    `This poll's key is held by ${total} ${total === 1 ? "trustee" : "trustees"} named by the returning officer, not by the server: nobody can read a ballot, or the result, without every one of them.`,
  decrypting: (done: number, total: number) => `Voting has closed. The trustees are decrypting the result: ${done} of ${total} have sent their share.`,
  yourPage: "Go to your trustee page",
  tasksHeading: "Your part as a trustee",
  taskKey: "make your key before the poll can open",
  taskDecrypt: "voting has closed: send your share of the decryption",
  keysMissing: "Every trustee must give their key before the poll can open.",
  formLabel: "Trustees (optional)",
  formHint: (max: number) =>
    `Email addresses of members, one per line, at most ${max}. Each makes a key, and the result can only be decrypted with all of theirs. Leave empty for the server to hold the key: then whoever runs the server could read the ballots.`,
  tooMany: (max: number) => `Name at most ${max} trustees`,
  twice: "Name each trustee once",
  unknown: (email: string) => `Nobody with the email address ${email} has an account here`,
};
