#!/usr/bin/env bash
# `make test-e2e`: runs tests/e2e/*.test.mjs (dist/ and dist-demo/ built first by make).
#
# Each file starts anvil, the demo server and Chromium on fixed loopback ports (8545, 8546, 5173,
# …), so two files can run at once only in separate network namespaces. As root, with `unshare`
# (util-linux) able to make one, the files are split into E2E_JOBS shards (default 2), each run
# by its own `node --test` in its own namespace with only loopback up; otherwise (or with
# E2E_JOBS=1) one `node --test` runs them one at a time. Shards are balanced by an estimate of
# each file's length (below). Each shard's output is printed whole when every shard has ended,
# so the output ends with a test runner's own summary lines; the exit status is the first
# failing shard's.
#
# E2E_LANG=nl runs the files with Chromium in Dutch (the harness passes --lang); E2E_FILES="a b"
# runs only tests/e2e/a.test.mjs and tests/e2e/b.test.mjs.
set -uo pipefail
cd "$(dirname "$0")/.."

RUN=(node --test --test-concurrency=1 --test-timeout=900000)
JOBS=${E2E_JOBS:-2}
if [[ -n ${E2E_FILES:-} ]]; then
  FILES=()
  for name in $E2E_FILES; do FILES+=("tests/e2e/$name.test.mjs"); done
else
  mapfile -t FILES < <(ls tests/e2e/*.test.mjs)
fi
echo "== end-to-end tests in ${E2E_LANG:-en}: ${#FILES[@]} files"
# Never more shards than files: `node --test` given no file would run every test it finds.
(( JOBS > ${#FILES[@]} )) && JOBS=${#FILES[@]}

if [[ $JOBS -le 1 || $EUID -ne 0 ]] || ! unshare -n true 2>/dev/null; then
  exec "${RUN[@]}" "${FILES[@]}"
fi

# Seconds a file took on the 2-core CI machine, for the files far longer than their size says
# (they wait for blocks, hold buttons or walk every screen); any other file counts 1 s per 300
# bytes of source. Only the balance of the shards depends on these numbers.
declare -A SECONDS_TAKEN=(
  [send]=300 [a11y]=90 [activity]=75 [shamir]=70 [backup-keys]=70 [backup-file]=65
  [wysiwys-transactions]=60 [wysiwys-typed-data]=60 [backup-sheet]=40
)
weight() {
  local name; name=$(basename "$1" .test.mjs)
  echo "${SECONDS_TAKEN[$name]:-$(( $(stat -c %s "$1") / 300 ))}"
}

# Longest first, each to the shard with the least so far.
mapfile -t SORTED < <(for f in "${FILES[@]}"; do echo "$(weight "$f") $f"; done | sort -rn)
declare -a LOAD SHARD
for ((i = 0; i < JOBS; i++)); do LOAD[i]=0; SHARD[i]=""; done
for line in "${SORTED[@]}"; do
  w=${line%% *} f=${line#* } best=0
  for ((i = 1; i < JOBS; i++)); do (( LOAD[i] < LOAD[best] )) && best=$i; done
  LOAD[best]=$(( LOAD[best] + w )); SHARD[best]+="$f "
done

LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
declare -a PIDS
for ((i = 0; i < JOBS; i++)); do
  # shellcheck disable=SC2086 # the shard's file list is split on purpose
  unshare -n bash -c 'ip link set lo up && exec "$@"' shard "${RUN[@]}" ${SHARD[i]} >"$LOGS/$i" 2>&1 &
  PIDS[i]=$!
done
status=0
for ((i = 0; i < JOBS; i++)); do
  wait "${PIDS[i]}"; rc=$?
  (( status == 0 && rc != 0 )) && status=$rc
done
for ((i = 0; i < JOBS; i++)); do
  echo "== end-to-end shard $((i + 1)) of $JOBS (in its own network namespace): ${SHARD[i]}"
  cat "$LOGS/$i"
done
exit "$status"
