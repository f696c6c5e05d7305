// Asks the person for the admin secret in a modal dialog (focus moves into it and back, Escape
// cancels). Requests that meet a 401 at the same time share one question.
let pending = null;

/** Resolves to the secret entered, or null when the person cancels. */
export function askSecret(refused) {
  if (!pending) {
    pending = open(refused).finally(() => {
      pending = null;
    });
  }
  return pending;
}

function open(refused) {
  const dialog = document.getElementById('secret-dialog');
  const form = document.getElementById('secret-form');
  const input = document.getElementById('secret-input');
  const cancel = document.getElementById('secret-cancel');
  document.getElementById('secret-message').textContent = refused
    ? 'The sandbox refused that secret. Enter the admin secret it was started with (--admin-secret or admin.secret).'
    : 'This sandbox\u2019s admin API needs its secret: the --admin-secret (or admin.secret) it was started with.';
  input.value = '';
  return new Promise((resolve) => {
    const finish = (value) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      input.value = '';
      resolve(value);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      finish(input.value);
    };
    const onCancel = (event) => {
      event.preventDefault();
      finish(null);
    };
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    input.focus();
  });
}
