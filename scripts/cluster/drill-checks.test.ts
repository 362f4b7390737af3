import { describe, expect, it } from "vitest";
import { checkDrill } from "../../bench/failover-checks";
import { classify, unavailability, type StormReport } from "../../bench/failover-storm";

const storm = (outcomes: StormReport["outcomes"]): StormReport => ({ outcomes, errors: new Map(), storedAt: [], wallMs: 1 });
const receipt = (r: string) => ({ kind: "receipt" as const, receipt: r, waitMs: 1, tries: 1 });
const board = (receipts: string[], voted = receipts.length) =>
  ({ ballotCount: receipts.length, voted, publication: { mode: "separate-lists", receipts, pairs: [], contents: [] } }) as unknown as Parameters<
    typeof checkDrill
  >[0]["published"];
const verified = { ok: true, ballots: 2, voted: 2, chainHead: "x" } as const;

describe("the failover drill's verdict", () => {
  it("passes when every receipt is on the board and every stored voter is one ballot", () => {
    const report = storm([receipt("a"), { kind: "already_voted", waitMs: 1, tries: 2 }]);
    expect(checkDrill({ voters: 2, report, verified, published: board(["a", "b"]), promoted: true })).toEqual([]);
  });

  it("names a lost ballot, a doubled one, a voter never stored, and a standby not promoted", () => {
    const lost = checkDrill({ voters: 2, report: storm([receipt("a"), receipt("b")]), verified, published: board(["a"]), promoted: true });
    expect(lost.join(" ")).toMatch(/1 receipt\(s\) given to voters are not on the board/);
    const doubled = checkDrill({ voters: 1, report: storm([receipt("a")]), verified, published: board(["a", "b"]), promoted: true });
    expect(doubled.join(" ")).toMatch(/1 ballot\(s\) more than voters stored \(doubled\)/);
    const gaveUp = checkDrill({
      voters: 1,
      report: storm([{ kind: "gave_up", waitMs: 1, tries: 9, last: "HTTP 503" }]),
      verified,
      published: board([]),
      promoted: false,
    });
    expect(gaveUp.join(" ")).toMatch(/never had their ballot stored \(last error: HTTP 503\).*standby is not the primary/);
  });

  it("reads the ballot endpoint's answers and the gaps with no ballot stored", () => {
    expect(classify({ status: 200, body: '{"ok":true,"receipt":"abc"}' })).toEqual({ kind: "receipt", receipt: "abc" });
    expect(classify({ status: 409, body: '{"ok":false,"code":"already_voted","message":"…"}' })).toEqual({ kind: "already_voted" });
    expect(classify({ status: 503, body: "<html>" })).toEqual({ kind: "error", error: "HTTP 503" });
    expect(unavailability([100, 200, 2_700, 2_800, 4_000])).toEqual({ longestMs: 2_500, longestFromMs: 200, totalMs: 3_700 });
  });
});
