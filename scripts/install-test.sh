#!/usr/bin/env bash
# Installs the Debian package on a clean Debian system and takes it away again.
#
#   bash scripts/package.sh && sudo bash scripts/install-test.sh [PACKAGE.deb]
#
# Without an argument it takes the newest target/debian/*.deb. Runs as root: it makes a
# minimal Debian of the host's release (debootstrap --variant=minbase from
# deb.debian.org; MIRROR=... and SUITE=... change that) and tests in a fresh copy of it
# under chroot, so what the package needs must come from its own dependencies:
#
# 1. `apt-get install ./trigger-atlas_*.deb`, as a user would (Depends and Recommends;
#    RECOMMENDS=no installs the Depends alone, to see what they are enough for);
# 2. every library the program opens with dlopen (the lib*.so.N names in the binary)
#    is installed, found by `ldconfig -p`;
# 3. `trigger-atlas --version`, `trigger-atlas check` and `trigger-atlas render --muscle
#    masseter --out /tmp/x.png` work without a display (the PNG is checked);
# 4. the files are where desktops look: the man page (read with `man` from man-db),
#    the desktop entry (`desktop-file-validate`), the AppStream metainfo (`appstreamcli
#    validate --no-net`), the icons and the completions (bash loads its script);
# 5. the window opens and shows its first frame under Xvfb, with OpenGL and with wgpu
#    (TRIGGER_ATLAS_PROBE=first-frame closes it after the first frame);
# 6. the window opens from the desktop menu: `gio launch` starts the installed desktop
#    entry as a menu does, and the window that appears has the title and the window
#    class (WM_CLASS) the entry's StartupWMClass names, so the desktop matches the two;
# 7. `apt-get remove --purge trigger-atlas` leaves none of the files `dpkg -L` listed.
#
# The tools of steps 4 to 6 (man-db, desktop-file-utils, appstream, bash-completion,
# xvfb, xauth, gio, xdotool, xprop) are installed after step 3, so steps 1 to 3 see only what the package
# brought. The debootstrapped system is kept in target/debootstrap/<suite>/ (about
# 250 MB), so a second run skips the download. Not part of `scripts/test.sh`: it needs
# root, the network and a release build. docs/PACKAGING.md has the measured times.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
    echo "error: run as root (debootstrap and chroot need it)" >&2
    exit 2
