#!/usr/bin/env bash
# Time and peak memory of `annals check` on one document of each adversarial
# shape, against ordinary prose: the figures of benches/README.md.
#   benches/adversarial.sh [SIZE ...]     (default: 10M 50M)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/annals
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shapes="prose dated_run_on meetings_run_on commas capitalised dates nested_markup base64 long_word title_row"
printf '%-6s %-16s %8s %9s %10s %10s\n' size shape seconds "peak MB" "s / prose" "MB / prose"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10M 50M)
for size in "${sizes[@]}"; do
  for shape in $shapes; do
    "$bin" generate --shape "$shape" --size "$size" "$work/$shape" >/dev/null
    /usr/bin/time -f '%e %M' -o "$work/time" taskset -c 0 "$bin" check --no-cache "$work/$shape" >/dev/null 2>&1 || true
    read -r seconds kb <"$work/time"
    if [ "$shape" = prose ]; then prose_s=$seconds; prose_kb=$kb; fi
    awk -v size="$size" -v shape="$shape" -v s="$seconds" -v kb="$kb" -v ps="$prose_s" -v pk="$prose_kb" \
      'BEGIN { printf "%-6s %-16s %8.2f %9.0f %10.2f %10.2f\n", size, shape, s, kb / 1024, s / ps, kb / pk }'
    rm -rf "${work:?}/$shape"
  done
done
