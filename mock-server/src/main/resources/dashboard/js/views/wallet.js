// One wallet address: balance, reserved amount, keys, its incoming and outgoing payments (state,
// amounts, failed or not, which grant paid them), and the sandbox's powers over it: set the balance,
// register or remove a key, make its next payments fail.
import { describeError, get, post, remove } from '../api.js';
import { add, badge, facts, field, h, messageArea, replace, showMessage, table, time, urlLink } from '../dom.js';
import { amount, instant, shortId, toSmallestUnits, units } from '../format.js';

export async function render(root, [name], ctx) {
  const path = `/wallet-addresses/${encodeURIComponent(name)}`;
  const summary = h('div', { id: 'wallet-summary' });
  const keys = h('div', { id: 'keys' });
  const outgoing = h('div', { id: 'outgoing-payments' });
  const incoming = h('div', { id: 'incoming-payments' });
  const wallet = await get(path);
  const refresh = async () => {
    const fresh = await get(path);
    fillSummary(summary, fresh);
    fillKeys(keys, fresh, path, refresh);
  };
  fillSummary(summary, wallet);
  fillKeys(keys, wallet, path, refresh);
  await Promise.all([
    payments(outgoing, `${path}/outgoing-payments`, 'Outgoing payments', outgoingRow, OUTGOING_COLUMNS),
    payments(incoming, `${path}/incoming-payments`, 'Incoming payments', incomingRow, INCOMING_COLUMNS),
  ]);
  add(root, 
    h('p', {}, h('a', { href: '#/wallets' }, '\u2190 All wallet addresses')),
    h('h1', {}, `Wallet address ${wallet.name}`),
    summary,
    h('h2', {}, 'Change it'),
    h('div', { class: 'cards' }, balanceForm(wallet, path, refresh), failuresForm(path, refresh)),
    h('h2', { id: 'keys-title' }, 'Client keys'),
    keys,
    keyForm(path, refresh),
    h('h2', {}, 'Outgoing payments'),
    outgoing,
    h('h2', {}, 'Incoming payments'),
    incoming,
  );
  ctx.announce(`Wallet address ${wallet.name} loaded`);
}

function fillSummary(summary, w) {
  replace(
    summary,
    facts([
      ['Wallet address', urlLink(w.id)],
      ['Public name', w.publicName ?? '—'],
      ['Asset', `${w.assetCode}, scale ${w.assetScale}`],
      ['Balance', amount(w.balance)],
      ['Reserved', h('span', {}, amount(w.reserved), h('span', { class: 'hint' }, ' (held by outgoing payments in progress)'))],
      ['Next payments forced to fail', String(w.pendingFailures)],
      ['Auth server', h('code', {}, w.authServer)],
      ['Keys document', urlLink(`${w.id}/jwks.json`)],
    ]),
  );
}

function fillKeys(container, w, path, refresh) {
  replace(
    container,
    table(
      `Keys listed in ${w.name}\u2019s jwks.json`,
      [{ label: 'Key id (kid)' }, { label: 'Type' }, { label: 'Public key (x)' }, { label: 'Remove' }],
      w.keys.map((k) => ({
        cells: [
          h('code', {}, k.kid),
          `${k.kty} ${k.crv ?? ''} ${k.alg ?? ''}`.trim(),
          h('code', {}, k.x ?? ''),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': `Remove key ${k.kid}`,
              onclick: async (event) => {
                const button = event.currentTarget;
                button.disabled = true;
                try {
                  await remove(`${path}/keys/${encodeURIComponent(k.kid)}`);
                  await refresh();
                  document.getElementById('keys-title')?.setAttribute('tabindex', '-1');
                  document.getElementById('keys-title')?.focus();
                } catch (error) {
                  button.disabled = false;
                  button.after(h('span', { role: 'alert', class: 'message error' }, describeError(error)));
                }
              },
            },
            'Remove',
          ),
        ],
      })),
      'No keys yet: register your client\u2019s public key below to sign requests as this wallet address.',
    ),
  );
}

function keyForm(path, refresh) {
  const jwk = h('textarea', { name: 'jwk', required: true, spellcheck: 'false', autocomplete: 'off' });
  const message = messageArea('key-message');
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'key-form-title', novalidate: true },
    h('h3', { id: 'key-form-title' }, 'Register a key'),
    field(
      'Public key as a JWK',
      jwk,
      'Paste the public JSON Web Key, e.g. {"kid":"my-key","alg":"EdDSA","kty":"OKP","crv":"Ed25519","x":"\u2026"}; never the private key.',
    ),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'register-key' }, 'Register key')),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(jwk.value);
    } catch (error) {
      showMessage(message, 'error', `That is not JSON: ${error.message}`);
      return;
    }
    const key = parsed && typeof parsed === 'object' && parsed.jwk ? parsed.jwk : parsed;
    if (key && typeof key === 'object' && 'd' in key) {
      showMessage(message, 'error', 'That JWK holds a private key ("d"). Paste only the public key.');
      return;
    }
    try {
      const registered = await post(`${path}/keys`, { jwk: key });
      jwk.value = '';
      await refresh();
      showMessage(message, 'ok', `Registered key ${registered.kid}.`);
    } catch (error) {
      showMessage(message, 'error', describeError(error));
    }
  });
  return form;
}

