// The sandbox clock (one for every provider: expiries, token lifetimes and spending windows follow
// it) and what consent pages do without a person.
import { describeError, get, post } from '../api.js';
import { add, facts, field, h, messageArea, showMessage, time } from '../dom.js';
import { instant, shortId } from '../format.js';

const CONSENT = [
  ['off', 'Off: a person accepts or rejects on the consent page'],
  ['accept', 'Accept: consent pages accept at once and redirect to the client'],
  ['reject', 'Reject: consent pages reject at once'],
];

export async function render(root, _params, ctx) {
  const [clock, consent, grants] = await Promise.all([get('/clock'), get('/auto-consent'), get('/grants')]);
  const windowed = grants.result.filter(
    (g) => g.state !== 'revoked' && g.state !== 'rejected' && g.access.some((a) => a.type === 'outgoing-payment' && a.limits?.interval),
  );
  add(root, 
    h('h1', {}, 'Clock and consent'),
    h('h2', {}, 'Sandbox clock'),
    facts([['Now', h('span', { id: 'clock-now' }, time(clock.now, instant(clock.now)))]]),
    h('p', { class: 'hint' }, 'One clock for the whole sandbox: moving it here moves it for every provider. Signatures are still checked against real time.'),
    h(
      'div',
      { class: 'cards' },
      advanceForm(ctx),
      setForm(ctx),
      windowForm(windowed, ctx),
    ),
    consentForm(consent.autoConsent, ctx),
  );
}

function advanceForm(ctx) {
  const duration = h('input', { type: 'text', id: 'advance-by', name: 'advance', required: true, autocomplete: 'off', value: 'P1M', spellcheck: 'false' });
  const message = messageArea('advance-message');
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'advance-title', novalidate: true },
    h('h3', { id: 'advance-title' }, 'Advance the clock'),
    field('Advance by (ISO 8601 duration)', duration, 'e.g. P1M (a month), P7D, PT2H, P1DT12H'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'advance-submit' }, 'Advance')),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    move({ advance: duration.value.trim() }, message, ctx);
  });
  return form;
}

function setForm(ctx) {
  const to = h('input', { type: 'text', id: 'set-to', name: 'now', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: '2026-12-01T00:00:00Z' });
  const message = messageArea('set-message');
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'set-title', novalidate: true },
    h('h3', { id: 'set-title' }, 'Set the clock'),
    field('Set to (RFC 3339, UTC)', to, 'e.g. 2026-12-01T00:00:00Z; earlier than now works too'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Set')),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    move({ now: to.value.trim() }, message, ctx);
  });
  return form;
}

function windowForm(grants, ctx) {
  const message = messageArea('window-message');
  if (grants.length === 0) {
    return h(
      'div',
      { class: 'panel card' },
      h('h3', {}, 'Jump to a grant\u2019s next window'),
      h('p', { class: 'hint' }, 'No grant with an interval limit yet.'),
    );
  }
  const select = h(
    'select',
    { id: 'window-grant', name: 'grant' },
    grants.map((g) => h('option', { value: g.id }, `${shortId(g.id)} \u00b7 ${g.clientName ?? g.client} \u00b7 ${g.access.find((a) => a.limits?.interval)?.limits.interval}`)),
  );
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'window-title', novalidate: true },
    h('h3', { id: 'window-title' }, 'Jump to a grant\u2019s next window'),
    field('Grant', select, '\u201cNext month\u201d without waiting: the clock moves to the start of the window after the current one'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Jump')),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    move({ advanceTo: 'next-window', grant: select.value }, message, ctx);
  });
  return form;
}

async function move(body, message, ctx) {
  try {
    const moved = await post('/clock', body);
    const now = document.getElementById('clock-now');
    now.replaceChildren(time(moved.now, instant(moved.now)));
    showMessage(message, 'ok', `The sandbox clock is now ${instant(moved.now)}.`);
  } catch (error) {
    showMessage(message, 'error', describeError(error));
  }
}

function consentForm(mode, ctx) {
  const message = messageArea('consent-message');
  const choices = CONSENT.map(([value, label]) =>
    h(
      'div',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'autoConsent', id: `consent-${value}`, value, checked: value === mode ? true : null }),
      h('label', { for: `consent-${value}` }, label),
    ),
  );
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'consent-title', novalidate: true },
    h('h2', { id: 'consent-title' }, 'Auto-consent'),
    h('fieldset', {}, h('legend', {}, 'What consent pages do without a person (whole sandbox)'), choices),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'consent-save' }, 'Save consent mode')),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="autoConsent"]:checked')?.value;
    try {
      const saved = await post('/auto-consent', { autoConsent: chosen });
      showMessage(message, 'ok', `Auto-consent is now ${saved.autoConsent}.`);
    } catch (error) {
      showMessage(message, 'error', describeError(error));
    }
  });
  return form;
}
