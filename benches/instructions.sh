#!/usr/bin/env bash
# Instruction counts, which a shared machine does not disturb, under valgrind's callgrind:
#   - decoding the 100-result delivery report into plain structs, into the official
#     SDK's report structs (infobip_sdk) and into MessageStatus / MessageError (the
#     decode bench's BENCH_ONLY mode), and reading the decoded objects' codes, groups,
#     flags and outcome (BENCH_ONLY=read);
#   - the generator's read + validate + emit of the vendored page (the generator
#     bench's BENCH_ONLY mode).
# Each workload runs twice, 0 and TIMES times (default 20): the difference divided by
# TIMES is the cost of one run, without the setup.
#
#   benches/instructions.sh            # needs valgrind
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
times=${TIMES:-20}
command -v valgrind >/dev/null || { echo "instructions: valgrind is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench_binary() { # bench name -> path of its executable
    (cd "$root" && cargo bench --bench "$1" --features serde --no-run --message-format=json 2>/dev/null) |
        sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1
}

count() { # executable, mode, times -> instructions
    BENCH_ONLY=$2 BENCH_TIMES=$3 valgrind --tool=callgrind --callgrind-out-file="$work/out" "$1" \
        >/dev/null 2>"$work/log"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log"
}

per_run() { # executable, mode -> instructions of one run
    local base full
    base=$(count "$1" "$2" 0)
    full=$(count "$1" "$2" "$times")
    echo $(((full - base) / times))
}

decode=$(bench_binary decode)
generator=$(bench_binary generator)
[ -x "$decode" ] && [ -x "$generator" ] || { echo "instructions: could not build the benches" >&2; exit 1; }

echo "machine: $(rustc --version), $(valgrind --version), $times runs per count"
plain=$(per_run "$decode" plain)
sdk=$(per_run "$decode" sdk)
typed=$(per_run "$decode" typed)
printf 'decode, plain structs       %12d instructions per 100-result report\n' "$plain"
printf 'decode, infobip_sdk structs %12d instructions per 100-result report\n' "$sdk"
printf 'decode, MessageStatus/Error %12d instructions per 100-result report\n' "$typed"
printf 'decode typed / plain: %s (target <= 0.90)\n' "$(echo "scale=3; $typed / $plain" | bc)"
printf 'decode typed / infobip_sdk: %s (target <= 0.90)\n' "$(echo "scale=3; $typed / $sdk" | bc)"
printf 'read, code/group/flags/Outcome %9d instructions per 100-result report\n' "$(per_run "$decode" read)"
printf 'generator, vendored page    %12d instructions per read + validate + emit\n' "$(per_run "$generator" generate)"
