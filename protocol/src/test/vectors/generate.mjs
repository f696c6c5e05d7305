// Interop fixtures for dev.opkit.protocol.signature, made with the official Open Payments library.
//
// 1. Signs a fixed set of requests with @interledger/http-signature-utils (createHeaders) and
//    writes them to ../resources/vectors/node-signed.json. `created` is fixed by mocking the
//    clock (node:test MockTimers), because the library always uses the current time.
// 2. Verifies every request in ../resources/vectors/java-signed.json with the library's
//    validateSignatureHeaders + validateSignature (what Rafiki runs) and writes the outcome to
//    ../resources/vectors/node-verified-java.json. Exits 1 if any outcome differs from expectValid.
import { mock } from 'node:test';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import {
  createHeaders,
  generateJwk,
  generateKey,
  loadKey,
  validateSignature,
  validateSignatureHeaders
} from '@interledger/http-signature-utils';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'resources', 'vectors');
const library = JSON.parse(
  readFileSync(join(here, 'node_modules', '@interledger', 'http-signature-utils', 'package.json'))
);
const CREATED = 1735689600; // 2025-01-01T00:00:00Z

// Ed25519 seed 01 02 ... 20, the key of the PROTOCOL.md worked example.
const fixedKey = loadKey(join(out, 'test-key-1.pem'));
const fixedKeyId = 'key-1';
// A key the library generates itself, so Java also reads a PEM it did not write.
const randomKey = generateKey();
const randomKeyId = 'node-generated-key';

const AUTHORIZATION = 'GNAP OS9M2PMHKUR64TB8N6BW';
const cases = [
  {
    name: 'post-incoming-payment',
    request: {
      method: 'POST',
      url: 'https://wallet.example/incoming-payments',
      headers: { Authorization: AUTHORIZATION },
      body: '{"walletAddress":"https://wallet.example/alice","incomingAmount":{"value":"2500","assetCode":"USD","assetScale":2}}'
    }
  },
  {
    name: 'get-incoming-payments-with-query',
    request: {
      method: 'GET',
      url: 'https://wallet.example/incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice&first=10',
      headers: { Authorization: AUTHORIZATION }
    }
  },
  {
    name: 'post-grant-request-without-authorization',
    request: {
      method: 'POST',
      url: 'https://auth.wallet.example/',
      headers: {},
      body: '{"access_token":{"access":[{"type":"incoming-payment","actions":["create","read"],"identifier":"https://wallet.example/alice"}]},"client":"https://client.example/app"}'
    }
  },
  {
    name: 'post-continue-without-body',
    request: {
      method: 'POST',
      url: 'https://auth.wallet.example/continue/4CF492MLVMSW9MKMXKHQ',
      headers: { Authorization: 'GNAP 33OMUKMKSKU80UPRY5NM' }
    }
  },
  {
    name: 'delete-token',
    request: {
      method: 'DELETE',
      url: 'https://auth.wallet.example/token/8f69de01-5bf9-4603-91ed-eeca101081f1',
      headers: { Authorization: 'GNAP OZB8CDFONP219RP1LT0OS9M2PMHKUR64TB8N6BW7' }
    }
  },
  {
    name: 'get-without-authorization',
    request: {
      method: 'GET',
      url: 'https://wallet.example/incoming-payments/016da9d5-c9a4-4c80-a354-86b915a04ff8',
      headers: {}
    }
  },
  {
    name: 'port-encoded-query-and-utf8-body',
    request: {
      method: 'POST',
      url: 'http://localhost:3000/incoming-payments?note=caf%C3%A9%20au%20lait&x=1',
      headers: { Authorization: AUTHORIZATION },
      body: '{"walletAddress":"http://localhost:3000/alice","metadata":{"description":"Café ☕ für Zoë"}}'
    }
  },
  {
    name: 'library-generated-key',
    key: 'random',
    request: {
      method: 'POST',
      url: 'https://wallet.example/quotes',
      headers: { Authorization: AUTHORIZATION },
      body: '{"walletAddress":"https://wallet.example/alice","receiver":"https://wallet.example/incoming-payments/016da9d5-c9a4-4c80-a354-86b915a04ff8","method":"ilp"}'
    }
  }
];

async function signAll() {
  mock.timers.enable({ apis: ['Date'], now: CREATED * 1000 });
  try {
    const vectors = [];
    for (const { name, key, request } of cases) {
      const privateKey = key === 'random' ? randomKey : fixedKey;
      const keyId = key === 'random' ? randomKeyId : fixedKeyId;
      const signed = await createHeaders({
        request: { ...request, headers: { ...request.headers } },
        privateKey,
        keyId
      });
      const vector = {
        name,
        keyId,
        created: CREATED,
        jwk: generateJwk({ privateKey, keyId }),
        request,
        signedHeaders: signed
      };
      if (key === 'random') {
        vector.privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' });
      }
      vectors.push(vector);
    }
    return vectors;
  } finally {
    mock.timers.reset();
  }
}

async function verifyJava() {
  const text = readFileSync(join(out, 'java-signed.json'));
  const fixture = JSON.parse(text);
  const results = [];
  for (const vector of fixture.vectors) {
    const headers = Object.fromEntries(
      Object.entries(vector.request.headers).map(([k, v]) => [k.toLowerCase(), v])
    );
    const request = {
      method: vector.request.method,
      url: vector.request.url,
      headers,
      body: vector.request.body ?? undefined
    };
    const headersValid = validateSignatureHeaders(request);
    const signatureValid = headersValid && (await validateSignature(vector.jwk, request));
    results.push({
      name: vector.name,
      expectValid: vector.expectValid,
      headersValid,
      signatureValid
    });
  }
  return {
    fixtureSha256: createHash('sha256').update(text).digest('hex'),
    results
  };
}

const signed = await signAll();
writeFileSync(
  join(out, 'node-signed.json'),
  JSON.stringify({ library: `${library.name}@${library.version}`, vectors: signed }, null, 2) + '\n'
);

const verified = await verifyJava();
writeFileSync(
  join(out, 'node-verified-java.json'),
  JSON.stringify({ library: `${library.name}@${library.version}`, ...verified }, null, 2) + '\n'
);
const wrong = verified.results.filter((r) => r.signatureValid !== r.expectValid);
if (wrong.length > 0) {
  console.error('Node disagrees with the Java fixture on:', wrong.map((r) => r.name).join(', '));
  process.exit(1);
}
console.log(`signed ${signed.length} requests; verified ${verified.results.length} Java-signed requests`);
