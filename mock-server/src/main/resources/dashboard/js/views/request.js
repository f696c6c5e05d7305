// The explainer for one signed request: the verdict and its exact reason; side by side, what the
// server rebuilt (target URI, signature base, content digest of the bytes it received) and what the
// request carried (Signature-Input, Signature, Content-Digest); and where the key was looked up.
import { get } from '../api.js';
import { add, badge, facts, h, time } from '../dom.js';
import { instant } from '../format.js';

// What each refusal usually means for the developer's client; the journal's description says the
// particulars.
const HINTS = {
  SIGNATURE_INPUT_MISSING: 'The request carried no Signature-Input header: it was not signed. Every grant, continuation and token request, and every resource request with a token, must be.',
  SIGNATURE_MISSING: 'Signature-Input came without its Signature header.',
  MALFORMED_SIGNATURE_INPUT: 'Signature-Input is not an RFC 8941 dictionary such as sig1=("@method" "@target-uri");keyid="k";created=1700000000.',
  MALFORMED_SIGNATURE: 'Signature is not sig1=:<64 bytes in base64>:.',
  LABEL_MISSING: 'Open Payments signs under the label sig1; the request used another.',
  UNSUPPORTED_COMPONENT: 'A covered component is one the server cannot compute (or is written in upper case).',
  KEYID_MISSING: 'The signature parameters name no keyid, so no key can be looked up.',
  UNSUPPORTED_ALGORITHM: 'Open Payments signs with Ed25519 only.',
  COMPONENT_NOT_COVERED: 'A component Open Payments requires (@method, @target-uri, and with a token authorization, with a body content-digest, content-length, content-type) is not in Signature-Input.',
  COVERED_HEADER_MISSING: 'Signature-Input covers a header the request does not carry.',
  BODY_HEADER_MISSING: 'A signed body needs Content-Length and Content-Type headers too.',
  DIGEST_MISSING: 'The request has a body but no Content-Digest header.',
  MALFORMED_DIGEST: 'Content-Digest is not sha-512=:<base64>: (RFC 9530).',
  DIGEST_ALGORITHM_UNSUPPORTED: 'Content-Digest names neither sha-256 nor sha-512.',
  DIGEST_MISMATCH: 'The digest the client sent is not the digest of the bytes that arrived: the body was changed after signing, or re-serialised (spaces, key order, escaping) between digesting and sending.',
  CREATED_MISSING: 'The signature parameters have no created time.',
  CREATED_TOO_OLD: 'created is too far in the past by real time (not the sandbox clock): sign each request just before sending it.',
  CREATED_IN_FUTURE: 'created lies in the future: the client machine\u2019s clock runs ahead.',
  EXPIRED: 'The signature\u2019s expires parameter has passed.',
  UNKNOWN_KEY: 'No key with this keyid is listed at the client\u2019s jwks.json: register the public key on the client wallet address, or sign with the keyid that is registered.',
  BAD_SIGNATURE: 'The signature does not verify over the signature base the server rebuilt: compare the base below with the one your client signed, line by line (the @target-uri and the header values are the usual culprits), and check that the private key matches the registered public key.',
  BODY_NOT_COMPACT: 'Wallets running Rafiki digest JSON.stringify(JSON.parse(body)): send the body exactly as compact JSON, without spaces or HTML escapes.',
  CLIENT_UNREACHABLE: 'The client wallet address (or its jwks.json) could not be fetched.',
};

export async function render(root, [sequence], ctx) {
  const e = await get(`/requests/${encodeURIComponent(sequence)}`);
  const refused = e.outcome === 'refused';
  const digestsCompared = Boolean(e.contentDigestComputed) && /sha-512=:/.test(e.contentDigestReceived ?? '');
  const digestsMatch = digestsCompared && digestValue(e.contentDigestReceived) === digestValue(e.contentDigestComputed);
  add(root, 
    h('p', {}, h('a', { href: '#/requests' }, '\u2190 Request journal')),
    h('h1', {}, `Request #${e.sequence}: ${e.kind}`),
    h(
      'section',
      { class: refused ? 'verdict refused' : 'verdict', 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title' }, refused ? 'Refused' : 'Verified'),
      refused
        ? [
            h('p', {}, 'Reason: ', h('code', { id: 'refusal-reason' }, e.reason ?? 'unknown'), e.status ? ` \u00b7 answered ${e.status}` : ''),
            e.description ? h('p', { id: 'refusal-description' }, e.description) : null,
            HINTS[e.reason] ? h('p', { class: 'hint-text' }, h('strong', {}, 'What it usually means: '), HINTS[e.reason]) : null,
          ]
        : h('p', {}, 'Every check passed: the signature verifies with the client\u2019s key over the base below.'),
    ),
    facts([
      ['Arrived', time(e.at, instant(e.at))],
      ['Provider', e.ase],
      ['Method', e.method],
      ['Client', e.client ? h('code', {}, e.client) : '—'],
      ['Key id', e.keyId ? h('code', {}, e.keyId) : '—'],
    ]),
    h(
      'div',
      { class: 'compare' },
      h(
        'section',
        { id: 'rebuilt', 'aria-labelledby': 'rebuilt-title' },
        h('h2', { id: 'rebuilt-title' }, 'What the server rebuilt'),
        h('h3', {}, '@target-uri'),
        h('pre', {}, e.targetUri),
        h('h3', {}, 'Signature base'),
        e.signatureBase ? h('pre', { id: 'signature-base' }, e.signatureBase) : h('p', { class: 'hint' }, 'Not rebuilt: the request failed before (see the reason).'),
        h('h3', {}, 'Content-Digest of the body received'),
        e.contentDigestComputed ? h('pre', {}, e.contentDigestComputed) : h('p', { class: 'hint' }, 'No body.'),
      ),
      h(
        'section',
        { id: 'received', 'aria-labelledby': 'received-title' },
        h('h2', { id: 'received-title' }, 'What it received'),
        h('h3', {}, 'Signature-Input'),
        e.signatureInput ? h('pre', {}, e.signatureInput) : h('p', { class: 'hint' }, 'Missing.'),
        h('h3', {}, 'Signature'),
        e.signature ? h('pre', {}, e.signature) : h('p', { class: 'hint' }, 'Missing.'),
        h('h3', {}, 'Content-Digest'),
        e.contentDigestReceived ? h('pre', {}, e.contentDigestReceived) : h('p', { class: 'hint' }, 'Missing.'),
      ),
    ),
    digestsCompared
      ? h('p', { id: 'digest-comparison' }, digestsMatch ? badge('digests match', 'good') : badge('digests differ', 'bad'), ' ', digestsMatch ? 'The body that arrived is the body that was digested.' : 'The body that arrived is not the body that was digested.')
      : null,
    h('h2', {}, 'Key lookup'),
    e.keyLookup ? h('pre', { id: 'key-lookup' }, e.keyLookup) : h('p', { class: 'hint' }, 'No key lookup ran: the request failed before it.'),
  );
  ctx.announce(`Request ${e.sequence} ${e.outcome}${e.reason ? `: ${e.reason}` : ''}`);
}

function digestValue(header) {
  return /sha-512=:([^:]*):/.exec(header)?.[1];
}
