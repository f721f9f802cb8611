import { useState } from 'react';
import {
  commentChannelLabels,
  commentChannels,
  type CommentChannel,
  type ReviewDetail,
} from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { SurveyImport } from './SurveyImport';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

const themesOf = (text: string) =>
  text
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter(Boolean);

export function CommentsSection({ review }: { review: ReviewDetail }) {
  const today = useToday();
  const summary = useApiQuery('reviews.comments', { reviewId: review.id });
  const [channel, setChannel] = useState<CommentChannel>('online');
  const [receivedOn, setReceivedOn] = useState(today);
  const [text, setText] = useState('');
  const [themes, setThemes] = useState('');
  const guard = useUnsavedChanges(text !== '' || themes !== '', 'the comment');
  const add = useApiMutation('reviews.addComment', {
    onSuccess: () => {
      setText('');
      setThemes('');
    },
  });
  const update = useApiMutation('reviews.updateComment');
  const errors = fieldErrors(add.error);
  const s = summary.data;
  return (
    <section className="panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">What customers said ({s?.comments.length ?? 0})</h2>
      {s && s.byTheme.length ? (
        <p>
          <strong>Themes:</strong> {s.byTheme.map((t) => `${t.theme} (${t.count})`).join(', ')}
          {s.untagged ? <span className="muted"> · {s.untagged} without a theme</span> : null}
        </p>
      ) : null}
      {s?.comments.length ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Customer comments</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Comment</th>
                <th scope="col">Themes</th>
                <th scope="col">Quote in the report</th>
              </tr>
            </thead>
            <tbody>
              {s.comments.map((c) => (
                <tr key={c.id}>
                  <td>
                    {formatDate(c.receivedOn)}
                    <div className="muted">{commentChannelLabels[c.channel]}</div>
                  </td>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{c.text}</td>
                  <td>{c.themes.join(', ')}</td>
                  <td>
                    {review.canRecordEvidence ? (
                      <input
                        type="checkbox"
                        aria-label={`Quote in the report: ${c.text.slice(0, 60)}`}
                        checked={c.quote}
                        onChange={(e) =>
                          update.mutate({ id: c.id, themes: c.themes, quote: e.target.checked })
                        }
                      />
                    ) : c.quote ? (
                      'Yes'
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No comments captured yet.</p>
      )}
      {review.canRecordEvidence ? (
        <>
          <form
            {...guard.formProps}
            className="subform"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({
                reviewId: review.id,
                channel,
                receivedOn,
                text,
                themes: themesOf(themes),
              });
            }}
          >
            <h3>Capture a comment</h3>
            {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
            <div className="form-grid">
              <SelectField
                id="comment-channel"
                label="How it came in"
                value={channel}
                options={commentChannels.map((c) => ({ value: c, label: commentChannelLabels[c] }))}
                onChange={(e) => setChannel(e.target.value as CommentChannel)}
              />
              <TextField
                id="comment-receivedOn"
                label="Received on"
                type="date"
                value={receivedOn}
                onChange={(e) => setReceivedOn(e.target.value)}
                error={errors.receivedOn}
              />
              <TextField
                id="comment-themes"
                label="Themes"
                hint="Separate themes with commas."
                value={themes}
                onChange={(e) => setThemes(e.target.value)}
              />
            </div>
            <TextAreaField
              id="comment-text"
              label="Comment"
              rows={2}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={errors.text}
            />
            <button className="button button--secondary" type="submit" disabled={add.isPending}>
              Add the comment
            </button>
          </form>
          <SurveyImport reviewId={review.id} />
        </>
      ) : null}
    </section>
  );
}
