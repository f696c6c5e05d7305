// Calls every operation of the official Node SDK once against a running sandbox, including the
// unauthenticated client, directed identity (client = JWK), both outgoing-payment forms,
// pagination, completion, polling, cancellation and revocation, and checks what comes back.
// The SDK validates every response against the Open Payments 1.3.0 specs.
//
//   npm ci && node all-calls.mjs [--ase http://localhost:4000] [--receiver-ase http://localhost:4100]
import {
  createAuthenticatedClient,
  createUnauthenticatedClient,
  isFinalizedGrant,
  isPendingGrant,
} from "@interledger/open-payments";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import assert from "node:assert/strict";

const { values: args } = parseArgs({
  options: {
    ase: { type: "string", default: "http://localhost:4000" },
    "receiver-ase": { type: "string", default: "http://localhost:4100" },
  },
});
const senderAse = args.ase;
const receiverAse = args["receiver-ase"];
let checks = 0;
const ok = (what) => console.log(`ok ${String(++checks).padStart(2)} ${what}`);

async function admin(origin, method, path, body) {
  const response = await fetch(`${origin}/admin${path}`, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`admin ${method} ${path} -> ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function refused(promise, status) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.status, status, `expected ${status}, got ${e.status}: ${e.description}`);
    return e;
  }
  throw new Error(`expected a refusal with ${status}`);
}

const run = randomUUID().slice(0, 8);
const wallet = (origin, name, assetCode, balance) =>
  admin(origin, "POST", "/wallet-addresses", {
    name: `${name}-${run}`, publicName: name, assetCode, assetScale: 2, balance,
  });
const sender = await wallet(senderAse, "sender", "USD", "100000");
const receiver = await wallet(receiverAse, "receiver", "EUR", "0");
const clientWallet = await wallet(senderAse, "client", "USD", "0");
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const keyId = `key-${run}`;
const jwk = { ...publicKey.export({ format: "jwk" }), kid: keyId, alg: "EdDSA" };
await admin(senderAse, "POST", `/wallet-addresses/client-${run}/keys`, { jwk });
const client = await createAuthenticatedClient({ walletAddressUrl: clientWallet.id, privateKey, keyId });
const anonymous = await createUnauthenticatedClient({});

// Wallet address server
const receiverWallet = await anonymous.walletAddress.get({ url: receiver.id });
assert.equal(receiverWallet.assetCode, "EUR");
ok("walletAddress.get");
const keys = await client.walletAddress.getKeys({ url: clientWallet.id });
assert.equal(keys.keys[0].kid, keyId);
ok("walletAddress.getKeys");
try {
  await client.walletAddress.getDIDDocument({ url: clientWallet.id });
  ok("walletAddress.getDIDDocument answered");
} catch (e) {
  assert.equal(e.status, 500);
  ok(`walletAddress.getDIDDocument: ${e.status} as the spec allows (${e.description})`);
}

// Grants, incoming payments
const incomingGrant = await client.grant.request(
  { url: receiverWallet.authServer },
  { access_token: { access: [{ type: "incoming-payment", actions: ["create", "read", "list", "complete"] }] } },
);
assert.ok(isFinalizedGrant(incomingGrant));
ok("grant.request incoming-payment (granted at once)");
const incomingToken = incomingGrant.access_token.value;
const rs = { url: receiverWallet.resourceServer, accessToken: incomingToken };
const created = [];
for (let i = 0; i < 3; i++) {
  created.push(await client.incomingPayment.create(rs, {
    walletAddress: receiverWallet.id,
    incomingAmount: { value: "1000", assetCode: "EUR", assetScale: 2 },
    metadata: { description: `invoice ${i}` },
  }));
}
ok("incomingPayment.create x3");
const got = await client.incomingPayment.get({ url: created[0].id, accessToken: incomingToken });
assert.equal(got.id, created[0].id);
assert.ok(Array.isArray(got.methods));
ok("incomingPayment.get (full, with methods)");
const pub = await client.incomingPayment.getPublic({ url: created[0].id });
assert.equal(pub.authServer, receiverWallet.authServer);
const anon = await anonymous.incomingPayment.get({ url: created[0].id });
assert.equal(anon.authServer, receiverWallet.authServer);
ok("incomingPayment.getPublic and the unauthenticated get");
const page1 = await client.incomingPayment.list(
  { url: receiverWallet.resourceServer, accessToken: incomingToken, walletAddress: receiverWallet.id },
  { first: 2 },
);
assert.equal(page1.result.length, 2);
assert.equal(page1.pagination.hasNextPage, true);
const page2 = await client.incomingPayment.list(
  { url: receiverWallet.resourceServer, accessToken: incomingToken, walletAddress: receiverWallet.id },
  { first: 2, cursor: page1.pagination.endCursor },
);
assert.equal(page2.result.length, 1);
assert.equal(page2.pagination.hasNextPage, false);
const back = await client.incomingPayment.list(
  { url: receiverWallet.resourceServer, accessToken: incomingToken, walletAddress: receiverWallet.id },
  { last: 2, cursor: page2.pagination.startCursor },
);
assert.equal(back.result.length, 2);
ok("incomingPayment.list with first/cursor and last/cursor");
const completed = await client.incomingPayment.complete({ url: created[2].id, accessToken: incomingToken });
assert.equal(completed.completed, true);
ok("incomingPayment.complete");

// Directed identity: the client sends its JWK instead of a wallet address
const directed = await client.grant.request(
  { url: receiverWallet.authServer },
  { access_token: { access: [{ type: "incoming-payment", actions: ["create", "read"] }] } },
  { jwk },
);
assert.ok(isFinalizedGrant(directed));
ok("grant.request with client = {jwk} (directed identity)");

// Quotes
const senderWallet = await client.walletAddress.get({ url: sender.id });
const quoteGrant = await client.grant.request(
  { url: senderWallet.authServer },
  { access_token: { access: [{ type: "quote", actions: ["create", "read"] }] } },
);
const quoteRs = { url: senderWallet.resourceServer, accessToken: quoteGrant.access_token.value };
const fixedSend = await client.quote.create(quoteRs, {
  method: "ilp", walletAddress: senderWallet.id, receiver: created[0].id,
  debitAmount: { value: "500", assetCode: "USD", assetScale: 2 },
});
assert.equal(fixedSend.debitAmount.value, "500");
const fixedReceive = await client.quote.create(quoteRs, {
  method: "ilp", walletAddress: senderWallet.id, receiver: created[1].id,
  receiveAmount: { value: "1000", assetCode: "EUR", assetScale: 2 },
});
assert.equal(fixedReceive.receiveAmount.value, "1000");
ok("quote.create fixed-send and fixed-receive, across currencies");
const quote = await client.quote.get({ url: fixedSend.id, accessToken: quoteGrant.access_token.value });
assert.equal(quote.id, fixedSend.id);
ok("quote.get");

// Outgoing payments: interactive grant, polling before consent, consent, continue
const nonce = randomUUID();
const pending = await client.grant.request(
  { url: senderWallet.authServer },
  {
    access_token: { access: [{
      type: "outgoing-payment", actions: ["create", "read", "list"], identifier: senderWallet.id,
      limits: { debitAmount: { value: "5000", assetCode: "USD", assetScale: 2 } },
    }] },
    interact: { start: ["redirect"], finish: { method: "redirect", uri: "http://localhost:3344/", nonce } },
  },
);
assert.ok(isPendingGrant(pending));
ok("grant.request outgoing-payment (pending, interact.redirect given)");
// Consent as a browser gives it: load the page, then post its form (hidden token) with the button.
const consentPage = await (await fetch(pending.interact.redirect, { redirect: "manual" })).text();
const form = new URLSearchParams(
  [...consentPage.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, n, v]) => [n, v]),
);
form.append("decision", "accept");
const decision = await fetch(pending.interact.redirect, {
  method: "POST", redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form.toString(),
});
const interactRef = new URL(decision.headers.get("location")).searchParams.get("interact_ref");
await new Promise((r) => setTimeout(r, (pending.continue.wait ?? 0) * 1000));
const grant = await client.grant.continue(
  { url: pending.continue.uri, accessToken: pending.continue.access_token.value },
  { interact_ref: interactRef },
);
assert.ok(isFinalizedGrant(grant));
ok("grant.continue with interact_ref");
const opRs = { url: senderWallet.resourceServer, accessToken: grant.access_token.value };
const fromQuote = await client.outgoingPayment.create(opRs, { walletAddress: senderWallet.id, quoteId: fixedSend.id });
assert.equal(fromQuote.quoteId, fixedSend.id);
const fromIncoming = await client.outgoingPayment.create(opRs, {
  walletAddress: senderWallet.id, incomingPayment: created[1].id,
  debitAmount: { value: "300", assetCode: "USD", assetScale: 2 },
});
assert.equal(fromIncoming.debitAmount.value, "300");
ok("outgoingPayment.create from a quote and from an incoming payment");
await refused(client.outgoingPayment.create(opRs, { walletAddress: senderWallet.id, quoteId: fixedSend.id }), 400);
ok("outgoingPayment.create with a used quote refused (400)");
const op = await client.outgoingPayment.get({ url: fromQuote.id, accessToken: grant.access_token.value });
assert.equal(op.id, fromQuote.id);
ok("outgoingPayment.get");
const ops = await client.outgoingPayment.list(
  { url: senderWallet.resourceServer, accessToken: grant.access_token.value, walletAddress: senderWallet.id },
  { first: 10 },
);
assert.equal(ops.result.length, 2);
ok("outgoingPayment.list");
const spent = await client.outgoingPayment.getGrantSpentAmounts(opRs);
assert.equal(spent.spentDebitAmount.value, "800");
ok("outgoingPayment.getGrantSpentAmounts");
const received = await client.incomingPayment.get({ url: created[0].id, accessToken: incomingToken });
assert.equal(received.receivedAmount.value, fixedSend.receiveAmount.value);
ok("the incoming payment received what the quote promised");

// Tokens and grants
const rotated = await client.token.rotate({ url: grant.access_token.manage, accessToken: grant.access_token.value });
assert.notEqual(rotated.access_token.value, grant.access_token.value);
await client.outgoingPayment.get({ url: fromQuote.id, accessToken: rotated.access_token.value });
ok("token.rotate; the new token works");
await client.token.revoke({ url: rotated.access_token.manage, accessToken: rotated.access_token.value });
const dead = await refused(client.outgoingPayment.get({ url: fromQuote.id, accessToken: rotated.access_token.value }), 403);
ok(`token.revoke; the token is refused (${dead.status})`);
const second = await client.grant.request(
  { url: senderWallet.authServer },
  {
    access_token: { access: [{ type: "outgoing-payment", actions: ["create"], identifier: senderWallet.id }] },
    interact: { start: ["redirect"] },
  },
);
assert.ok(isPendingGrant(second));
await new Promise((r) => setTimeout(r, (second.continue.wait ?? 0) * 1000));
const polled = await client.grant.continue({ url: second.continue.uri, accessToken: second.continue.access_token.value });
assert.ok(!isFinalizedGrant(polled) && polled.continue);
ok("grant.continue polling before consent (still pending)");
await client.grant.cancel({ url: second.continue.uri, accessToken: second.continue.access_token.value });
ok("grant.cancel");

// A client whose key the wallet does not know
const stranger = await createAuthenticatedClient({
  walletAddressUrl: clientWallet.id, privateKey: generateKeyPairSync("ed25519").privateKey, keyId,
});
const bad = await refused(stranger.grant.request(
  { url: senderWallet.authServer },
  { access_token: { access: [{ type: "quote", actions: ["create"] }] } },
), 401);
ok(`a request signed with the wrong key is refused: ${bad.code} — ${bad.description}`);

console.log(`\nOK: ${checks} checks of the official Node SDK against the sandbox passed.`);
