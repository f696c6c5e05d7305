// Builds elements from data without ever parsing HTML: every value the sandbox sends ends up in a
// text node or an attribute, so nothing it stores (a public name, a URL) can run as markup.

/**
 * h('a', {href: url, class: 'x', onclick: fn}, 'text', child, [more]) -> HTMLAnchorElement.
 * Attributes that are null, undefined or false are left out; true sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Appends children as h() does: nulls and falses are left out, arrays flattened. */
export function add(element, ...children) {
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let ids = 0;

/** A fresh id for label/aria-labelledby pairs. */
export function uniqueId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A description list of [term, value] pairs; pairs whose value is null are left out. */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(([, value]) => value !== null && value !== undefined).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

/**
 * A table with a caption, in a wrapper that scrolls sideways on narrow screens (and can be
 * scrolled by keyboard: it takes focus and is named by the caption).
 * columns: [{label, num?}], rows: [{cells: [node|string], class?}]
 */
export function table(caption, columns, rows, empty) {
  const captionId = uniqueId('caption');
  if (rows.length === 0) {
    return h('p', { class: 'hint' }, empty);
  }
  return h(
    'div',
    { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-labelledby': captionId },
    h(
      'table',
      {},
      h('caption', { id: captionId }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h('tr', { class: row.class ?? null }, row.cells.map((cell, i) => h('td', { class: columns[i].num ? 'num' : null }, cell))),
        ),
      ),
    ),
  );
}

/** A labelled form field: label above the control, an optional hint tied to it. */
export function field(label, control, hint) {
  const id = control.id || uniqueId('field');
  control.id = id;
  let hintElement = null;
  if (hint) {
    hintElement = h('p', { class: 'hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintElement.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintElement);
}

/** A message area for a form's outcome; role=alert for errors is set when it shows one. */
export function messageArea(id) {
  return h('div', { class: 'message', 'aria-live': 'polite', id: id ?? null });
}

/** Shows an outcome in a message area. */
export function showMessage(area, kind, text) {
  area.className = `message ${kind}`;
  area.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  replace(area, text);
}

/** A <time> element for an RFC 3339 instant. */
export function time(instant, text) {
  if (!instant) return '—';
  return h('time', { datetime: instant }, text);
}

/** A link that opens a URL of the sandbox (a wallet address document, the admin API). */
export function urlLink(url) {
  return h('a', { href: url, class: 'url' }, url);
}

/** A status badge; the word carries the meaning, the colour only repeats it. */
export function badge(text, kind) {
  return h('span', { class: `badge ${kind ?? ''}`.trim() }, text);
}
