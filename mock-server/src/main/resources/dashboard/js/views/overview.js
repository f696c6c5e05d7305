// Landing page: what runs where (providers, wallet addresses, auth servers, admin APIs, profiles),
// the clock and the consent mode, with links to everything.
import { get } from '../api.js';
import { add, badge, facts, h, time, urlLink } from '../dom.js';
import { instant } from '../format.js';

export async function render(root, _params, ctx) {
  const [index, providers, clock, consent, ledger] = await Promise.all([
    get(''),
    get('/providers'),
    get('/clock'),
    get('/auto-consent'),
    get('/ledger'),
  ]);
  const current = providers.result.find((p) => p.current);
  add(root, 
    h('h1', {}, 'Sandbox overview'),
    h(
      'p',
      { class: 'lead' },
      `This sandbox runs ${providers.result.length} wallet provider${providers.result.length === 1 ? '' : 's'} in one process. `,
      `This page belongs to ${index.ase}; everything it shows comes from ${index.ase}\u2019s admin API at `,
      h('code', {}, index.walletAddresses.replace(/\/wallet-addresses$/, '')),
      '.',
    ),
    h('h2', {}, 'Now'),
    facts([
      ['Sandbox clock', h('span', {}, time(clock.now, instant(clock.now)), ' ', h('a', { href: '#/clock' }, 'move it'))],
      ['Consent pages', h('span', {}, consentWords(consent.autoConsent), ' ', h('a', { href: '#/clock' }, 'change'))],
      ['Books', ledger.invariantHolds ? 'every asset sums to zero' : h('strong', {}, 'do NOT sum to zero')],
      ['Profile of this provider', index.profile],
    ]),
    h('h2', {}, 'Providers'),
    h('div', { class: 'cards' }, providers.result.map((p) => providerCard(p))),
    h('h2', {}, 'Where to go next'),
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: '#/wallets' }, 'Wallets'), ': balances, keys, payments; open a wallet address for your client and register its key.'),
      h('li', {}, h('a', { href: '#/grants' }, 'Grants'), ': what each client may do, its tokens and spending windows.'),
      h('li', {}, h('a', { href: '#/requests' }, 'Request journal'), ': why a signed request was refused, side by side with what the server rebuilt.'),
      h('li', {}, h('a', { href: '#/clock' }, 'Clock and consent'), ': next month without waiting; consent without a person.'),
      h('li', {}, h('a', { href: '#/events' }, 'Events'), ': what happened, live.'),
      h('li', {}, h('a', { href: '#/report' }, 'Report card'), ': how the client under test behaved in this session, rule by rule.'),
    ),
  );
  if (current) ctx.announce(`Overview of ${current.name} loaded`);
}

function consentWords(mode) {
  switch (mode) {
    case 'accept':
      return 'accepted at once (auto-consent)';
    case 'reject':
      return 'rejected at once (auto-consent)';
    default:
      return 'wait for a person to accept or reject';
  }
}

function providerCard(p) {
  return h(
    'article',
    { class: p.current ? 'card current' : 'card', 'aria-labelledby': `provider-${p.name}` },
    h('h3', { id: `provider-${p.name}` }, p.name, ' ', p.current ? badge('this page', 'info') : null),
    facts([
      ['Origin', urlLink(p.origin)],
      ['Profile', p.profile],
      ['Auth server', h('code', {}, p.authServer)],
      ['Resource server', h('code', {}, p.origin)],
      ['Admin API', urlLink(p.admin)],
      ['Dashboard', p.current ? 'this page' : h('a', { href: p.dashboard }, `open ${p.name}\u2019s dashboard`)],
    ]),
    p.walletAddresses.length === 0
      ? h('p', { class: 'hint' }, 'No wallet addresses yet.')
      : h(
          'ul',
          { 'aria-label': `Wallet addresses of ${p.name}` },
          p.walletAddresses.map((w) =>
            h(
              'li',
              {},
              urlLink(w.id),
              ` ${w.assetCode}`,
              w.publicName ? ` \u00b7 ${w.publicName}` : '',
              p.current ? [' \u00b7 ', h('a', { href: `#/wallets/${encodeURIComponent(w.name)}`, 'aria-label': `details of ${w.name}` }, 'details')] : null,
            ),
          ),
        ),
  );
}