fi
deb=${1:-$(ls -t target/debian/*.deb 2>/dev/null | head -n 1)}
if [[ -z $deb || ! -f $deb ]]; then
    echo "error: no package; build one with: bash scripts/package.sh" >&2
    exit 2
fi
# shellcheck source=/dev/null
suite=${SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
mirror=${MIRROR:-http://deb.debian.org/debian}
apt_options=()
[[ ${RECOMMENDS:-yes} == no ]] && apt_options=(--no-install-recommends)
cache=target/debootstrap
base=$cache/$suite
# One test system per run, so that two runs at once do not share one.
root=$cache/$suite-test-$$
files=$root.files
started=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

command -v debootstrap >/dev/null || {
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
}

if [[ ! -f $base/.complete ]]; then
    step "debootstrap $suite into $base"
    rm -rf --one-file-system "$base"
    mkdir -p "$cache"
    debootstrap --variant=minbase "$suite" "$base" "$mirror"
    touch "$base/.complete"
fi

unmount() {
    for m in "$root/dev/shm" "$root/proc"; do
        mountpoint -q "$m" && umount -l "$m"
    done
    return 0
}
trap unmount EXIT
# A failed run leaves its test system for a look inside; the next run clears those
# whose run has ended.
for old in "$cache/$suite"-test-*; do
    [[ -d $old ]] || continue
    pid=${old##*-}
    kill -0 "$pid" 2>/dev/null && continue
    for m in "$old/dev/shm" "$old/proc"; do
        mountpoint -q "$m" && umount -l "$m"
    done
    rm -rf --one-file-system "$old" "$old.files"
done
step "fresh copy of the clean system in $root"
cp -a "$base" "$root"
rm -f "$root/.complete"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# No services start inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
mkdir -p "$root/dev/shm"
mount -t tmpfs tmpfs "$root/dev/shm"
cp "$deb" "$root/tmp/"
package_file=/tmp/$(basename "$deb")

# Runs a shell command inside the test system, with a clean environment.
in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive XDG_RUNTIME_DIR=/tmp/runtime bash -euo pipefail -c "$1"
}

step "apt-get install $package_file"
in_root "apt-get update -qq && mkdir -m 700 -p /tmp/runtime"
install_started=$SECONDS
in_root "apt-get install -y -q ${apt_options[*]} $package_file"
install_took=$((SECONDS - install_started))
in_root "dpkg-query -W -f='\${Installed-Size} KiB installed\n' trigger-atlas"
in_root "dpkg -L trigger-atlas" >"$files"
echo "$(wc -l <"$files") paths in the package"

step "the libraries the program opens with dlopen are installed"
# With RECOMMENDS=no, libvulkan.so.1 is expected to be missing (libvulkan1 is recommended).
in_root '
    ldconfig -p >/tmp/ldconfig.txt
    missing=0
    for soname in $(grep -aoE "lib[A-Za-z0-9_+-]+\.so\.[0-9]+" /usr/bin/trigger-atlas \
            | sed -E "s/.*(lib[A-Za-z0-9_+-]+\.so\.[0-9]+)$/\1/" | sort -u); do
        if grep -q "^[[:space:]]*$soname " /tmp/ldconfig.txt; then
            echo "  found $soname"
        else
            echo "  MISSING $soname"; missing=1
        fi
    done
    exit $missing
' || [[ ${RECOMMENDS:-yes} == no ]] || fail "a library the program loads at run time is not installed"

step "the commands work without a display"
in_root "trigger-atlas --version"
in_root "trigger-atlas check"
in_root "trigger-atlas render --muscle masseter --out /tmp/x.png"
in_root 'head -c 8 /tmp/x.png | od -An -tx1 | grep "89 50 4e 47 0d 0a 1a 0a" >/dev/null && test "$(stat -c %s /tmp/x.png)" -gt 10000' ||
    fail "render did not write a PNG"
ls -l "$root/tmp/x.png"

step "install the checking tools"
in_root "apt-get install -y -q --no-install-recommends man-db desktop-file-utils appstream bash-completion xvfb xauth libglib2.0-bin xdotool x11-utils >/dev/null"

step "man page, desktop entry, metainfo, icons, completions"
in_root 'man -w trigger-atlas && man -w trigger-atlas-render && man trigger-atlas 2>/dev/null | grep "trigger-atlas-render" >/dev/null' ||
    fail "man trigger-atlas"
in_root "desktop-file-validate /usr/share/applications/org.triggerpointatlas.TriggerAtlas.desktop" ||
    fail "desktop-file-validate"
in_root "appstreamcli validate --no-net /usr/share/metainfo/org.triggerpointatlas.TriggerAtlas.metainfo.xml" ||
    fail "appstreamcli validate"
for size in 16 32 48 64 128 256; do
    icon=$root/usr/share/icons/hicolor/${size}x${size}/apps/org.triggerpointatlas.TriggerAtlas.png
    [[ $(file -b "$icon") == "PNG image data, $size x $size, 8-bit/color RGBA"* ]] || fail "icon $icon: $(file -b "$icon")"
done
echo "icons: 16 to 256 px"
in_root '. /usr/share/bash-completion/bash_completion
    . /usr/share/bash-completion/completions/trigger-atlas
    complete -p trigger-atlas' || fail "bash completion"
test -s "$root/usr/share/zsh/vendor-completions/_trigger-atlas" || fail "zsh completion"
test -s "$root/usr/share/fish/vendor_completions.d/trigger-atlas.fish" || fail "fish completion"

step "the window shows its first frame under Xvfb"
for renderer in glow wgpu; do
    in_root "TRIGGER_ATLAS_PROBE=first-frame TRIGGER_ATLAS_RENDERER=$renderer timeout 120 \
        xvfb-run -a -s '-screen 0 1280x900x24' trigger-atlas --prefs /tmp/prefs.ron 2>/tmp/window.log; \
        grep -E '^(renderer|first-frame)' /tmp/window.log | cut -c1-60" ||
        fail "the window did not open with $renderer: $(cat "$root/tmp/window.log")"
done

step "the window opens from the desktop menu"
# Run under Xvfb inside the test system: start the entry as a menu does, wait for its
# window, and compare the window's class with the entry's StartupWMClass.
cat >"$root/tmp/from-menu.sh" <<'SCRIPT'
set -euo pipefail
entry=/usr/share/applications/org.triggerpointatlas.TriggerAtlas.desktop
gio launch "$entry"
window=$(timeout 60 xdotool search --sync --onlyvisible --name '^Trigger Point Atlas$' | head -n 1)
class=$(xprop -id "$window" WM_CLASS)
wanted=$(sed -n 's/^StartupWMClass=//p' "$entry")
echo "window $window \"$(xdotool getwindowname "$window")\", $class"
pkill -x trigger-atlas
if [[ $class != *"\"$wanted\""* ]]; then
    echo "the window's class is not the entry's StartupWMClass=$wanted"
    exit 1
fi
SCRIPT
in_root "timeout 120 xvfb-run -a -s '-screen 0 1280x900x24' bash /tmp/from-menu.sh 2>/tmp/launch.log" ||
    fail "the window did not open from its desktop entry: $(cat "$root/tmp/launch.log")"

step "apt-get remove --purge trigger-atlas"
in_root "apt-get remove --purge -y -q trigger-atlas"
left=0
while read -r path; do
    [[ -e $root$path || -L $root$path ]] || continue
    # Folders other packages own (/usr/bin, /usr/share/man/man1 ...) stay.
    if [[ -d $root$path && ! -L $root$path ]] && in_root "dpkg-query -S '$path' >/dev/null 2>&1"; then
        continue
    fi
    echo "  left behind: $path"
    left=1
done <"$files"
((left == 0)) || fail "files of the package are left after purging it"
echo "nothing of the package is left"

unmount
rm -rf --one-file-system "$root" "$files"
step "passed: apt-get install took ${install_took}s"
