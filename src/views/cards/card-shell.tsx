/** The card sits under the results: its pages use the results' frame (ResultsShell). */
export const cardHref = (networkId: number, rest = '') => `/networks/${networkId}/card${rest}`;

export function CardNotice({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="notice-ok network-card-tools" role="status">
      {text}
    </p>
  ) : null;
}
