#!/usr/bin/env bash
# Installs what HotGrid builds against and tests with, once: GDAL (with PROJ, GEOS and netCDF),
# headless Chromium with CJK fonts for the page tests, wrk for the server benchmark, and
# schemathesis (PyPI) that checks the OpenAPI document against the live server. Safe to run
# again: it installs only what is missing.
set -euo pipefail
if ! command -v st >/dev/null; then
  echo "Installing schemathesis from PyPI…" >&2
  python3 -m pip install --quiet schemathesis==4.32.5 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages schemathesis==4.32.5
  if command -v pyenv >/dev/null; then pyenv rehash; fi
  hash -r
  command -v st >/dev/null || { echo "schemathesis installed but its 'st' command is not on PATH" >&2; exit 1; }
fi
missing=()
pkg-config --exists gdal 2>/dev/null || missing+=(libgdal-dev pkg-config)
command -v chromium >/dev/null || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${missing[*]} with apt-get; this takes a minute or two…" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Run as root or install sudo: apt-get install -y ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
pkg-config --exists gdal || { echo "libgdal-dev installed but pkg-config cannot find gdal" >&2; exit 1; }
