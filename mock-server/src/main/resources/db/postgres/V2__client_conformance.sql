-- What client conformance grades: each provider's requests of the client with their answers, and
-- what the session's misbehaviours did; both bounded like the request journal, by position.
CREATE TABLE client_exchanges_heads (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  last_position bigint NOT NULL,
  PRIMARY KEY (session, ase)
);

CREATE TABLE client_exchanges (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  seq bigint NOT NULL,
  position bigint NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, ase, seq)
);
CREATE INDEX client_exchanges_by_position ON client_exchanges (session, ase, position);

CREATE TABLE misbehaviour_firings_heads (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  last_position bigint NOT NULL,
  PRIMARY KEY (session, ase)
);

CREATE TABLE misbehaviour_firings (
  session text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  ase text NOT NULL,
  seq bigint NOT NULL,
  position bigint NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (session, ase, seq)
);
CREATE INDEX misbehaviour_firings_by_position ON misbehaviour_firings (session, ase, position);
