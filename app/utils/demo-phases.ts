/**
 * The phases the demo can start at, in the order of the road. The demo at a phase holds exactly
 * what the road would have produced up to it (decision 035).
 */
export const demoPhases = ["campaign", "decision", "founding", "drafting", "clause-voting", "nominations", "elections", "registration"] as const;
export type DemoPhase = (typeof demoPhases)[number];

/** The phase that shows most: every earlier step on the record and a ranked ballot open (decision 035). */
export const DEFAULT_DEMO_PHASE: DemoPhase = "elections";

export function isDemoPhase(value: string): value is DemoPhase {
  return (demoPhases as readonly string[]).includes(value);
}

/** True when the demo at `phase` has gone through `step` (and so holds what it produced). */
export function reaches(phase: DemoPhase, step: DemoPhase): boolean {
  return demoPhases.indexOf(phase) >= demoPhases.indexOf(step);
}
