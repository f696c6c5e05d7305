// The dashboard's shell: routes "#/wallets/alice" style locations to views, moves focus to each
// view's heading and names it in the title, and announces what changed in a polite live region.
// Links that are not routes (the skip link's "#main") only move focus.
import { describeError, get } from './api.js';
import { h, replace } from './dom.js';
import * as overview from './views/overview.js';
import * as wallets from './views/wallets.js';
import * as wallet from './views/wallet.js';
import * as grants from './views/grants.js';
import * as grant from './views/grant.js';
import * as requests from './views/requests.js';
import * as request from './views/request.js';
import * as clock from './views/clock.js';
import * as events from './views/events.js';
import * as report from './views/report.js';

const ROUTES = [
  { pattern: /^\/?$/, view: overview, nav: '#/' },
  { pattern: /^\/wallets$/, view: wallets, nav: '#/wallets' },
  { pattern: /^\/wallets\/([^/]+)$/, view: wallet, nav: '#/wallets' },
  { pattern: /^\/grants$/, view: grants, nav: '#/grants' },
  { pattern: /^\/grants\/([^/]+)$/, view: grant, nav: '#/grants' },
  { pattern: /^\/requests$/, view: requests, nav: '#/requests' },
  { pattern: /^\/requests\/(\d+)$/, view: request, nav: '#/requests' },
  { pattern: /^\/clock$/, view: clock, nav: '#/clock' },
  { pattern: /^\/events$/, view: events, nav: '#/events' },
  { pattern: /^\/report$/, view: report, nav: '#/report' },
];

const root = document.getElementById('view');
const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let cleanup = null;
let rendering = 0;
let provider = '';

/** Says something to screen-reader users without moving focus. */
function announce(text) {
  announcer.textContent = '';
  // A change after a tick is announced even when the same words come twice.
  setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

/** The view context handed to every view. */
const context = {
  announce,
  navigate: (hash) => {
    if (location.hash === hash) render(true);
    else location.hash = hash;
  },
  refresh: () => render(false),
  provider: () => provider,
};

async function render(moveFocus) {
  const path = decodeURIComponent(location.hash.replace(/^#/, ''));
  const route = ROUTES.find((r) => r.pattern.test(path)) ?? ROUTES[0];
  const params = path.match(route.pattern)?.slice(1) ?? [];
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  markNav(route.nav);
  const mine = ++rendering;
  main.setAttribute('aria-busy', 'true');
  const fresh = h('div');
  try {
    const result = await route.view.render(fresh, params, context);
    if (mine !== rendering) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = typeof result === 'function' ? result : null;
  } catch (error) {
    if (mine !== rendering) return;
    replace(fresh, h('h1', { tabindex: '-1' }, 'Something went wrong'), h('p', { class: 'message error', role: 'alert' }, describeError(error)));
  }
  const focused = root.contains(document.activeElement) ? document.activeElement.id : null;
  replace(root, fresh);
  main.removeAttribute('aria-busy');
  const heading = root.querySelector('h1');
  const title = heading ? heading.textContent : 'Dashboard';
  document.title = `${title} \u2013 ${provider ? `${provider} \u2013 ` : ''}Open Payments sandbox`;
  // A refresh keeps focus on the control that caused it when the new view has it again.
  const keep = !moveFocus && focused ? document.getElementById(focused) : null;
  if (keep && !keep.disabled) {
    keep.focus();
  } else if ((moveFocus || focused !== null) && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function markNav(current) {
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function isRoute(hash) {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

let lastRoute = location.hash;

window.addEventListener('hashchange', () => {
  if (!isRoute(location.hash)) {
    // An in-page link such as the skip link: keep the view, move focus to the target.
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.focus();
    history.replaceState(null, '', lastRoute || '#/');
    return;
  }
  lastRoute = location.hash;
  render(true);
});

/** The header names the provider (and its profile) whose admin API the page uses. */
async function loadProvider() {
  try {
    const index = await get('');
    provider = index.ase;
    document.getElementById('provider-name').textContent = `provider ${index.ase} \u00b7 profile ${index.profile}`;
  } catch (error) {
    // The view says what failed; the header stays without the provider's name.
  }
}

async function start() {
  await loadProvider();
  if (!isRoute(location.hash)) history.replaceState(null, '', '#/');
  lastRoute = location.hash;
  render(false);
}

start();
