#!/usr/bin/env bash
# Installs whatever `npm start`, `npm test` and `npm run bench` need and is missing:
# the npm dependencies (npm ci, when node_modules does not match package-lock.json)
# and the Debian packages of the host tools (mcs, mono, monodis, QEMU, GRUB, xorriso,
# binutils). Safe to run repeatedly; it does nothing when everything is present.
set -euo pipefail
cd "$(dirname "$0")/../.."

# --- npm dependencies -------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install; when it is missing or
# older than package-lock.json the tree is stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- host tools -------------------------------------------------------------
# tool:package pairs; the tool is looked up on PATH.
tools=(
  mcs:mono-mcs
  mono:mono-runtime
  monodis:mono-utils
  qemu-system-i386:qemu-system-x86
  grub-mkrescue:grub-common
  xorriso:xorriso
  as:binutils
  ld:binutils
  objdump:binutils
)
# gcc: the IR interpreter's test compares it with C (aot/test/passes/oracle/ir-ops.c).
tools+=(gcc:gcc)
missing=()
for pair in "${tools[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
# grub-mkrescue needs the BIOS platform files to build a bootable ISO.
[ -d /usr/lib/grub/i386-pc ] || missing+=(grub-pc-bin)
# mcs needs Mono's class libraries to compile programs for the host (the oracle).
[ -f /usr/lib/mono/4.5/mscorlib.dll ] || missing+=(mono-mcs)
# gcc -m32 needs the 32-bit libgcc for the benchmarks' C programs, which `npm run bench`
# runs and test-qemu/bench-programs.test.ts checks.
[ -d /usr/lib/gcc/x86_64-linux-gnu/12/32 ] || missing+=(gcc-multilib)

if [ ${#missing[@]} -gt 0 ]; then
  readarray -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run as root, or install them yourself:" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
