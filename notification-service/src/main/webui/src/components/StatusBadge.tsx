import { STATUS } from '../format';

export function StatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: 'neutral' };
  return <span className={`badge badge-${s.tone}`} data-status={status}>{s.label}</span>;
}
