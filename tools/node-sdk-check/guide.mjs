// Runs the recurring-payments guide (steps 1-13) against a running sandbox using only the
// official Node SDK, the way an integrator would. The sandbox's admin API is used for what a
// person would do by hand: registering the client's public key, and moving the clock a month.
//
//   npm ci && node guide.mjs [--ase http://localhost:4000] [--receiver-ase http://localhost:4100]
import {
  createAuthenticatedClient,
  isFinalizedGrant,
  isPendingGrant,
} from "@interledger/open-payments";
import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    ase: { type: "string", default: "http://localhost:4000" },
    "receiver-ase": { type: "string", default: "http://localhost:4100" },
    payments: { type: "string", default: "3" },
  },
});
const senderAse = args.ase;
const receiverAse = args["receiver-ase"];
const paymentCount = Number(args.payments);

let step = 0;
const log = (what, detail = "") => console.log(`${String(++step).padStart(2)}. ${what}${detail ? ` — ${detail}` : ""}`);

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

// Fresh wallets for this run, so the check can be repeated against one sandbox.
const run = randomUUID().slice(0, 8);
const sender = await admin(senderAse, "POST", "/wallet-addresses", {
  name: `node-sender-${run}`, publicName: "Node SDK sender", assetCode: "USD", assetScale: 2, balance: "100000",
});
const receiver = await admin(receiverAse, "POST", "/wallet-addresses", {
  name: `node-receiver-${run}`, publicName: "Node SDK receiver", assetCode: "EUR", assetScale: 2, balance: "0",
});
const clientWallet = await admin(senderAse, "POST", "/wallet-addresses", {
  name: `node-client-${run}`, publicName: "Node SDK client app", assetCode: "USD", assetScale: 2, balance: "0",
});

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const keyId = `node-key-${run}`;
const jwk = { ...publicKey.export({ format: "jwk" }), kid: keyId, alg: "EdDSA", use: "sig" };
await admin(senderAse, "POST", `/wallet-addresses/${clientWallet.id.split("/").pop()}/keys`, { jwk });

const client = await createAuthenticatedClient({ walletAddressUrl: clientWallet.id, privateKey, keyId });

// 1. Receiver's and sender's wallet addresses
const receiverWallet = await client.walletAddress.get({ url: receiver.id });
const senderWallet = await client.walletAddress.get({ url: sender.id });
log("wallet addresses", `${receiverWallet.id} (${receiverWallet.assetCode}), ${senderWallet.id} (${senderWallet.assetCode})`);

async function incomingPayment(value) {
  // The guide writes Date.now() + 10 minutes; once this check has moved the sandbox clock a month,
  // real time lies in the sandbox's past, so the expiry is taken from the sandbox clock instead.
  const { now } = await admin(receiverAse, "GET", "/clock");
  const grant = await client.grant.request(
    { url: receiverWallet.authServer },
    { access_token: { access: [{ type: "incoming-payment", actions: ["list", "read", "read-all", "complete", "create"] }] } },
  );
  if (!isFinalizedGrant(grant)) throw new Error("incoming-payment grant was not granted at once");
  const payment = await client.incomingPayment.create(
    { url: receiverWallet.resourceServer, accessToken: grant.access_token.value },
    {
      walletAddress: receiverWallet.id,
      incomingAmount: { value, assetCode: receiverWallet.assetCode, assetScale: receiverWallet.assetScale },
      expiresAt: new Date(Date.parse(now) + 60_000 * 10).toISOString(),
    },
  );
  return payment;
}

async function quote(receiverUrl) {
  const grant = await client.grant.request(
    { url: senderWallet.authServer },
    { access_token: { access: [{ type: "quote", actions: ["create", "read", "read-all"] }] } },
  );
  if (!isFinalizedGrant(grant)) throw new Error("quote grant was not granted at once");
  return client.quote.create(
    { url: senderWallet.resourceServer, accessToken: grant.access_token.value },
    { method: "ilp", walletAddress: senderWallet.id, receiver: receiverUrl },
  );
}

// 2-3. Incoming payment grant and incoming payment; 4-5. quote grant and quote
const firstIncoming = await incomingPayment("500");
log("incoming payment", `${firstIncoming.id} for ${firstIncoming.incomingAmount.value} ${firstIncoming.incomingAmount.assetCode}`);
const firstQuote = await quote(firstIncoming.id);
log("quote", `debit ${firstQuote.debitAmount.value} ${firstQuote.debitAmount.assetCode} -> receive ${firstQuote.receiveAmount.value} ${firstQuote.receiveAmount.assetCode}`);

// 6. Interactive outgoing-payment grant with an interval limit
const clock = await admin(senderAse, "GET", "/clock");
const interval = `R${paymentCount}/${new Date(clock.now).toISOString()}/P1M`;
const nonce = randomUUID();
const finishUri = "http://localhost:3344/finish";
const pending = await client.grant.request(
  { url: senderWallet.authServer },
  {
    access_token: {
      access: [{
        identifier: senderWallet.id,
        type: "outgoing-payment",
        actions: ["list", "list-all", "read", "read-all", "create"],
        limits: { debitAmount: firstQuote.debitAmount, interval },
      }],
    },
    interact: { start: ["redirect"], finish: { method: "redirect", uri: finishUri, nonce } },
  },
);
if (!isPendingGrant(pending)) throw new Error("outgoing-payment grant did not ask for interaction");
log("outgoing-payment grant pending", `interval ${interval}, consent at ${pending.interact.redirect}`);

