#!/usr/bin/env bash
# Runs the fuzzing properties of tests/Gongkai.Fuzz.Tests with many more inputs than ./test.sh does (issue #11).
# GONGKAI_FUZZ_FACTOR multiplies every property's count (default here 100: about 970,000 inputs; ./test.sh runs 1).
# A failure names the input's seed; replay it with GONGKAI_FUZZ_SEED=<seed> bench/fuzz-long.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export GONGKAI_FUZZ_FACTOR="${GONGKAI_FUZZ_FACTOR:-100}"
dotnet test tests/Gongkai.Fuzz.Tests -c Release --logger "console;verbosity=normal" "$@"
