// What happened at this provider, newest first and live: the page asks the admin API every two
// seconds for the events after the last one it has (GET /admin/events?after=), and announces how
// many arrived. Filters by type (on the server for the first page, then on arrival) and by text.
import { describeError, get } from '../api.js';
import { add, badge, h, replace, time } from '../dom.js';
import { instant } from '../format.js';

const TYPES = [
  ['incoming_payment.created', 'incoming_payment.completed', 'incoming_payment.expired'],
  ['outgoing_payment.created', 'outgoing_payment.completed', 'outgoing_payment.failed'],
  ['grant.requested', 'grant.approved', 'grant.rejected', 'grant.revoked'],
  ['token.rotated', 'token.revoked'],
];
const POLL_MILLIS = 2000;
const KEPT = 200;

// Kept while the person moves between pages of the dashboard.
const filters = { types: new Set(TYPES.flat()), text: '', live: true };

export async function render(root, _params, ctx) {
  let events = [];
  let last = 0;
  let timer = null;
  let stopped = false;
  const list = h('ol', { class: 'events-list', id: 'events-list', 'aria-labelledby': 'events-title' });
  const count = h('p', { class: 'hint', id: 'events-count' });
  const problem = h('p', { class: 'message error', role: 'alert' });

  const shown = () => events.filter((e) => filters.types.has(e.type) && (!filters.text || JSON.stringify(e).toLowerCase().includes(filters.text.toLowerCase())));
  const draw = () => {
    const visible = shown();
    replace(list, visible.map(eventItem));
    replace(count, visible.length === 0 ? 'No events match.' : `${visible.length} event${visible.length === 1 ? '' : 's'} shown, newest first.`);
  };
  const load = async () => {
    const type = filters.types.size === TYPES.flat().length ? '' : `&type=${encodeURIComponent([...filters.types].join(','))}`;
    if (filters.types.size === 0) {
      events = [];
      last = (await get('/events/recent?limit=1')).last;
    } else {
      const recent = await get(`/events/recent?limit=100${type}`);
      events = recent.result;
      last = recent.last;
    }
    draw();
  };
  const poll = async () => {
    timer = null;
    if (stopped) return;
    if (filters.live && document.visibilityState === 'visible') {
      try {
        const page = await get(`/events?after=${last}&limit=100`);
        if (stopped) return;
        last = page.next;
        const arrived = page.result.filter((e) => filters.types.has(e.type)).reverse();
        if (arrived.length > 0) {
          events = [...arrived, ...events].slice(0, KEPT);
          draw();
          const matching = arrived.filter((e) => shown().includes(e)).length;
          if (matching > 0) ctx.announce(`${matching} new event${matching === 1 ? '' : 's'}`);
        }
        replace(problem);
      } catch (error) {
        replace(problem, `Live updates failed: ${describeError(error)}`);
      }
    }
    if (!stopped) timer = setTimeout(poll, POLL_MILLIS);
  };

  const typeBoxes = TYPES.map((group) =>
    group.map((type) => {
      const id = `type-${type.replace(/[._]/g, '-')}`;
      const box = h('input', { type: 'checkbox', id, value: type, checked: filters.types.has(type) ? true : null });
      box.addEventListener('change', async () => {
        if (box.checked) filters.types.add(type);
        else filters.types.delete(type);
        await load();
        ctx.announce(`${shown().length} events shown`);
      });
      return h('div', { class: 'choice' }, box, h('label', { for: id }, h('code', {}, type)));
    }),
  );
  const text = h('input', { type: 'text', id: 'events-text', autocomplete: 'off', spellcheck: 'false', value: filters.text });
  text.addEventListener('input', () => {
    filters.text = text.value;
    draw();
  });
  const live = h('input', { type: 'checkbox', id: 'events-live', checked: filters.live ? true : null });
  live.addEventListener('change', () => {
    filters.live = live.checked;
    ctx.announce(filters.live ? 'Live updates on' : 'Live updates paused');
  });

  await load();
  add(root, 
    h('h1', { id: 'events-title' }, 'Events'),
    h('p', { class: 'lead' }, `What happened at ${ctx.provider()}, as its webhooks would report it; access tokens masked.`),
    h(
      'form',
      { class: 'panel', 'aria-labelledby': 'filters-title', onsubmit: (event) => event.preventDefault() },
      h('h2', { id: 'filters-title' }, 'Filters'),
      h('fieldset', {}, h('legend', {}, 'Event types'), h('div', { class: 'choices' }, typeBoxes)),
      h('div', { class: 'field' }, h('label', { for: 'events-text' }, 'Containing'), text, h('p', { class: 'hint' }, 'Any text of the event: a wallet address, a grant or payment id')),
      h('div', { class: 'choice' }, live, h('label', { for: 'events-live' }, 'Live updates (every 2 seconds)')),
    ),
    problem,
    count,
    list,
  );
  timer = setTimeout(poll, POLL_MILLIS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

function eventItem(e) {
  const data = e.data ?? {};
  const subject = data.id ?? data.walletAddress ?? '';
  return h(
    'li',
    { 'data-sequence': String(e.sequence) },
    h(
      'div',
      { class: 'event-head' },
      h('span', {}, `#${e.sequence}`),
      time(e.createdAt, instant(e.createdAt)),
      badge(e.type, kind(e.type)),
      subject ? h('code', {}, subject) : null,
    ),
    h('details', {}, h('summary', {}, 'Data'), h('pre', {}, JSON.stringify(data, null, 2))),
  );
}

function kind(type) {
  if (/failed|rejected|revoked|expired/.test(type)) return 'bad';
  if (/completed|approved/.test(type)) return 'good';
  return 'info';
}
