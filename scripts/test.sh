#!/usr/bin/env bash
# Installs what the tests need on Debian/Ubuntu, checks formatting and lints, and
# runs every test.
# Headless UI tests render with wgpu on Mesa's software Vulkan driver (lavapipe).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libvulkan1 mesa-vulkan-drivers poppler-utils)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Mesa warns when it has no runtime directory; give it a private one.
XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
export XDG_RUNTIME_DIR
# Formatting and lints first: they take seconds to minutes, the tests longer.
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
