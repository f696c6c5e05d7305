// The session picker: when the sandbox runs isolated sessions it lists them at GET /admin/sessions,
// and each session's admin API lives under /admin/sessions/{id}. A sandbox without sessions answers
// 404 there and the picker stays hidden. The choice is kept for this tab.
import { ApiError, DEFAULT_ADMIN_BASE, getOutsideSession, setAdminBase } from './api.js';
import { h } from './dom.js';

const SESSION_KEY = 'opkit.session';

/** Lists the sessions, restores this tab's choice; onChange runs after the person picks another. */
export async function initSessions(onChange) {
  const picker = document.getElementById('session-picker');
  const select = document.getElementById('session-select');
  let listed;
  try {
    listed = await getOutsideSession(`${DEFAULT_ADMIN_BASE}/sessions`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      picker.hidden = true;
      return;
    }
    throw error;
  }
  const sessions = (Array.isArray(listed) ? listed : listed?.result ?? [])
    .map((s) => (typeof s === 'string' ? { id: s } : s))
    .filter((s) => s && s.id && s.id !== 'default');
  const chosen = sessionStorage.getItem(SESSION_KEY);
  select.replaceChildren(
    h('option', { value: '' }, 'default'),
    sessions.map((s) => h('option', { value: s.id }, s.name ? `${s.name} (${s.id})` : s.id)),
  );
  select.value = sessions.some((s) => s.id === chosen) ? chosen : '';
  use(select.value);
  picker.hidden = false;
  select.addEventListener('change', () => {
    use(select.value);
    onChange(select.value || 'default');
  });
}

function use(id) {
  if (id) {
    sessionStorage.setItem(SESSION_KEY, id);
    setAdminBase(`${DEFAULT_ADMIN_BASE}/sessions/${encodeURIComponent(id)}`);
  } else {
    sessionStorage.removeItem(SESSION_KEY);
    setAdminBase(DEFAULT_ADMIN_BASE);
  }
}