// 7-8. The user consents on the sandbox's HTML page (we submit its form as a browser would)
const page = await fetch(pending.interact.redirect, { redirect: "manual" });
const html = await page.text();
if (page.status !== 200 || !html.includes("<form")) throw new Error(`consent page: ${page.status} ${html.slice(0, 200)}`);
// The form carries a per-page token that binds the answer to this page; send it back with the button.
const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)];
const form = new URLSearchParams(hidden.map(([, name, value]) => [name, value]));
form.append("decision", "accept");
const decision = await fetch(pending.interact.redirect, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: form.toString(),
});
const location = new URL(decision.headers.get("location"));
const hash = location.searchParams.get("hash");
const interactRef = location.searchParams.get("interact_ref");
if (!hash || !interactRef) throw new Error(`consent did not finish: ${location}`);
const expected = createHash("sha256")
  .update([nonce, pending.interact.finish, interactRef, senderWallet.authServer].join("\n"))
  .digest();
const normalise = (h) => h.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
if (normalise(hash) !== normalise(expected.toString("base64"))) throw new Error(`finish hash mismatch: ${hash}`);
log("consent accepted", `redirected to ${location.origin}${location.pathname} with a verified hash`);

// 9. Continue the grant
await new Promise((r) => setTimeout(r, (pending.continue.wait ?? 0) * 1000));
const grant = await client.grant.continue(
  { url: pending.continue.uri, accessToken: pending.continue.access_token.value },
  { interact_ref: interactRef },
);
if (!isFinalizedGrant(grant)) throw new Error("continuation did not return an access token");
log("grant continued", `token expires in ${grant.access_token.expires_in}s, manage ${grant.access_token.manage}`);

// 10. First outgoing payment
let token = grant.access_token;
const first = await client.outgoingPayment.create(
  { url: senderWallet.resourceServer, accessToken: token.value },
  { walletAddress: senderWallet.id, quoteId: firstQuote.id },
);
log("outgoing payment 1", `${first.id} debit ${first.debitAmount.value}, sent ${first.sentAmount.value}`);

// 11-13. Each later period: move the sandbox clock a month, rotate the token, pay again
for (let n = 2; n <= paymentCount; n++) {
  await admin(senderAse, "POST", "/clock", { advance: "P1M" });
  const previous = token.value;
  const rotated = await client.token.rotate({ url: token.manage, accessToken: token.value });
  token = rotated.access_token;
  if (token.value === previous) throw new Error("rotation returned the same token");
  log(`token rotated for period ${n}`, `new manage ${token.manage}`);
  const incoming = await incomingPayment("500");
  const q = await quote(incoming.id);
  const payment = await client.outgoingPayment.create(
    { url: senderWallet.resourceServer, accessToken: token.value },
    { walletAddress: senderWallet.id, quoteId: q.id },
  );
  log(`outgoing payment ${n}`, `${payment.id} debit ${payment.debitAmount.value}`);
  try {
    // The SDK takes walletAddress with the request arguments; the second argument is pagination.
    await client.outgoingPayment.list({
      url: senderWallet.resourceServer,
      accessToken: previous,
      walletAddress: senderWallet.id,
    });
    throw new Error("the rotated-away token still works");
  } catch (e) {
    if (e.message === "the rotated-away token still works") throw e;
    if (e.status !== 401 && e.status !== 403) throw e;
    log("old token refused", `status ${e.status}`);
  }
}

// A payment beyond this period's limit must be refused.
const extra = await quote((await incomingPayment("500")).id);
try {
  await client.outgoingPayment.create(
    { url: senderWallet.resourceServer, accessToken: token.value },
    { walletAddress: senderWallet.id, quoteId: extra.id },
  );
  throw new Error("a payment past the period's limit was accepted");
} catch (e) {
  if (e.message.startsWith("a payment past")) throw e;
  if (e.status !== 403) throw e;
  log("over-limit payment refused", `status ${e.status}: ${e.description}`);
}

const list = await client.outgoingPayment.list(
  { url: senderWallet.resourceServer, accessToken: token.value, walletAddress: senderWallet.id },
  { first: 10 },
);
if (list.result.length !== paymentCount) throw new Error(`expected ${paymentCount} payments, listed ${list.result.length}`);
const spent = await client.outgoingPayment.getGrantSpentAmounts({ url: senderWallet.resourceServer, accessToken: token.value });
log("listed payments", `${list.result.length}; spent this period ${spent.spentDebitAmount?.value}`);

await client.token.revoke({ url: token.manage, accessToken: token.value });
log("token revoked");
console.log(`\nOK: the official Node SDK completed the recurring-payments guide (${paymentCount} payments).`);
