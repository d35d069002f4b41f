import type { Child } from 'hono/jsx';

type Props = { figures: boolean; class?: string; children: Child };

/**
 * A section of the report. On paper one with figures starts a sheet of its
 * own; one that only says there is nothing to show (too few answers, no
 * earlier round, no actions) follows the section before it, so that it never
 * takes a nearly empty sheet.
 */
export function ReportSection({ figures, class: extra, children }: Props) {
  return <section class={['card', figures ? 'report-section' : 'report-note', extra].filter(Boolean).join(' ')}>{children}</section>;
}
