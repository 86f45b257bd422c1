#!/usr/bin/env bash
# Benchmark envshift plan/apply over many apps on the in-process FakeHeroku with latency added
# to every response, against baselines measured in the same run (see docs/performance.md).
#
#   bench/apply-bench.sh [--apps 50] [--vars 10] [--latency-ms 50] [--concurrency 8]
#                        [--naive-apps 5]
#
# Maven fetches what it lacks (the maven-dependency-plugin on a first run); the benchmark itself
# talks only to 127.0.0.1. When `heroku` (the real Heroku CLI, npm package `heroku`) is on the
# PATH, a loop of `heroku config:set` is measured too, pointed at the fake through HEROKU_HOST.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile >&2
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  envshift.bench.ApplyBench "$@"
