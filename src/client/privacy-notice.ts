// The editor's preview follows the typing: the server renders the notice from the form, as it will publish it.
const form = document.getElementById('notice-form') as HTMLFormElement | null;
const preview = document.getElementById('notice-preview');

if (form && preview && form.dataset.preview) {
  const url = form.dataset.preview;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function refresh(): Promise<void> {
    const asked = ++latest;
    const response = await fetch(url, { method: 'POST', body: new FormData(form!), credentials: 'same-origin' }).catch(() => null);
    // A slower earlier answer must not overwrite a newer one; a failure leaves the last preview standing.
    if (!response?.ok || asked !== latest) return;
    const html = await response.text();
    if (asked === latest) preview!.innerHTML = html;
  }

  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  });
}
