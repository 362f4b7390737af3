import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { sittingMessages } from "../../sitting-messages";

/** While the round's ballot papers are made (decision 049): how far, and that the page follows it. */
export function Preparing({ round, ready, total, closesAt }: { round: number; ready: number; total: number; closesAt: string }) {
  const revalidator = useRevalidator();
  // With JavaScript the progress follows by itself; without, reloading the page shows it.
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 10_000);
    return () => clearInterval(timer);
  }, [revalidator]);
  return (
    <div className="page page--narrow">
      <h1>{sittingMessages.preparingTitle(round)}</h1>
      <p className="lead">{sittingMessages.preparingLead(closesAt)}</p>
      <h2 id="preparing-label">{sittingMessages.preparingProgressTitle}</h2>
      <progress className="progress" max={total} value={ready} aria-labelledby="preparing-label" />
      <p role="status">{sittingMessages.preparingProgress(ready, total)}</p>
    </div>
  );
}
