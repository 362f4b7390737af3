import { useCallback, useEffect, useRef, useState, type DragEvent, type PointerEvent as ReactPointerEvent } from "react";
import { rankingText as t } from "./messages";

type Option = { position: number; label: string; isRon: boolean };
/** Where a dragged candidate would land: a place in the ranking, or back among the unranked. */
type DropTarget = { zone: "ranked"; index: number } | { zone: "unranked" };

/**
 * Progressive enhancement for the numbered ranked ballot: once the page has hydrated, a list the
 * voter can put in order by dragging (mouse or touch) or with buttons (keyboard, screen readers).
 * The numbered `rank-<position>` inputs stay the single source of truth: every change here is
 * written into them, and typing in them moves the list. Without JavaScript nothing renders.
 */
export function RankingEnhancer({ options }: { options: Option[] }) {
  const [mounted, setMounted] = useState(false);
  const [order, setOrder] = useState<number[]>([]);
  const [message, setMessage] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const rankedList = useRef<HTMLOListElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<string | null>(null);

  const input = useCallback((position: number) => {
    const el = document.getElementById(`rank-${position}`);
    return el instanceof HTMLInputElement ? el : null;
  }, []);

  // The ranking the numbered inputs describe: valid numbers in order, ties in ballot order.
  const readInputs = useCallback(() => {
    const entries: [number, number, number][] = [];
    options.forEach((o, i) => {
      const text = input(o.position)?.value.trim() ?? "";
      if (/^\d+$/.test(text) && Number(text) > 0) entries.push([Number(text), i, o.position]);
    });
    return entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , position]) => position);
  }, [options, input]);

  useEffect(() => {
    setMounted(true);
    setOrder(readInputs());
    const form = input(options[0]?.position ?? -1)?.form;
    if (!form) return;
    const follow = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.name.startsWith("rank-")) setOrder(readInputs());
    };
    form.addEventListener("input", follow);
    return () => form.removeEventListener("input", follow);
  }, [options, input, readInputs]);

  useEffect(() => {
    if (focusNext.current) buttons.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const labelOf = (position: number) => options.find((o) => o.position === position)?.label ?? "";

  function announce(text: string) {
    // A repeated message must still change, or screen readers stay silent.
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
  }

  function commit(next: number[], text: string, focus?: string) {
    for (const o of options) {
      const el = input(o.position);
      const rank = next.indexOf(o.position);
      if (el) el.value = rank === -1 ? "" : String(rank + 1);
    }
    setOrder(next);
    announce(text);
    if (focus) focusNext.current = focus;
  }

  function move(position: number, delta: -1 | 1) {
    const from = order.indexOf(position);
    const to = from + delta;
    const name = labelOf(position);
    if (from === -1) return;
    if (to < 0 || to >= order.length) {
      announce(delta < 0 ? t.alreadyFirst(name) : t.alreadyLast(name));
      return;
    }
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, position);
    commit(next, t.moved(name, to + 1), `${delta < 0 ? "up" : "down"}-${position}`);
  }

  function remove(position: number) {
    commit(
      order.filter((p) => p !== position),
      t.removed(labelOf(position)),
      `add-${position}`,
    );
  }

  function add(position: number) {
    const next = [...order.filter((p) => p !== position), position];
    // Focus stays among the unranked, ready to add the next; the last one added keeps its place.
    const unranked = options.filter((o) => !next.includes(o.position));
    const here = options.findIndex((o) => o.position === position);
    const after = unranked.find((o) => options.indexOf(o) > here) ?? unranked.at(-1);
    commit(next, t.added(labelOf(position), next.length), after ? `add-${after.position}` : `up-${position}`);
  }

  function place(position: number, target: DropTarget) {
    const from = order.indexOf(position);
    const name = labelOf(position);
    if (target.zone === "unranked") {
      if (from !== -1) remove(position);
      return;
    }
    const next = order.filter((p) => p !== position);
    const index = Math.min(from !== -1 && target.index > from ? target.index - 1 : target.index, next.length);
    next.splice(index, 0, position);
    if (from === index) return;
    commit(next, from === -1 ? t.added(name, index + 1) : t.moved(name, index + 1));
  }

  // Where a point on the page would drop: between the ranked items, or on the unranked list.
  function targetAt(clientX: number, clientY: number): DropTarget | null {
    const zone = document.elementFromPoint(clientX, clientY)?.closest("[data-rank-zone]");
    if (!zone) return null;
    if (zone.getAttribute("data-rank-zone") === "unranked") return { zone: "unranked" };
    const items = Array.from(rankedList.current?.children ?? []);
    const index = items.filter((li) => {
      const box = li.getBoundingClientRect();
      return box.top + box.height / 2 < clientY;
    }).length;
    return { zone: "ranked", index };
  }

  function endDrag() {
    setDragging(null);
    setDrop(null);
  }

  // HTML5 drag and drop (mouse).
  const dragProps = (position: number) => ({
    draggable: true,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", labelOf(position));
      setDragging(position);
    },
    onDragEnd: endDrag,
  });
  const zoneProps = (zone: DropTarget["zone"]) => ({
    "data-rank-zone": zone,
    onDragOver: (event: DragEvent) => {
      if (dragging === null) return;
      const target = targetAt(event.clientX, event.clientY);
      if (!target || target.zone !== zone || (zone === "unranked" && !order.includes(dragging))) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      if (target.zone !== drop?.zone || (target.zone === "ranked" && drop.zone === "ranked" && target.index !== drop.index)) setDrop(target);
    },
    onDragLeave: (event: DragEvent) => {
      if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setDrop(null);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const target = targetAt(event.clientX, event.clientY);
      if (dragging !== null && target) place(dragging, target);
      endDrag();
    },
  });

  // Pointer events (touch and pen): drag by the handle.
  const handleProps = (position: number) => ({
    onPointerDown: (event: ReactPointerEvent<HTMLSpanElement>) => {
      if (event.pointerType === "mouse") return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      setDragging(position);
    },
    onPointerMove: (event: ReactPointerEvent<HTMLSpanElement>) => {
      if (dragging !== position) return;
      setDrop(targetAt(event.clientX, event.clientY));
    },
    onPointerUp: (event: ReactPointerEvent<HTMLSpanElement>) => {
      if (dragging !== position) return;
      const target = targetAt(event.clientX, event.clientY);
      if (target) place(position, target);
      endDrag();
    },
    onPointerCancel: endDrag,
  });

  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  if (!mounted) return null;
  const unranked = options.filter((o) => !order.includes(o.position));
  // A plain function, not a component: a new component type each render would remount the
  // handle and lose the pointer capture mid-drag.
  const handle = (position: number) => (
    <span className="ranker__handle" aria-hidden="true" {...handleProps(position)}>
      ⠿
    </span>
  );

  return (
    <div className="ranker">
      <p className="ranker__intro">{t.intro}</p>
      <div {...zoneProps("ranked")} className={`ranker__zone${drop?.zone === "ranked" ? " ranker__zone--target" : ""}`}>
        <h3 className="ranker__title" id="ranker-ranked">
          {t.ranked}
        </h3>
        {order.length === 0 ? (
          <p className="ranker__empty">{t.noneRanked}</p>
        ) : (
          <ol className="ranker__list" aria-labelledby="ranker-ranked" ref={rankedList}>
            {order.map((position, i) => {
              const name = labelOf(position);
              const dropClass =
                drop?.zone === "ranked" && dragging !== null
                  ? drop.index === i
                    ? " ranker__item--drop-before"
                    : drop.index === i + 1 && i === order.length - 1
                      ? " ranker__item--drop-after"
                      : ""
                  : "";
              return (
                <li key={position} className={`ranker__item${dragging === position ? " ranker__item--dragging" : ""}${dropClass}`} {...dragProps(position)}>
                  <div className="ranker__row">
                    <span className="ranker__rank" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="ranker__name">{name}</span>
                    {handle(position)}
                  </div>
                  <div className="ranker__buttons">
                    <button type="button" className="ranker__button" ref={ref(`up-${position}`)} aria-disabled={i === 0} onClick={() => move(position, -1)}>
                      <ButtonText text={t.moveUp} name={name} />
                    </button>
                    <button
                      type="button"
                      className="ranker__button"
                      ref={ref(`down-${position}`)}
                      aria-disabled={i === order.length - 1}
                      onClick={() => move(position, 1)}
                    >
                      <ButtonText text={t.moveDown} name={name} />
                    </button>
                    <button type="button" className="ranker__button" ref={ref(`remove-${position}`)} onClick={() => remove(position)}>
                      <ButtonText text={t.remove} name={name} />
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div {...zoneProps("unranked")} className={`ranker__zone ranker__zone--unranked${drop?.zone === "unranked" ? " ranker__zone--target" : ""}`}>
        <h3 className="ranker__title" id="ranker-unranked">
          {t.unranked}
        </h3>
        {unranked.length === 0 ? (
          <p className="ranker__empty">{t.allRanked}</p>
        ) : (
          <ul className="ranker__list" aria-labelledby="ranker-unranked">
            {unranked.map((o) => (
              <li
                key={o.position}
                className={`ranker__item ranker__item--unranked${dragging === o.position ? " ranker__item--dragging" : ""}`}
                {...dragProps(o.position)}
              >
                <div className="ranker__row">
                  <span className="ranker__name">{o.label}</span>
                  <button type="button" className="ranker__button" ref={ref(`add-${o.position}`)} onClick={() => add(o.position)}>
                    <ButtonText text={t.add} name={o.label} />
                  </button>
                  {handle(o.position)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite">
        {message}
      </div>
    </div>
  );
}

/**
 * A button's visible words, with the candidate's name added for screen readers. The whole name is
 * in one hidden span: a hidden span after visible text makes Chrome insert a space ("Move up :").
 */
function ButtonText({ text, name }: { text: string; name: string }) {
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{t.buttonFor(text, name)}</span>
    </>
  );
}
