// The request journal: the last signed requests this provider checked, newest first, refused ones
// highlighted; each opens the explainer.
import { get } from '../api.js';
import { add, badge, h, replace, table, time } from '../dom.js';
import { instant } from '../format.js';

let refusedOnly = false;

export async function render(root, _params, ctx) {
  const list = h('div');
  const toggle = h('input', { type: 'checkbox', id: 'refused-only', checked: refusedOnly ? true : null });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'refresh-requests' }, 'Refresh');
  const fill = async () => {
    const journal = await get(`/requests?limit=100${refusedOnly ? '&refused=true' : ''}`);
    replace(list, journalTable(journal));
    return journal;
  };
  toggle.addEventListener('change', async () => {
    refusedOnly = toggle.checked;
    const journal = await fill();
    ctx.announce(`${journal.result.length} ${refusedOnly ? 'refused ' : ''}requests shown`);
  });
  refresh.addEventListener('click', async () => {
    const journal = await fill();
    ctx.announce(`${journal.result.length} requests shown`);
  });
  const journal = await fill();
  add(root, 
    h('h1', {}, 'Request journal'),
    h(
      'p',
      { class: 'lead' },
      `The last ${journal.capacity} signed requests ${ctx.provider()} checked (grant requests, continuations, token management, resource server). `,
      'A real wallet answers only \u201cinvalid signature\u201d; open a request to see what the server rebuilt, what it received, where it looked for the key and the exact reason.',
    ),
    h('div', { class: 'toolbar' }, h('div', { class: 'choice' }, toggle, h('label', { for: 'refused-only' }, 'Only refused requests')), refresh),
    list,
  );
}

function journalTable(journal) {
  return table(
    'Signed requests, newest first; refused ones are marked',
    [{ label: 'Request' }, { label: 'Arrived' }, { label: 'Outcome' }, { label: 'Kind' }, { label: 'Method and target' }, { label: 'Client' }],
    journal.result.map((e) => ({
      class: e.outcome === 'refused' ? 'refused' : null,
      cells: [
        h('a', { href: `#/requests/${e.sequence}`, 'aria-label': `Request ${e.sequence}, ${e.outcome}${e.reason ? `: ${e.reason}` : ''}` }, `#${e.sequence}`),
        time(e.at, instant(e.at)),
        e.outcome === 'refused'
          ? h('span', {}, badge('refused', 'bad'), ' ', h('code', {}, e.reason ?? ''), e.status ? ` (${e.status})` : '')
          : badge('verified', 'good'),
        e.kind,
        h('code', {}, `${e.method} ${e.targetUri}`),
        e.client ? h('code', {}, e.client) : '—',
      ],
    })),
    'No signed request checked yet.',
  );
}
