#!/usr/bin/env bash
# What infobip-codes adds to a binary: a stripped release binary that looks a status up
# with `from_id` and prints its `description`, against the same program that prints the
# integer it was given, without the crate.
#
#   benches/binary-size.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_bin() { # name, dependency line, main.rs
    mkdir -p "$work/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s\n[profile.release]\nstrip = true\n[workspace]\n' \
        "$1" "$2" >"$work/$1/Cargo.toml"
    printf '%s\n' "$3" >"$work/$1/src/main.rs"
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target" cargo build --release --quiet)
    stat -c %s "$work/target/release/$1"
}

with=$(make_bin with-codes "infobip-codes = { path = \"$root\" }" '
fn main() {
    let id = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    match infobip_codes::StatusCode::from_id(id) {
        Some(code) => println!("{code}: {}", code.description()),
        None => println!("{id}: unknown"),
    }
}')
without=$(make_bin without-codes "" '
fn main() {
    let id: u16 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    println!("{id}: unknown");
}')

echo "machine: $(rustc --version), release, strip = true"
printf 'with infobip-codes (from_id + description): %d bytes\n' "$with"
printf 'without the crate:                          %d bytes\n' "$without"
printf 'difference: %d bytes (%s KiB), ratio %s\n' "$((with - without))" \
    "$(echo "scale=1; ($with - $without) / 1024" | bc)" "$(echo "scale=3; $with / $without" | bc)"
