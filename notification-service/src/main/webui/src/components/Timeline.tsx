import { ANSWER, dateTime, TOUCH_KIND, TOUCH_STATUS } from '../format';
import type { Touch } from '../types';

/** The reminder touches of one appointment, compact (chips) or in full. */
export function Timeline({ touches, compact }: { touches: Touch[] | undefined | 'error'; compact?: boolean }) {
  if (touches === 'error') return <span className="muted small">напоминания недоступны</span>;
  if (!touches) return <span className="muted small">…</span>;
  if (touches.length === 0) return <span className="muted small">напоминаний нет</span>;
  if (compact) {
    return (
      <span className="chips" aria-label="Напоминания">
        {touches.map((t) => (
          <span key={t.kind} className={`chip chip-${t.status.toLowerCase()}${t.answer ? ' chip-answered' : ''}`}
            title={`${TOUCH_KIND[t.kind] ?? t.kind}: ${TOUCH_STATUS[t.status] ?? t.status}${t.answer ? `, ${ANSWER[t.answer] ?? t.answer}` : ''}`}>
            {short(t.kind)}{t.answer ? ` · ${answerMark(t.answer)}` : ''}
          </span>
        ))}
      </span>
    );
  }
  return (
    <ol className="timeline">
      {touches.map((t) => (
        <li key={t.kind} className={`touch touch-${t.status.toLowerCase()}`}>
          <b>{TOUCH_KIND[t.kind] ?? t.kind}</b>
          <span>{TOUCH_STATUS[t.status] ?? t.status}</span>
          <span className="muted">{t.sentAt ? dateTime(t.sentAt) : `план: ${dateTime(t.dueAt)}`}</span>
          {t.answer && <span className="answer">Пациент {ANSWER[t.answer] ?? t.answer}</span>}
          {t.reason && <span className="muted small">{t.reason}</span>}
        </li>
      ))}
    </ol>
  );
}

function short(kind: string): string {
  return { T_MINUS_48H: '48 ч', T_MINUS_24H: '24 ч', T_MINUS_2H: '2 ч', NO_SHOW_CHECK: 'явка' }[kind] ?? kind;
}

function answerMark(answer: string): string {
  if (answer.startsWith('CONFIRM')) return '✓';
  if (answer.startsWith('CANCEL')) return '✕';
  if (answer.startsWith('RESCHEDULE')) return '↻';
  return answer;
}
