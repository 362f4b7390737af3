import { Form } from "@remix-run/react";
import { TextArea } from "./forms";
import { MAX_COMMENT_LENGTH } from "~/utils/input-limits";
import { characters } from "~/utils/text-limit-messages";
import { formatDateTime } from "~/utils/dates";
import { commentText as t } from "./messages";

export interface ThreadComment {
  id: string;
  parentId: string | null;
  author: string;
  body: string;
  /** The sentence saying the stored comment is longer and only its start is shown. */
  cut?: string | null;
  createdAt: string;
}

/**
 * Members' comments, threaded. Bodies are plain text: React escapes them and CSS keeps the line
 * breaks, so nothing a member types is ever run or rendered as markup. Replying is a plain form
 * inside a <details>, so it works without JavaScript.
 */
export function CommentThread({
  comments,
  canComment,
  formId,
  error,
  errorFor,
  whoSeesNames,
}: {
  comments: readonly ThreadComment[];
  canComment: boolean;
  /** Prefix for field ids: one page may hold a thread for the clause and one per amendment. */
  formId: string;
  error?: string | undefined;
  /** The parent the error belongs to ("" for a new top-level comment). */
  errorFor?: string | undefined;
  /** The sentence under the comment box saying who reads the author's name: the domain's words. */
  whoSeesNames: string;
}) {
  const children = new Map<string | null, ThreadComment[]>();
  for (const c of comments) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const branch = (parentId: string | null, depth: number) => {
    const list = children.get(parentId) ?? [];
    if (list.length === 0) return null;
    return (
      <ul className="comments">
        {list.map((c) => (
          <li key={c.id} className="comment" id={`comment-${c.id}`}>
            <div className="comment__meta">
              <strong>{c.author}</strong>
              {t.wrote}
              {formatDateTime(c.createdAt)}
            </div>
            <p className="comment__body">{c.body}</p>
            {c.cut ? <p className="hint">{c.cut}</p> : null}
            {canComment && depth < 6 ? (
              <details open={errorFor === c.id}>
                <summary>{t.replyTo(c.author)}</summary>
                <CommentForm
                  id={`${formId}-reply-${c.id}`}
                  parentId={c.id}
                  error={errorFor === c.id ? error : undefined}
                  label={t.replyLabel(c.author)}
                  whoSeesNames={whoSeesNames}
                />
              </details>
            ) : null}
            {branch(c.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      {comments.length === 0 ? <p>{t.none}</p> : branch(null, 0)}
      {canComment ? (
        <CommentForm id={`${formId}-new`} parentId="" error={errorFor === "" ? error : undefined} label={t.add} whoSeesNames={whoSeesNames} />
      ) : null}
    </>
  );
}

function CommentForm({
  id,
  parentId,
  error,
  label,
  whoSeesNames,
}: {
  id: string;
  parentId: string;
  error?: string | undefined;
  label: string;
  whoSeesNames: string;
}) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="parentId" value={parentId} />
      <TextArea name="body" id={`${id}-body`} label={label} hint={t.hint(characters(MAX_COMMENT_LENGTH), whoSeesNames)} error={error} rows={3} />
      <button type="submit" className="button button--secondary">
        {t.post}
      </button>
    </Form>
  );
}
