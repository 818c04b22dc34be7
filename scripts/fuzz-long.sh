#!/bin/sh
# Long fuzzing runs (issue 9): the suite's seeded fuzz properties with many more tries and fresh seeds.
#   scripts/fuzz-long.sh [tries-per-property] [rounds]
# Each round uses a new seed (printed); a failure prints the seed and try, replayable with
#   ./mvnw -B -o -pl <module> -am verify -Dtest=<Test> -Dottl4j.fuzz.seed=<seed> -Dottl4j.fuzz.tries=<tries>
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tries=${1:-20000}
rounds=${2:-1}
i=0
while [ "$i" -lt "$rounds" ]; do
  seed=$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')
  echo "fuzz-long: round $((i + 1))/$rounds, seed $seed, $tries tries per property"
  start=$(date +%s)
  "$root/mvnw" -B -q -o -pl collector/core -am verify \
    -Dtest='OtlpReadersFuzzTest,ParsersFuzzTest,ConfigLoaderFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dottl4j.fuzz.tries="$tries" -Dottl4j.fuzz.seed="$seed" -Dsurefire.timeout=0
  echo "fuzz-long: round $((i + 1)) passed in $(( $(date +%s) - start )) s"
  i=$((i + 1))
done
