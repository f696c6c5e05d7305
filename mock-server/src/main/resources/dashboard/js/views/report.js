// The client's report card for this session (issue 18): every rule graded from what the sandbox
// saw, with the clause it comes from and the requests it rests on; the same card as
// GET /admin/report, and a link to its printable HTML page.
import { get } from '../api.js';
import { add, badge, facts, h, table, time } from '../dom.js';
import { instant } from '../format.js';

const KINDS = { passed: 'good', failed: 'bad', 'not exercised': 'info' };

export async function render(root, _params, ctx) {
  const card = await get('/report');
  add(
    root,
    h('h1', {}, 'Report card of the client under test'),
    h(
      'p',
      { class: 'lead' },
      'How the client that used this session behaved, graded against the rules of RFC 9635, RFC 9421 and the Open Payments docs. ',
      'A rule nothing put to the test is \u201cnot exercised\u201d: switch misbehaviours on (or start the session from a named scenario) to exercise it.',
    ),
    facts([
      ['Session', h('code', {}, card.name ?? card.session)],
      ['Graded', time(card.generatedAt, instant(card.generatedAt))],
      ['Result', card.mustBroken ? h('strong', {}, 'a MUST was broken') : `${card.passed} passed, ${card.failed} failed, ${card.notExercised} not exercised`],
      ['Printable page', h('a', { href: '/admin/report?format=html' }, 'the same card as HTML')],
    ]),
    table(
      'Rules, in the order the card lists them',
      [{ label: 'Rule' }, { label: 'Level' }, { label: 'Verdict' }, { label: 'Why' }, { label: 'Evidence' }],
      card.rules.map((r) => ({
        class: r.verdict === 'failed' ? 'refused' : null,
        cells: [
          h('span', {}, h('strong', {}, r.title), h('br'), h('code', {}, r.id), h('br'), h('small', {}, r.clause)),
          r.level,
          badge(r.verdict, KINDS[r.verdict] ?? 'info'),
          r.explanation,
          r.evidence.length === 0
            ? '\u2014'
            : h(
                'ul',
                {},
                r.evidence.map((e) => h('li', {}, `#${e.sequence} `, e.method ? h('code', {}, `${e.method} ${e.path} \u2192 ${e.status}`) : null, ' ', e.note)),
              ),
        ],
      })),
      'No rules.',
    ),
  );
  ctx.announce(`Report card loaded: ${card.failed} rules failed`);
}
