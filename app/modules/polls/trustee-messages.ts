/**
 * What a poll's trustees read (decision 045), in plain words: their page, its errors, and what
 * the poll page says about them. The commands are belenios-tool's own, shown only in the part of
 * the page for trustees who use it instead of their browser.
 */
import type { KeyProblem, ShareProblem } from "./encrypted/poll-trustees.server";

const minutes = (seconds: number) => (seconds < 90 ? "about a minute" : `about ${Math.round(seconds / 60)} minutes`);

/** Naming trustees, and a trustee's way to their page: the same wherever trustees are named (a poll, a trustee set, an election). */
export const trusteeNamingText = {
  yourPage: "Go to your trustee page",
  formLabel: "Trustees' email addresses",
  nameButton: "Name the trustees",
};

export const trusteeText = {
  /** The browser tab of a trustee's page, for a poll or for a trustee set. */
  metaTitle: "Your part as a trustee",
  /** The plain answers of a trustee's page and its files: a file they may not have, a form it does not take. */
  noSuchFile: "There is no such file for you to work from.",
  /**
   * A plain answer's sentence, whole with its full stop so a translator sees it as given; the
   * shared commonWords.unknownRequest is a form's error line, which has none.
   */
  unknownRequest: "Unknown request.",
  title: (title: string) => `Your part as a trustee: ${title}`,
  lead: (position: number, total: number, threshold: number | null) =>
    threshold === null
      ? `You are trustee ${position} of ${total}. The ballots of this poll can only be counted with every trustee's part, so nobody, not even the people who run this server, can read a ballot or the result without all of you.`
      : `You are trustee ${position} of ${total}. The result can be decrypted by any ${threshold} of you together, and never by fewer: nobody, not even the people who run this server, can read a ballot or the result unless ${threshold} trustees do it.`,
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
    before === 1
      ? "The trustee before you is shuffling the ballots. Come back later: this page will ask you to shuffle once they have."
      : `${before} trustees before you are still to shuffle the ballots. Come back when they have.`,
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
  done: (decrypted: number, needed: number, total: number) =>
    decrypted >= needed
      ? needed === total
        ? "You have done your part, and so has every trustee: the result is out."
        : "You have done your part, and so have enough trustees: the result is out."
      : needed === total
        ? `You have done your part. ${decrypted} of ${total} trustees have sent their share so far.`
        : `You have done your part. ${decrypted} of the ${needed} shares needed are in so far.`,
  progress: (shuffled: number, decrypted: number, needed: number, total: number, ranked: boolean) =>
    needed === total
      ? ranked
        ? `${shuffled} of ${total} trustees have shuffled; ${decrypted} of ${total} have decrypted.`
        : `${decrypted} of ${total} trustees have decrypted.`
      : ranked
        ? `${shuffled} of the ${needed} shuffles needed are done; ${decrypted} of the ${needed} shares needed are in.`
        : `${decrypted} of the ${needed} shares needed are in.`,
  thresholdShuffleText: (needed: number) =>
    `Rankings are read whole, so before anyone decrypts them ${needed} trustees, one after another in any order, each put them in a new secret order and re-encrypt them, with a proof that none was changed. Once ${needed} have, nobody can tell which ranking came from which ballot unless all ${needed} told.`,
  waitForOthersShuffle: "You have shuffled. Come back when enough trustees have shuffled too: this page will then ask for your share of the decryption.",
  // The threshold ceremony (decision 046): three steps, each taken by every trustee before the next.
  ceremonyTitle: (step: 1 | 2 | 3) => `Make your key: step ${step} of 3`,
  ceremonyIntro: (threshold: number, total: number) =>
    `Your ${total} trustees make one key together, in 3 steps, so that any ${threshold} of you can decrypt and fewer cannot. Each step needs every trustee to have done the one before: this page tells you when to come back.`,
  certificateText:
    "First your browser makes your key file. It holds your secret: you need it for every later step and again when the poll closes, and nobody can make it again for you. The server gets only its public part.",
  makeCertificateButton: "Make my key file in this browser",
  saveKeyFile: (id: string) => `Save your key file (trustee-${id}.key)`,
  giveCertificateButton: "Give the public part",
  certificateGiven: "Your public part is in. You can make a new key file and give that instead until every trustee has given theirs.",
  polynomialText:
    "Every trustee has made their key file. Now your browser makes your part of the shared key, and sends each trustee their piece of it, locked so that only their key file opens it.",
  keyShareText:
    "Every trustee has sent their pieces. Now your browser opens the pieces sent to you, checks each against what its sender promised, and makes your share of the key.",
  keyFileLabel: "Your key file (the one ending .key)",
  runStepButton: "Do this step in this browser",
  working: "Working…",
  stepGiven: "You have done this step.",
  waitForStep: (taken: number, total: number) =>
    `${taken} of ${total} trustees have done this step. Come back when all have: this page will then ask you for the next one.`,
  ceremonyDone: (fingerprint: string) => `Your share of the key (${fingerprint}) is in. Keep your key file safe until the poll's result is out.`,
  keyFileWrong: "This key file is not the one you made for this poll. Choose the file you saved at step 1",
  pieceInvalid: (from: number) =>
    `The piece trustee ${from} sent you does not match what they promised. Do not go on: tell the returning officer, who should cancel this poll and start it again.`,
  toolCertificateCommand: (group: string) => `belenios-tool setup generate-trustee-key-threshold --group ${group} --step 1`,
  toolCertificateSteps: "It writes two files. Keep the one ending .key secret and safe. Open the one ending .cert and paste its text here.",
  toolCertificatesLink: "Download every trustee's public part (certs.jsons)",
  toolVinputLink: "Download the pieces sent to you (your .vinput file)",
  toolPolynomialCommand: (group: string, threshold: number) =>
    `belenios-tool setup generate-trustee-key-threshold --group ${group} --certs certs.jsons --key YOUR-KEY.key --step 3 --threshold ${threshold}`,
  toolKeyShareCommand: (group: string, position: number) =>
    `belenios-tool setup generate-trustee-key-threshold --group ${group} --certs certs.jsons --key YOUR-KEY.key --step 5 < trustee-${position}.vinput`,
  toolStepPaste: "Put the downloaded files in the folder that holds your key file, run this there, and paste the line it prints here.",
  pasteCertificateLabel: "Your public part (the text of the .cert file)",
  pasteStepLabel: "What belenios-tool printed",
  toolDkeyLink: "Download your locked share of the key (your .dkey file)",
  toolThresholdDecryptCommand: (position: number) =>
    `belenios-tool election decrypt-threshold --key YOUR-KEY.key --decryption-key trustee-${position}.dkey --trustee-id ${position}`,
  thresholdDecryptText:
    "Choose your key file (the one ending .key). Your browser opens your share of the key with it and works out your share of the decryption, with a proof that it is correct. The key file itself never leaves your computer.",
  cancelled: "This poll was cancelled, so there is nothing more for you to do. You may delete your private key file.",
  browserFailed: "Your browser could not finish. Reload the page and try again, or use belenios-tool (below).",
  toolTitle: "Use belenios-tool instead",
  toolIntro: "Belenios' own tool does the same on your computer (on Debian or Ubuntu: sudo apt install belenios-tool). Then paste what it prints below.",
  toolKeyCommand: (group: string) => `belenios-tool setup generate-trustee-key --group ${group}`,
  toolKeySteps: "It writes two files. Keep the one ending .privkey secret and safe. Open the one ending .pubkey and paste its text here.",
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
  stepSent: "Done: this step of making the key is in.",
  counted: "Your share was the last one: the result is decrypted and counted.",
  notTrustee: "You are not a trustee of this poll.",
  // A trustee set (decision 047): named once for all of an election's ballots.
  setTitleFallback: "the election's ballots",
  electionBallots: "every ballot of this election",
  setLead: (position: number, total: number, threshold: number | null, what: string) =>
    threshold === null
      ? `You are trustee ${position} of ${total} for ${what}. The ballots can only be counted with every trustee's part, so nobody, not even the people who run this server, can read a ballot or a result without all of you.`
      : `You are trustee ${position} of ${total} for ${what}. The results can be decrypted by any ${threshold} of you together, and never by fewer: nobody, not even the people who run this server, can read a ballot or a result unless ${threshold} trustees do it.`,
  setWaitForBallots:
    'When the ballots close, each ballot asks for your part on its own trustee page: the Polls page lists them under "Your part as a trustee". Bring the same key file.',
  electionsLink: "Back to the election",
  setBallotsTitle: "The ballots",
  setBallotTask: {
    yours: "waiting for your part: open it to shuffle or decrypt",
    waiting: "nothing for you to do now",
    done: "done",
  },
  pollPageLink: "Back to the poll",
  // Every ballot of a set at once, in the browser (decision 048).
  batchIntro: (n: number) =>
    `${n === 1 ? "1 ballot waits" : `${n} ballots wait`} for your part. You can do ${n === 1 ? "it" : "them all"} here in one go, with your key file, or open each below.`,
  batchButton: (n: number) => (n === 1 ? "Do it in this browser" : `Do all ${n} in this browser`),
  batchWorking: (i: number, n: number, title: string) => `Working on ${i} of ${n}: ${title}`,
  batchDone: (n: number) => `Done: your part of ${n === 1 ? "1 ballot is" : `${n} ballots is`} in.`,
  batchRefused: (title: string) => `The server refused your part of "${title}". Open it below to see why; the ones before it are in.`,
  batchFailed: (title: string) => `Your browser could not finish "${title}". Reload the page and try again: the ones before it are in.`,
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
  certificate_unreadable: "This is not a Belenios certificate. Paste the whole text of the file ending .cert",
  step_unreadable: "This is not what belenios-tool prints at this step. Paste the first line of its output, whole",
  step_invalid:
    "This does not check out against the other trustees' work: it was made from other files, for another poll, or with another key file. Download the files again and redo this step",
  not_your_step: "This is not the step the trustees are at: check what this page asks of you now.",
  already_given: "You have already done this step.",
  overtaken: "Another trustee sent their shuffle while you were working on yours. Reload the page and shuffle again from theirs",
};

