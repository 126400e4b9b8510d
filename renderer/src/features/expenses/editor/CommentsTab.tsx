import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke, queryKeys } from '../../../lib/api';
import { useFormat } from '../../../lib/format';

export function CommentsTab({ expenseId }: { expenseId: string }) {
  const fmt = useFormat();
  const [body, setBody] = useState('');
  const { data, isPending } = useQuery({ queryKey: queryKeys.comments(expenseId), queryFn: () => invoke('comments.list', { expenseId }) });
  const add = useMutation({
    mutationFn: (text: string) => invoke('comments.add', { expenseId, body: text }),
    onSuccess: () => setBody(''),
  });
  const submit = () => body.trim() && add.mutate(body.trim());

  return (
    <div className="comments">
      {isPending ? (
        <p className="muted">Loading comments…</p>
      ) : data?.length ? (
        <ol className="comments__list" data-testid="comments">
          {data.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__body">{c.body}</p>
              <time className="comment__time muted" dateTime={c.createdAt}>
                {fmt.dateTime(c.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No comments yet. Notes for whoever reviews this go here.</p>
      )}
      <form
        className="comments__form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="visually-hidden" htmlFor="comment-body">
          New comment
        </label>
        <textarea
          id="comment-body"
          className="input"
          rows={2}
          placeholder="Write a comment…"
          value={body}
          maxLength={5000}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              submit();
            }
          }}
          data-testid="comment-input"
        />
        <button type="submit" className="button button--small" disabled={!body.trim() || add.isPending} data-testid="comment-submit">
          Add comment
        </button>
      </form>
    </div>
  );
}
