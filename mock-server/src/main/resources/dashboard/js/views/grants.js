// This provider's grants, newest first: client, access, state, interaction and tokens.
import { get } from '../api.js';
import { add, badge, h, table, time } from '../dom.js';
import { amount, instant, shortId } from '../format.js';

export async function render(root, _params, ctx) {
  const grants = (await get('/grants')).result;
  add(root, 
    h('h1', {}, 'Grants'),
    h('p', { class: 'lead' }, `What ${ctx.provider()}\u2019s auth server granted, to whom, and what is left of it. Open a grant for its tokens and spending windows.`),
    table(
      'Grants, newest first',
      [{ label: 'Grant' }, { label: 'Created' }, { label: 'Client' }, { label: 'Access' }, { label: 'State' }, { label: 'Interaction' }, { label: 'Tokens' }],
      grants.map((g) => ({
        cells: [
          h('a', { href: `#/grants/${encodeURIComponent(g.id)}`, 'aria-label': `Grant ${g.id}` }, shortId(g.id)),
          time(g.createdAt, instant(g.createdAt)),
          h('span', {}, g.clientName ? h('strong', {}, g.clientName) : null, g.clientName ? h('br') : null, h('code', {}, g.client)),
          accessSummary(g.access),
          stateBadge(g.state),
          g.interaction ? (g.interaction.expired ? 'consent page expired' : 'consent page') : 'none',
          tokenSummary(g.tokens),
        ],
      })),
      'No grants yet: a client asks for one with a signed POST to this provider\u2019s auth server.',
    ),
  );
}

/** The access items in a few words: "outgoing-payment create, read; up to 5.00 USD per R12/…/P1M". */
export function accessSummary(access) {
  return h(
    'ul',
    { class: 'plain' },
    (access ?? []).map((item) => {
      const limits = item.limits;
      const words = [`${item.type}: ${(item.actions ?? []).join(', ')}`];
      if (limits?.debitAmount) words.push(`debit up to ${amount(limits.debitAmount)}`);
      if (limits?.receiveAmount) words.push(`receive up to ${amount(limits.receiveAmount)}`);
      if (limits?.interval) words.push(`per ${limits.interval}`);
      return h('li', {}, words.join('; '));
    }),
  );
}

export function stateBadge(state) {
  const kind = { approved: 'good', finalized: 'good', pending: 'info', rejected: 'bad', revoked: 'bad' }[state];
  return badge(state, kind);
}

function tokenSummary(tokens) {
  const live = tokens.filter((t) => t.state === 'live' && !t.expired).length;
  return `${live} live of ${tokens.length}`;
}