/** The poll page's lines about its trustees. */
export const pollTrusteeText = {
  heading: "Trustees",
  keysGiven: (given: number, total: number) => `${given} of ${total} trustees have given their key. The poll can be opened once all have.`,
  held: (total: number, needed: number) =>
    needed < total
      ? `This poll's key is shared by ${total} trustees named by the returning officer, not held by the server: any ${needed} of them together can decrypt the result, and nobody can read a ballot, or the result, without ${needed} of them.`
      : `This poll's key is held by ${total} ${total === 1 ? "trustee" : "trustees"} named by the returning officer, not by the server: nobody can read a ballot, or the result, without every one of them.`,
  decrypting: (done: number, needed: number, total: number) =>
    done >= needed
      ? "Voting has closed. Enough trustees have decrypted the result: it is counted with the rest of the election, the offices first."
      : needed === total
        ? `Voting has closed. The trustees are decrypting the result: ${done} of ${total} have sent their share.`
        : `Voting has closed. The trustees are decrypting the result: ${done} of the ${needed} shares needed are in.`,
  yourPage: trusteeNamingText.yourPage,
  tasksHeading: "Your part as a trustee",
  taskKey: "make your key before the poll can open",
  taskDecrypt: "voting has closed: send your share of the decryption",
  taskSetKey: "make your key before the election's ballots can open",
  taskScopeKey: "make your key before the vote can open",
  setTaskFallback: "An election's ballots",
  keysMissing: "Every trustee must give their key before the poll can open.",
  formLabel: "Trustees (optional)",
  formHint: (max: number) =>
    `Email addresses of members, one per line, at most ${max}. Each makes a key, and the result can only be decrypted with theirs. Leave empty for the server to hold the key: then whoever runs the server could read the ballots.`,
  thresholdLabel: "How many trustees must decrypt (optional)",
  thresholdHint:
    "Only with 3 or more trustees. Any this many of them together can decrypt the result, and fewer cannot. Leave empty for more than half of them.",
  thresholdNotNumber: "Enter a whole number of trustees, like 3",
  thresholdOutOfRange: (total: number) => `Enter a number from 2 to ${total}, the number of trustees`,
  thresholdNeedsThree: "A number who must decrypt can only be set with 3 or more trustees. Leave it empty, or name more trustees",
  tooMany: (max: number) => `Name at most ${max} trustees`,
  twice: "Name each trustee once",
  unknown: (email: string) => `Nobody with the email address ${email} has an account here`,
};
