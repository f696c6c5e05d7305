-- The sandbox's stores (dev.opkit.mock.store): one table per kind of record, keyed by its session and
-- id, with the columns that queries filter and sort on; the rest of the immutable record is JSONB.
-- Every row belongs to a session and goes with it (ON DELETE CASCADE).

-- Creation order of payments and tokens, the request journal's numbers (gaps allowed).
CREATE SEQUENCE store_sequence;

CREATE TABLE sessions (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  record jsonb NOT NULL
);

-- The row a session's journal transactions lock, so they wait for each other and not for its writes.
CREATE TABLE journal_locks (
  session text PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE TABLE wallets (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  name text NOT NULL,
  ordinal bigint NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, ase, name)
);
CREATE INDEX wallets_by_ordinal ON wallets (session, ase, ordinal);

CREATE TABLE accounts (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  kind text NOT NULL,
  owner text NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, kind, owner)
);

CREATE TABLE incoming_payments (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  wallet text NOT NULL,
  client text,
  seq bigint NOT NULL,
  due_at bigint,
  record jsonb NOT NULL,
  PRIMARY KEY (session, id)
);
CREATE INDEX incoming_by_wallet ON incoming_payments (session, wallet, seq);
CREATE INDEX incoming_by_client ON incoming_payments (session, wallet, client, seq)
  WHERE client IS NOT NULL;
CREATE INDEX incoming_due ON incoming_payments (session, due_at, seq) WHERE due_at IS NOT NULL;

CREATE TABLE quotes (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, id)
);

CREATE TABLE outgoing_payments (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  wallet text NOT NULL,
  client text,
  seq bigint NOT NULL,
  due_at bigint,
  record jsonb NOT NULL,
  PRIMARY KEY (session, id)
);
CREATE INDEX outgoing_by_wallet ON outgoing_payments (session, wallet, seq);
CREATE INDEX outgoing_by_client ON outgoing_payments (session, wallet, client, seq)
  WHERE client IS NOT NULL;
CREATE INDEX outgoing_due ON outgoing_payments (session, due_at, seq) WHERE due_at IS NOT NULL;

CREATE TABLE grants (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id text NOT NULL,
  ase text NOT NULL,
  continue_id text NOT NULL,
  interaction_id text,
  created_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, id)
);
CREATE INDEX grants_by_continue_id ON grants (session, continue_id);
CREATE INDEX grants_by_interaction_id ON grants (session, interaction_id)
  WHERE interaction_id IS NOT NULL;
CREATE INDEX grants_by_age ON grants (session, ase, created_at, id);

CREATE TABLE tokens (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  value text NOT NULL,
  manage_id text NOT NULL,
  grant_id text NOT NULL,
  issued bigint NOT NULL DEFAULT nextval('store_sequence'),
  record jsonb NOT NULL,
  PRIMARY KEY (session, value)
);
CREATE INDEX tokens_by_manage_id ON tokens (session, manage_id);
CREATE INDEX tokens_by_grant ON tokens (session, grant_id, issued);

CREATE TABLE grant_spending (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  grant_id text NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, grant_id)
);

CREATE TABLE window_spent (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  grant_id text NOT NULL,
  window_index bigint NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, grant_id, window_index)
);

-- The last sequence of each provider's event log; kept by a reset so old cursors keep their meaning.
CREATE TABLE event_heads (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  last bigint NOT NULL,
  PRIMARY KEY (session, ase)
);

CREATE TABLE events (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  seq bigint NOT NULL,
  type text NOT NULL,
  webhook_state text,
  -- The sandbox process sending its webhook; another takes a pending delivery over once it is gone.
  webhook_node text,
  record jsonb NOT NULL,
  PRIMARY KEY (session, ase, seq)
);
CREATE INDEX events_with_pending_webhook ON events (session, ase, seq)
  WHERE webhook_state = 'PENDING';

-- How many entries each provider's journal took so far: its bound is kept by position.
CREATE TABLE journal_heads (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  last_position bigint NOT NULL,
  PRIMARY KEY (session, ase)
);

CREATE TABLE journal (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  seq bigint NOT NULL,
  position bigint NOT NULL,
  refused boolean NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, ase, seq)
);
CREATE INDEX journal_by_position ON journal (session, ase, position);

-- Signed requests seen lately (possible replays), while a replay would still verify.
CREATE TABLE sightings (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  valid_until timestamptz NOT NULL,
  first_seen jsonb NOT NULL,
  PRIMARY KEY (session, fingerprint)
);
CREATE INDEX sightings_by_validity ON sightings (session, valid_until);

-- The sandbox processes on this database, each seen at its last heartbeat.
CREATE TABLE nodes (
  id text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);

-- Secrets every node of a sandbox shares (the consent pages' key).
CREATE TABLE sandbox_secrets (
  name text PRIMARY KEY,
  value bytea NOT NULL
);
