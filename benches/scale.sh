#!/usr/bin/env bash
# How the whole pipeline's cost grows with the corpus: generates synthetic
# corpora (hidden `annals generate`, seed 1) and times `annals check` and
# `annals export` on them with GNU time, on all cores and on one.
#
#   benches/scale.sh [SIZE...]        default: 10M 100M 1G
#   ANNALS_SCALE_DIR=/tmp/annals-scale (where the corpora are written)
#
# Prints a Markdown table: seconds (wall), MB/s, peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/annals
dir=${ANNALS_SCALE_DIR:-/tmp/annals-scale}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10M 100M 1G)
mkdir -p "$dir"

measure() { # label, then the command; prints "seconds peak_MB", or fails saying why
    if ! /usr/bin/time -o "$dir/time.txt" -f '%e %M' "${@:2}" >/dev/null 2>"$dir/stderr.txt"; then
        echo "benches/scale.sh: $1 failed (a full disk? an export of 1 GB takes 3 GB):" >&2
        tail -n 3 "$dir/stderr.txt" >&2
        return 1
    fi
    awk '{printf "%.2f %.0f", $1, $2 / 1024}' "$dir/time.txt"
}

echo "| corpus | bytes | check, 2 cores | MB/s | peak RSS | check, 1 core | MB/s | export JSON | peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|"
for size in "${sizes[@]}"; do
    corpus="$dir/$size"
    [ -d "$corpus" ] || $bin generate --size "$size" "$corpus" >/dev/null
    bytes=$(du -sb "$corpus" | cut -f1)
    mb=$(echo "$bytes / 1048576" | bc -l)
    # Assigned first: a failure inside `<<<"$(…)"` would not stop the script.
    all=$(measure "check $size" $bin check "$corpus")
    one=$(measure "check $size on one core" taskset -c 0 env RAYON_NUM_THREADS=1 $bin check "$corpus")
    exp=$(measure "export $size" $bin export "$corpus" -o "$dir/$size.json")
    read -r all_s all_mb <<<"$all"
    read -r one_s one_mb <<<"$one"
    read -r exp_s exp_mb <<<"$exp"
    rm -f "$dir/$size.json"
    printf "| %s | %d | %.1f s | %.1f | %d MB | %.1f s | %.1f | %.1f s | %d MB |\n" "$size" "$bytes" \
        "$all_s" "$(echo "$mb / $all_s" | bc -l)" "$all_mb" "$one_s" "$(echo "$mb / $one_s" | bc -l)" "$exp_s" "$exp_mb"
done

# Process start to the browser's first usable screen, in a pseudo-terminal
# of 200×60: a preview of the documents read first (a corpus that takes
# more than two seconds), then the whole corpus's timeline.
echo
echo "| corpus | open to a preview | open to the whole timeline | peak RSS |"
echo "|---|---|---|---|"
for size in "${sizes[@]}"; do
    seconds=$(python3 - "$bin" "$dir/$size" <<'PY'
import fcntl, os, re, select, signal, struct, subprocess, sys, termios, time
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
start = time.monotonic()
child = subprocess.Popen([sys.argv[1], sys.argv[2]], stdin=slave, stdout=slave, stderr=slave,
                         env=dict(os.environ, TERM="xterm-256color"), start_new_session=True)
seen, preview, whole = b"", None, None
while whole is None:
    if not select.select([master], [], [], 900)[0]:
        break
    seen = seen[-8192:] + os.read(master, 65536)
    if preview is None and b"preview of " in seen:
        preview = time.monotonic() - start
    # Without a preview the timeline is the whole; after one, the notice says so.
    if re.search(rb"all \d+ documents read(?!,)", seen) or (preview is None and b"Timeline" in seen):
        whole = time.monotonic() - start
time.sleep(1)  # let it settle
child.send_signal(signal.SIGTERM)
while True:  # keep reading: a full terminal would block annals
    pid, _, usage = os.wait4(child.pid, os.WNOHANG)
    if pid:
        break
    if select.select([master], [], [], 0.1)[0]:
        try:
            os.read(master, 65536)
        except OSError:
            pass
shown = "—" if preview is None else f"{preview:.2f}"
print(f"{shown} {whole:.2f} {usage.ru_maxrss / 1024:.0f}")
PY
)
    read -r preview_s open_s open_mb <<<"$seconds"
    echo "| $size | $preview_s s | $open_s s | $open_mb MB |"
done
