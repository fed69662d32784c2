#!/usr/bin/env bash
# Builds the Debian package: target/debian/trigger-atlas_<version>-1_<arch>.deb.
#
#   bash scripts/package.sh
#
# 1. A release build of the program and of examples/gen_manpages.rs.
# 2. The man pages (trigger-atlas.1 and one page per command) and the bash, zsh and
#    fish completions, written from the clap schema into target/pkg/.
# 3. The icon at the hicolor sizes 16 to 256 from assets/icon.png (256 x 256, so
#    there is no 512 size: it would only be an enlargement), with ImageMagick.
# 4. `cargo deb --no-build` packs them with the files in packaging/ (the desktop
#    entry and the AppStream metainfo); the list of files, the dependencies and the
#    description are [package.metadata.deb] in Cargo.toml.
#
# Needs cargo-deb (`cargo install cargo-deb`), ImageMagick (`convert`) and dpkg-dev
# (dpkg-shlibdeps, for the libc dependency). On Debian or Ubuntu the last two are
# installed if missing. scripts/install-test.sh installs the result on a clean Debian.
# docs/PACKAGING.md says how it is made and tested.
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=org.triggerpointatlas.TriggerAtlas
target_dir=${CARGO_TARGET_DIR:-target}
out=target/pkg

command -v cargo-deb >/dev/null || {
    echo "error: cargo-deb is missing; install it with: cargo install cargo-deb" >&2
    exit 1
}
missing=()
command -v convert >/dev/null || missing+=(imagemagick)
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
if ((${#missing[@]})); then
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

cargo build --release --locked --bin trigger-atlas --example gen_manpages

rm -rf "$out"
"$target_dir/release/examples/gen_manpages" "$out" >/dev/null

# Each size from the original (not from the next size up), 8 bits per channel, without
# the time stamps ImageMagick writes, so that the same source makes the same files.
for size in 16 32 48 64 128 256; do
    dir="$out/icons/${size}x${size}/apps"
    mkdir -p "$dir"
    convert assets/icon.png -resize "${size}x${size}" -depth 8 -strip \
        -define png:exclude-chunks=date,time "PNG32:$dir/$app_id.png"
done

cargo deb --no-build --locked
ls -l "$target_dir"/debian/*.deb
