/**
 * A trustee's work in their browser (decisions 045-048): checking the key file they chose against
 * the key they gave, and making their shuffle or their share of the decryption of one poll from
 * the files its trustee page serves. Used by a poll's trustee page and, for every poll of a trustee
 * set at once, by the set's page. The key file is read here and never sent.
 */
/** The text of a file a poll's trustee page serves (election.json, tally.json, shuffle.json, the .dkey). */
export async function fetchPollTrusteeFile(pollId: string, name: string): Promise<string> {
  const response = await fetch(`/polls/${pollId}/trustee/${name}`, { credentials: "same-origin" });
  if (!response.ok) throw new Error(name);
  return response.text();
}

export interface KeyForDecrypting {
  keyText: string;
  /** With a threshold: the trustee's share of the key, as relayed by the ceremony (the .dkey). */
  dkey: string;
}

/**
 * Whether the chosen key file is this trustee's: a valid key that is not theirs would give a share
 * the server refuses, so it is said before any work. With a threshold, the .dkey comes from the
 * poll named (every poll of a set has the same).
 */
export async function checkKeyFile(input: {
  groupName: string;
  threshold: boolean;
  publicKey: string | null;
  keyText: string;
  pollId: string;
}): Promise<KeyForDecrypting | null> {
  if (!input.publicKey) return null;
  if (input.threshold) {
    const { keyShareMatches } = await import("~/modules/belenios/browser/threshold-ceremony");
    const dkey = await fetchPollTrusteeFile(input.pollId, "decryption-key.dkey").catch(() => "");
    return (await keyShareMatches(input.groupName, input.keyText, dkey, input.publicKey).catch(() => false)) ? { keyText: input.keyText, dkey } : null;
  }
  const { privateKeyFileMatches } = await import("~/modules/belenios/browser/trustee-key");
  return (await privateKeyFileMatches(input.groupName, input.keyText, input.publicKey).catch(() => false)) ? { keyText: input.keyText, dkey: "" } : null;
}

/** One poll's shuffle, or this trustee's share of its decryption, as the text the server takes. */
export async function trusteeShareInBrowser(input: {
  pollId: string;
  kind: "shuffle" | "decryption";
  threshold: boolean;
  /** How many shuffles the poll has: the last one is what this trustee shuffles or decrypts. */
  shuffled: number;
  key: KeyForDecrypting | null;
  progress: (fraction: number) => void;
}): Promise<string> {
  // Loaded when the work starts: the page's own code stays small.
  const { pageBreather } = await import("./encrypt-in-browser");
  const options = { pause: pageBreather(), progress: input.progress };
  const fetchText = (name: string) => fetchPollTrusteeFile(input.pollId, name);
  const election = await fetchText("election.json");
  const lastShuffle = input.shuffled > 0 ? await fetchText("shuffle.json") : null;
  if (input.kind === "shuffle") {
    const { shuffleInBrowser } = await import("~/modules/belenios/browser/shuffle");
    return shuffleInBrowser(election, lastShuffle ?? (await fetchText("tally.json")), options);
  }
  if (!input.key) throw new Error("no key file to decrypt with");
  const tally = await fetchText("tally.json");
  if (input.threshold) {
    const { thresholdPartialDecryptionInBrowser } = await import("~/modules/belenios/browser/threshold-ceremony");
    return thresholdPartialDecryptionInBrowser(election, tally, input.key.keyText, input.key.dkey, { ...options, ...(lastShuffle ? { lastShuffle } : {}) });
  }
  const { partialDecryptionInBrowser } = await import("~/modules/belenios/browser/partial-decryption");
  return partialDecryptionInBrowser(election, tally, input.key.keyText, { ...options, ...(lastShuffle ? { lastShuffle } : {}) });
}

/** A ballot of a trustee set that waits for this trustee, as the set's page lists it. */
export interface WaitingBallot {
  pollId: string;
  title: string;
  work: { kind: "shuffle" | "decryption"; shuffled: number };
  publicKey: string | null;
}

export type BatchOutcome =
  | { ok: true; done: number }
  | { ok: false; done: number; problem: "no_key_file" | "wrong_key_file" | "refused" | "failed"; title?: string };

/**
 * Every waiting ballot of a set, one after another (decision 048): the key file is checked once,
 * against the first ballot to decrypt; each share is sent to its ballot's own trustee page, as its
 * form would send it. A refusal stops the run at that ballot, and says which: the ones before it
 * are in.
 */
export async function doBallotsInBrowser(input: {
  ballots: readonly WaitingBallot[];
  groupName: string;
  threshold: boolean;
  keyText: string | null;
  onProgress: (done: number, title: string, fraction: number) => void;
}): Promise<BatchOutcome> {
  let key: KeyForDecrypting | null = null;
  const first = input.ballots.find((b) => b.work.kind === "decryption");
  if (first) {
    if (input.keyText === null) return { ok: false, done: 0, problem: "no_key_file" };
    key = await checkKeyFile({
      groupName: input.groupName,
      threshold: input.threshold,
      publicKey: first.publicKey,
      keyText: input.keyText,
      pollId: first.pollId,
    });
    if (!key) return { ok: false, done: 0, problem: "wrong_key_file" };
  }
  let done = 0;
  for (const ballot of input.ballots) {
    input.onProgress(done, ballot.title, 0);
    try {
      const share = await trusteeShareInBrowser({
        pollId: ballot.pollId,
        kind: ballot.work.kind,
        threshold: input.threshold,
        shuffled: ballot.work.shuffled,
        key,
        progress: (fraction) => input.onProgress(done, ballot.title, fraction),
      });
      const body = new FormData();
      body.set("intent", ballot.work.kind);
      body.set("share", share);
      if (ballot.work.kind === "shuffle") body.set("shuffledBefore", String(ballot.work.shuffled));
      const response = await fetch(`/polls/${ballot.pollId}/trustee`, { method: "POST", body, credentials: "same-origin" });
      if (!response.ok) return { ok: false, done, problem: "refused", title: ballot.title };
    } catch {
      return { ok: false, done, problem: "failed", title: ballot.title };
    }
    done += 1;
  }
  return { ok: true, done };
}
