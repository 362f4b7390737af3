/** The list of polls (routes/polls._index.tsx): the trustee's tasks, then the polls by status. */
import { Link } from "@remix-run/react";
import { pollListText as t } from "~/modules/polls/poll-list-messages";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";

interface PollListView {
  canManage: boolean;
  /** The trustee sets whose key the viewer has to make, with what the set is for. */
  setTasks: { setId: string; title: string; task: string }[];
  /** The polls whose key the viewer, as a trustee, has to make (a draft) or whose result to decrypt. */
  trusteeTasks: { id: string; title: string; status: string }[];
  polls: { id: string; title: string; status: string; timeLine: string; onRoll: boolean }[];
}

/** The groups, in the order they are listed. */
const groups = ["open", "draft", "decrypting", "closed"] as const;

export function PollList({ polls, canManage, trusteeTasks, setTasks }: PollListView) {
  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p>
        {t.clausesBefore}
        <Link to="/constitution">{t.clausesLink}</Link>
        {t.clausesBetween}
        <Link to="/constitution/results">{t.resultsLink}</Link>
        {t.clausesAfter}
      </p>
      <p>
        <Link to="/trustees">{t.trusteesLink}</Link>
      </p>
      {canManage ? (
        <p>
          <Link to="/polls/new" className="button">
            {t.create}
          </Link>
        </p>
      ) : null}
      {trusteeTasks.length + setTasks.length > 0 ? (
        <section aria-labelledby="trustee-tasks" className="panel">
          <h2 id="trustee-tasks">{pollTrusteeText.tasksHeading}</h2>
          <ul className="list">
            {trusteeTasks.map((p) => (
              <li key={p.id}>
                <Link to={`/polls/${p.id}/trustee`}>{p.title}</Link>: {p.status === "draft" ? pollTrusteeText.taskKey : pollTrusteeText.taskDecrypt}
              </li>
            ))}
            {setTasks.map((task) => (
              <li key={task.setId}>
                <Link to={`/trustees/${task.setId}`}>{task.title}</Link>: {task.task}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {polls.length === 0 ? <p>{t.none}</p> : null}
      {groups.map((status) => {
        const list = polls.filter((p) => p.status === status);
        if (list.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`group-${status}`}>
            <h2 id={`group-${status}`}>{t.groups[status]}</h2>
            <ul className="list">
              {list.map((p) => (
                <li key={p.id}>
                  <Link to={`/polls/${p.id}`}>{p.title}</Link>. {p.timeLine}
                  {p.status === "open" && p.onRoll ? t.youCanVote : ""}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
