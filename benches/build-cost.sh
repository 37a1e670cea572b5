#!/usr/bin/env bash
# What infobip-codes costs the cold build of its dependents.
#
# Two dependents are built from scratch (each build in a fresh target folder):
#   typical  a tiny webhook-style binary: serde (derive), serde_json, infobip-codes/serde
#   minimal  a binary that uses infobip-codes with default features only
# each against three builds of infobip-codes:
#   real        the crate as published: the committed src/generated.rs, and a std-only
#               build.rs that checks it against docs-source/
#   twin        the "prebuilt twin": the same sources and runtime dependencies, no build
#               script at all; the physical limit of real / twin is 1.0
#   regenerate  the real crate with feature `regenerate`: build.rs runs the generator, as
#               every build did before the generated source was committed
# Builds alternate real / twin / regenerate, RUNS times each (default 3); the script
# prints the medians and the ratios to the twin.
#
#   benches/build-cost.sh            # RUNS=5 PROFILE=release benches/build-cost.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
profile=${PROFILE:-dev}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)

# The prebuilt twin: the same sources, features and runtime dependencies; no build.rs.
mkdir -p "$work/twin"
cp -r "$root/src" "$work/twin/src"
{
    printf '[package]\nname = "infobip-codes"\nversion = "%s"\nedition = "2021"\nbuild = false\n\n' "$version"
    # The generator features configure a build script the twin does not have.
    sed -n '/^\[features\]/,/^\[build-dependencies\]/p' "$root/Cargo.toml" | sed '$d' |
        sed -e 's/^regenerate = .*/regenerate = []/' -e 's/^html = .*/html = []/'
    printf '\n[workspace]\n'
} >"$work/twin/Cargo.toml"

# The dependents.
make_dependent() { # name, path to infobip-codes, extra infobip-codes features
    local dir="$work/$1-$(basename "$2")${3:+-$3}"
    local quoted=""
    [ -n "${3:-}" ] && quoted="\"$3\""
    mkdir -p "$dir/src"
    case "$1" in
    typical)
        cat >"$dir/Cargo.toml" <<EOF
[package]
name = "typical"
version = "0.0.0"
edition = "2021"
[dependencies]
infobip-codes = { path = "$2", features = ["serde"${quoted:+, $quoted}] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
[workspace]
EOF
        cat >"$dir/src/main.rs" <<'EOF'
use infobip_codes::{MessageError, MessageStatus};
use serde::Deserialize;

#[derive(Deserialize)]
struct Report {
    results: Vec<Result>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Result {
    message_id: String,
    status: MessageStatus,
    error: Option<MessageError>,
}

fn main() {
    let body = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let Ok(report) = serde_json::from_str::<Report>(&body) else { return };
    for r in report.results {
        let retry = r.error.as_ref().is_some_and(|e| !e.is_permanent());
        println!("{} {:?} retry={retry}", r.message_id, r.status.code());
    }
}
EOF
        ;;
    minimal)
        cat >"$dir/Cargo.toml" <<EOF
[package]
name = "minimal"
version = "0.0.0"
edition = "2021"
[dependencies]
infobip-codes = { path = "$2", features = [$quoted] }
[workspace]
EOF
        cat >"$dir/src/main.rs" <<'EOF'
fn main() {
    let id = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    if let Some(code) = infobip_codes::StatusCode::from_id(id) {
        println!("{code}: {}", code.description());
    }
}
EOF
        ;;
    esac
    (cd "$dir" && cargo generate-lockfile --offline --quiet 2>/dev/null || cargo generate-lockfile --quiet)
    (cd "$dir" && cargo fetch --quiet)
    echo "$dir"
}

build_secs() { # dependent dir -> seconds of one cold build
    local target="$work/target-$RANDOM$RANDOM"
    local flags=()
    [ "$profile" = release ] && flags+=(--release)
    local start end
    start=$(date +%s.%N)
    if ! (cd "$1" && CARGO_TARGET_DIR="$target" cargo build --offline --quiet "${flags[@]}" >&2); then
        echo "build-cost: the build of $1 failed" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    rm -rf "$target"
    echo "$end - $start" | bc
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "machine: $(nproc) cores, $(rustc --version), profile $profile, $runs cold builds each"
for kind in typical minimal; do
    dirs=("$(make_dependent "$kind" "$root")" "$(make_dependent "$kind" "$work/twin")" "$(make_dependent "$kind" "$root" regenerate)")
    times=("" "" "")
    for ((i = 1; i <= runs; i++)); do
        for v in 0 1 2; do
            # `|| exit`: a failed build must stop the script, not yield an empty time.
            t=$(build_secs "${dirs[$v]}") || exit 1
            times[v]="${times[v]} $t"
        done
    done
    medians=()
    for v in 0 1 2; do
        medians+=("$(printf '%s\n' ${times[v]} | median)")
    done
    printf '%-8s real:%s\n%-8s twin:%s\n%-8s regenerate:%s\n' "$kind" "${times[0]}" "$kind" "${times[1]}" "$kind" "${times[2]}"
    printf '%-8s median real %.2f s, twin %.2f s, regenerate %.2f s; real/twin %s (target 1.0), regenerate/twin %s\n' \
        "$kind" "${medians[0]}" "${medians[1]}" "${medians[2]}" \
        "$(echo "scale=3; ${medians[0]} / ${medians[1]}" | bc)" \
        "$(echo "scale=3; ${medians[2]} / ${medians[1]}" | bc)"
done