function balanceForm(w, path, refresh) {
  const value = h('input', { type: 'text', name: 'value', inputmode: 'decimal', autocomplete: 'off', required: true, value: units(w.balance.value, w.assetScale) });
  const message = messageArea('balance-message');
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'balance-form-title', novalidate: true },
    h('h3', { id: 'balance-form-title' }, 'Set the balance'),
    field(`Available balance (${w.assetCode})`, value, `In ${w.assetCode}, up to ${w.assetScale} decimals`),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Set balance')),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const updated = await post(`${path}/balance`, { value: toSmallestUnits(value.value, w.assetScale) });
      await refresh();
      showMessage(message, 'ok', `The balance is now ${amount(updated.balance)}.`);
    } catch (error) {
      showMessage(message, 'error', describeError(error));
    }
  });
  return form;
}

function failuresForm(path, refresh) {
  const count = h('input', { type: 'number', name: 'count', min: '0', max: '1000', required: true, value: '1' });
  const message = messageArea('failures-message');
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'failures-form-title', novalidate: true },
    h('h3', { id: 'failures-form-title' }, 'Make the next payments fail'),
    field('How many of its next outgoing payments fail', count, 'They are created with failed: true and nothing is debited; 0 clears it'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Force failures')),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const n = Number.parseInt(count.value, 10);
    try {
      const updated = await post(`${path}/failures`, { count: Number.isNaN(n) ? count.value : n });
      await refresh();
      showMessage(message, 'ok', failuresWords(updated.pendingFailures));
    } catch (error) {
      showMessage(message, 'error', describeError(error));
    }
  });
  return form;
}

function failuresWords(count) {
  if (count === 0) return 'No outgoing payment is forced to fail.';
  if (count === 1) return 'The next outgoing payment will fail.';
  return `The next ${count} outgoing payments will fail.`;
}

const OUTGOING_COLUMNS = [
  { label: 'Created' },
  { label: 'State' },
  { label: 'Debit', num: true },
  { label: 'Receive', num: true },
  { label: 'Sent', num: true },
  { label: 'Receiver' },
  { label: 'Grant' },
];

function outgoingRow(p) {
  return {
    class: p.failed ? 'refused' : null,
    cells: [
      time(p.createdAt, instant(p.createdAt)),
      h('span', {}, badge(p.state, p.failed ? 'bad' : p.state === 'completed' ? 'good' : 'info'), p.failureReason ? h('span', { class: 'hint' }, ` ${p.failureReason}`) : null),
      amount(p.debitAmount),
      amount(p.receiveAmount),
      amount(p.sentAmount),
      h('code', {}, p.receiver),
      p.grant ? h('a', { href: `#/grants/${encodeURIComponent(p.grant)}`, 'aria-label': `grant ${p.grant}` }, shortId(p.grant)) : 'made by the sandbox',
    ],
  };
}

const INCOMING_COLUMNS = [
  { label: 'Created' },
  { label: 'State' },
  { label: 'Incoming amount', num: true },
  { label: 'Received', num: true },
  { label: 'Expires' },
  { label: 'Created by' },
];

function incomingRow(p) {
  return {
    cells: [
      time(p.createdAt, instant(p.createdAt)),
      badge(p.state, p.state === 'completed' ? 'good' : p.state === 'expired' ? 'bad' : 'info'),
      p.incomingAmount ? amount(p.incomingAmount) : 'open',
      amount(p.receivedAmount),
      time(p.expiresAt, instant(p.expiresAt)),
      p.client ? h('code', {}, p.client) : 'the sandbox',
    ],
  };
}

async function payments(container, path, caption, row, columns) {
  const rows = [];
  let cursor = null;
  let more = false;
  const load = async () => {
    const page = await get(`${path}?first=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    rows.push(...page.result.map(row));
    cursor = page.pagination.endCursor;
    more = page.pagination.hasNextPage;
    draw();
  };
  const draw = () => {
    replace(
      container,
      table(`${caption}, newest first`, columns, rows, `No ${caption.toLowerCase()} yet.`),
      more
        ? h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: async () => {
                await load();
                container.querySelector('.table-wrap')?.focus();
              },
            },
            `Show older ${caption.toLowerCase()}`,
          )
        : null,
    );
  };
  await load();
}
