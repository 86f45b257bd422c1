#!/usr/bin/env bash
# Serve the test suite's FakeHeroku on 127.0.0.1 until Ctrl-C, for trying envshift by hand:
#
#   bench/fake-heroku.sh payroll-staging+DATABASE_URL payroll-production \
#     asset-dashboard:staging:asset-stg
#
# Each argument is an app to create (PIPELINE:STAGE:APP also couples it, APP+VAR attaches an
# add-on owning VAR). Prints the HEROKU_HOST and HEROKU_API_KEY to export in another shell.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile >&2
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  envshift.bench.FakeHerokuMain "$@"
