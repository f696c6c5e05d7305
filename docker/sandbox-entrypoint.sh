#!/bin/sh
# Starts the sandbox in its container: the environment becomes flags (flags given to the
# container come last and win), then the JVM replaces this shell so it gets SIGTERM directly.
set -eu

set -- --host "${OPKIT_HOST:-0.0.0.0}" "$@"

config=${OPKIT_CONFIG:-}
if [ -z "$config" ] && [ -f /config/sandbox.yaml ]; then
  config=/config/sandbox.yaml
fi
if [ -n "$config" ]; then
  set -- --config "$config" "$@"
fi

# ase1=https://a.example,ase2=https://b.example -> --public-url ase1=… --public-url ase2=…
if [ -n "${OPKIT_PUBLIC_URLS:-}" ]; then
  old_ifs=$IFS
  IFS=,
  for mapping in $OPKIT_PUBLIC_URLS; do
    set -- --public-url "$mapping" "$@"
  done
  IFS=$old_ifs
fi

if [ -n "${OPKIT_ALLOWED_HOSTS:-}" ]; then
  set -- --allowed-host "$OPKIT_ALLOWED_HOSTS" "$@"
fi
if [ -n "${OPKIT_PROFILE:-}" ]; then
  set -- --profile "$OPKIT_PROFILE" "$@"
fi
if [ -n "${OPKIT_ADMIN_SECRET:-}" ]; then
  set -- --admin-secret "$OPKIT_ADMIN_SECRET" "$@"
fi
if [ -n "${OPKIT_WEBHOOK_URL:-}" ]; then
  set -- --webhook-url "$OPKIT_WEBHOOK_URL" "$@"
fi
if [ -n "${OPKIT_WEBHOOK_SECRET:-}" ]; then
  set -- --webhook-secret "$OPKIT_WEBHOOK_SECRET" "$@"
fi
if [ -n "${OPKIT_AUTO_CONSENT:-}" ]; then
  set -- --auto-consent "$OPKIT_AUTO_CONSENT" "$@"
fi

# JAVA_OPTS is split into words on purpose: it holds several JVM options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /opt/opkit/mock-server.jar "$@"
