#!/usr/bin/env bash
# The accessibility check with a real AT-SPI client: starts the atlas under Xvfb in a
# private D-Bus session, switches accessibility on as a screen reader does, and reads
# the window through pyatspi (scripts/atspi_check.py).
#
#   bash scripts/atspi-check.sh
#
# On Debian, as root, it installs what it needs. Exit status 1 if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in xvfb xauth at-spi2-core dbus-x11 python3-pyatspi libgl1-mesa-dri libegl1 \
    libxkbcommon-x11-0 libxcursor1 libxi6; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
    if [ "$(id -u)" = 0 ]; then
        apt-get update && apt-get install -y --no-install-recommends "${need[@]}"
    else
        echo "please install: ${need[*]}" >&2
        exit 2
    fi
fi
cargo build --release --locked
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
prefs=$(mktemp -d)/preferences.ron
exec dbus-run-session -- bash -c '
    set -euo pipefail
    Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=:97
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
    # Switch accessibility on as a screen reader does, once the bus launcher answers.
    for _ in $(seq 50); do
        dbus-send --session --dest=org.a11y.Bus /org/a11y/bus \
            org.freedesktop.DBus.Properties.Set string:org.a11y.Status \
            string:IsEnabled variant:boolean:true 2>/dev/null || true
        if dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
            org.freedesktop.DBus.Properties.Get string:org.a11y.Status string:IsEnabled \
            2>/dev/null | grep -q "boolean true"; then
            break
        fi
        sleep 0.2
    done
    ./target/release/trigger-atlas --prefs "'"$prefs"'" >/dev/null 2>&1 &
    app=$!
    status=0
    /usr/bin/python3 scripts/atspi_check.py || status=$?
    kill $app $xvfb 2>/dev/null || true
    exit $status
'
