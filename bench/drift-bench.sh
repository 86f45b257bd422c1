#!/usr/bin/env bash
# Benchmark: envshift drift --pipeline over many apps on the fake Platform API (127.0.0.1 only)
# with added latency per request. Prints wall time and request count of the default run (three
# times) and of two baselines measured in the same invocation.
# Usage: bench/drift-bench.sh [apps=100] [latency-ms=100] [--no-naive] [--concurrency N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  envshift.bench.DriftBench "$@"
