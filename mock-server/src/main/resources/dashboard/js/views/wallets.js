// Every wallet address of this provider with its balance, reserved amount and keys; a form to open
// a new one (what a developer does once for their client, with a public name for consent pages).
import { describeError, get, post } from '../api.js';
import { add, field, h, messageArea, replace, showMessage, table, urlLink } from '../dom.js';
import { amount, toSmallestUnits } from '../format.js';

export async function render(root, _params, ctx) {
  const list = h('div');
  await fill(list);
  add(root, 
    h('h1', {}, 'Wallet addresses'),
    h('p', { class: 'lead' }, `The wallet addresses of ${ctx.provider()}: what each holds, what outgoing payments in progress hold back, and the client keys its jwks.json lists.`),
    list,
    createForm(list),
  );
}

async function fill(list) {
  const wallets = (await get('/wallet-addresses')).result;
  replace(
    list,
    table(
      'Wallet addresses, with balances in each asset\u2019s units',
      [{ label: 'Name' }, { label: 'Wallet address' }, { label: 'Public name' }, { label: 'Balance', num: true }, { label: 'Reserved', num: true }, { label: 'Keys', num: true }, { label: 'Next failures', num: true }],
      wallets.map((w) => ({
        cells: [
          h('a', { href: `#/wallets/${encodeURIComponent(w.name)}` }, w.name),
          urlLink(w.id),
          w.publicName ?? '—',
          amount(w.balance),
          amount(w.reserved),
          String(w.keys.length),
          String(w.pendingFailures),
        ],
      })),
      'This provider has no wallet addresses yet.',
    ),
  );
}

function createForm(list) {
  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off', pattern: '[A-Za-z0-9][A-Za-z0-9._~-]{0,63}' });
  const publicName = h('input', { type: 'text', name: 'publicName', autocomplete: 'off' });
  const assetCode = h('input', { type: 'text', name: 'assetCode', required: true, value: 'USD', autocomplete: 'off', pattern: '[A-Z]{3}', size: '5' });
  const assetScale = h('input', { type: 'number', name: 'assetScale', required: true, value: '2', min: '0', max: '18', size: '4' });
  const balance = h('input', { type: 'text', name: 'balance', inputmode: 'decimal', autocomplete: 'off', value: '0' });
  const message = messageArea();
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'create-wallet-title', novalidate: true },
    h('h2', { id: 'create-wallet-title' }, 'Open a wallet address'),
    h(
      'div',
      { class: 'fields' },
      field('Name', name, 'The last path segment of its URL, e.g. my-app'),
      field('Public name', publicName, 'Shown on consent pages; interactive grants need it'),
      field('Asset code', assetCode, 'Three capital letters, e.g. USD'),
      field('Asset scale', assetScale, 'Decimals of the asset, e.g. 2'),
      field('Opening balance', balance, 'In the asset\u2019s units, e.g. 100.00'),
    ),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Open wallet address')),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      const scale = Number.parseInt(assetScale.value, 10);
      if (!name.value.trim()) throw new Error('Give the wallet address a name.');
      body = {
        name: name.value.trim(),
        assetCode: assetCode.value.trim(),
        assetScale: scale,
        balance: toSmallestUnits(balance.value || '0', Number.isNaN(scale) ? 0 : scale),
      };
      if (publicName.value.trim()) body.publicName = publicName.value.trim();
    } catch (error) {
      showMessage(message, 'error', error.message);
      return;
    }
    try {
      const created = await post('/wallet-addresses', body);
      await fill(list);
      showMessage(message, 'ok', `Opened ${created.id}.`);
      name.value = '';
      publicName.value = '';
      balance.value = '0';
    } catch (error) {
      showMessage(message, 'error', describeError(error));
    }
  });
  return form;
}
