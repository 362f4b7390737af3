import { useEffect, useState } from "react";

export function timeLeft(deadlineMs: number, nowMs: number): string {
  const ms = deadlineMs - nowMs;
  if (ms <= 0) return "The deadline has passed";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts =
    days > 0
      ? [`${days} ${days === 1 ? "day" : "days"}`, `${hours} ${hours === 1 ? "hour" : "hours"}`]
      : [`${hours} ${hours === 1 ? "hour" : "hours"}`, `${mins} ${mins === 1 ? "minute" : "minutes"}`];
  return `${parts.join(", ")} left`;
}

/**
 * Rendered on the server with the server's clock (so it is right without JavaScript), then
 * kept current each minute in the browser. Not a live region: a ticking announcement would
 * interrupt screen reader users.
 */
export function Countdown({ deadline, serverNow }: { deadline: string; serverNow: number }) {
  const deadlineMs = Date.parse(deadline);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return <p className="countdown">{timeLeft(deadlineMs, now)}</p>;
}
