#!/usr/bin/env bash
# Schemathesis against the served OpenAPI document, authenticated: every operation gets
# generated and mutated requests; any 5xx or any response outside the documented schema
# fails. Bounded by example count, with a fixed seed so failures reproduce.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec .venv/bin/schemathesis run "$GISTFUL_URL/api/openapi.yaml" \
  --url "$GISTFUL_URL/api" \
  -H "Authorization: Bearer $ALICE_TOKEN" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" \
  --seed 1 \
  --request-timeout 10 \
  --workers 2 \
  "$@"
