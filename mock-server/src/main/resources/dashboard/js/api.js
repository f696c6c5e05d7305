// The dashboard's only way to the sandbox: the admin JSON API of the origin that served the page,
// same origin, JSON in and out. With an admin secret the API answers 401 and the person is asked
// for the secret once; it is kept in this tab's sessionStorage and sent as a bearer token, never in
// a URL, a cookie or the console.
import { askSecret } from './secret.js';

const SECRET_KEY = 'opkit.adminSecret';
const ADMIN = '/admin';

/** An error answer of the admin API: its status and the error body's code and description. */
export class ApiError extends Error {
  constructor(status, code, description) {
    super(description);
    this.status = status;
    this.code = code;
  }
}

/** GET /admin{path}. */
export function get(path) {
  return request('GET', ADMIN + path);
}

/** POST /admin{path} with a JSON body. */
export function post(path, body) {
  return request('POST', ADMIN + path, body ?? {});
}

/** DELETE /admin{path}. */
export function remove(path) {
  return request('DELETE', ADMIN + path);
}

async function request(method, url, body) {
  let refusedSecret = false;
  for (;;) {
    const secret = sessionStorage.getItem(SECRET_KEY);
    const response = await send(method, url, body, secret);
    if (response.status !== 401) {
      return read(response);
    }
    if (secret) {
      sessionStorage.removeItem(SECRET_KEY);
      refusedSecret = true;
    }
    const entered = await askSecret(refusedSecret);
    if (!entered) {
      throw new ApiError(401, 'unauthorized', 'this sandbox\u2019s admin API needs its secret; reload the page to enter it');
    }
    sessionStorage.setItem(SECRET_KEY, entered);
  }
}

function send(method, url, body, secret) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (secret) headers.Authorization = `Bearer ${secret}`;
  return fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  });
}

async function read(response) {
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'not_json', `the sandbox answered ${response.status} with something that is not JSON`);
    }
  }
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(response.status, error.code ?? String(response.status), error.description ?? `the sandbox answered ${response.status}`);
  }
  return json;
}

/** What to show a person for a failed call. */
export function describeError(error) {
  if (error instanceof ApiError) return `${error.message} (HTTP ${error.status}, ${error.code})`;
  return error?.message ?? String(error);
}
