// One grant: client, access, state, interaction, tokens (masked by the admin API), and for an
// interval limit one bar per spending window (spent and remaining, the current window marked, when
// the next one starts), with the clock's jump to the next window and revocation.
import { describeError, get, post } from '../api.js';
import { add, badge, facts, h, messageArea, showMessage, table, time, uniqueId } from '../dom.js';
import { amount, instant, shortId } from '../format.js';
import { accessSummary, stateBadge } from './grants.js';

export async function render(root, [id], ctx) {
  const grant = await get(`/grants/${encodeURIComponent(id)}`);
  const { now } = await get('/clock');
  const message = messageArea();
  add(root, 
    h('p', {}, h('a', { href: '#/grants' }, '\u2190 All grants')),
    h('h1', {}, `Grant ${shortId(grant.id)}`),
    h('div', { id: 'grant-facts' }, facts([
      ['Grant id', h('code', {}, grant.id)],
      ['State', h('span', {}, stateBadge(grant.state), ` since ${instant(grant.changedAt)}`)],
      ['Client', h('span', {}, grant.clientName ? `${grant.clientName}, ` : '', h('code', {}, grant.client))],
      ['Created', time(grant.createdAt, instant(grant.createdAt))],
      ['Continue URI', h('code', {}, grant.continueUri)],
      ['Subject', grant.subject ? h('code', {}, JSON.stringify(grant.subject)) : null],
    ])),
    h('h2', {}, 'Access'),
    accessSummary(grant.access),
    interaction(grant),
    h('h2', {}, 'Access tokens'),
    table(
      'Access tokens of this grant (values masked), oldest first',
      [{ label: 'Token' }, { label: 'State' }, { label: 'Issued' }, { label: 'Expires' }, { label: 'Ended' }],
      grant.tokens.map((t) => ({
        cells: [
          h('code', {}, t.value),
          t.state === 'live' && t.expired ? badge('expired', 'bad') : badge(t.state, t.state === 'live' ? 'good' : 'bad'),
          time(t.issuedAt, instant(t.issuedAt)),
          time(t.expiresAt, instant(t.expiresAt)),
          t.endedAt ? time(t.endedAt, instant(t.endedAt)) : '—',
        ],
      })),
      'No access token issued yet.',
    ),
    windows(grant, now, message, ctx),
    revocation(grant, message, ctx),
    message,
  );
  ctx.announce(`Grant ${shortId(grant.id)} loaded, ${grant.state}`);
}

function interaction(grant) {
  if (!grant.interaction) return null;
  const i = grant.interaction;
  return [
    h('h2', {}, 'Interaction'),
    facts([
      ['Consent page', h('span', {}, h('a', { href: i.redirect }, 'open the consent page'), i.expired ? ' (expired)' : '')],
      ['Page expires', time(i.expiresAt, instant(i.expiresAt))],
      ['Finish URI', i.finishUri ? h('code', {}, i.finishUri) : 'none (the client polls)'],
    ]),
  ];
}

function windows(grant, now, message, ctx) {
  if (!grant.windows) return null;
  const list = grant.windows;
  const limits = grant.access.find((a) => a.type === 'outgoing-payment')?.limits ?? {};
  const interval = limits.interval;
  const receiveLimited = !limits.debitAmount && Boolean(limits.receiveAmount);
  const next = grant.nextWindowStart;
  const jump = h(
    'button',
    {
      type: 'button',
      id: 'jump-next-window',
      disabled: next && grant.state !== 'revoked' ? null : true,
      onclick: async () => {
        try {
          const moved = await post('/clock', { advanceTo: 'next-window', grant: grant.id });
          ctx.announce(`Clock moved to ${instant(moved.now)}`);
          ctx.refresh();
        } catch (error) {
          showMessage(message, 'error', describeError(error));
        }
      },
    },
    'Move the clock to the next window',
  );
  return h(
    'section',
    { id: 'spending-windows', 'aria-labelledby': 'windows-title' },
    h('h2', { id: 'windows-title' }, 'Spending windows'),
    h(
      'p',
      { id: 'next-window' },
      interval ? `Interval ${interval}. ` : 'No interval: one limit for the grant\u2019s whole life. ',
      `Sandbox clock: ${instant(now)}. `,
      next ? ['The next window starts ', time(next, instant(next)), '.'] : interval ? 'No window follows the current one.' : '',
    ),
    interval ? h('div', { class: 'buttons' }, jump) : null,
    h(
      'ol',
      { class: 'windows', 'aria-labelledby': 'windows-title' },
      list.map((w) => windowItem(w, now, receiveLimited)),
    ),
  );
}

function windowItem(w, now, receiveLimited) {
  const labelId = uniqueId('window');
  const limit = w.limit;
  const spent = receiveLimited ? w.spentReceive : w.spentDebit;
  const past = Boolean(w.end) && Date.parse(w.end) <= Date.parse(now);
  const title = w.index < 0 ? 'Whole life' : `Window ${w.index + 1}`;
  return h(
    'li',
    { class: w.current ? 'current' : past ? 'past' : null, 'aria-current': w.current ? 'true' : null, 'data-window': String(w.index) },
    h(
      'div',
      { class: 'window-label', id: labelId },
      h('span', {}, title),
      w.start ? h('span', {}, time(w.start, instant(w.start)), ' \u2013 ', time(w.end, instant(w.end))) : null,
      w.current ? badge('current window', 'info') : past ? badge('past', null) : null,
    ),
    limit
      ? h('meter', {
          min: '0',
          max: limit.value,
          value: spent?.value ?? '0',
          'aria-labelledby': labelId,
          'aria-valuetext': `spent ${amount(spent)} of ${amount(limit)}`,
        })
      : null,
    h(
      'p',
      { class: 'window-amounts' },
      `Spent ${amount(spent)}`,
      limit ? ` of ${amount(limit)} \u00b7 remaining ${amount(w.remaining)}` : ' (no amount limit)',
    ),
  );
}

function revocation(grant, message, ctx) {
  if (grant.state === 'revoked' || grant.state === 'rejected') return null;
  return [
    h('h2', {}, 'Revoke'),
    h('p', {}, 'Revoking ends the grant and all its tokens at once, as a user does in their wallet\u2019s list of connected apps. The client must ask for a new grant.'),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          id: 'revoke-grant',
          onclick: async () => {
            try {
              await post(`/grants/${encodeURIComponent(grant.id)}/revoke`);
              ctx.announce(`Grant ${shortId(grant.id)} revoked`);
              ctx.refresh();
            } catch (error) {
              showMessage(message, 'error', describeError(error));
            }
          },
        },
        'Revoke this grant',
      ),
    ),
  ];
}
