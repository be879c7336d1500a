#!/usr/bin/env bash
# Installs the system libraries HotGrid builds against (GDAL with PROJ, GEOS and netCDF), once.
# Safe to run again: it does nothing when they are already there.
set -euo pipefail
if pkg-config --exists gdal 2>/dev/null; then
  exit 0
fi
echo "Installing GDAL (libgdal-dev) with apt-get; this takes about half a minute…" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Run as root or install sudo: apt-get install -y libgdal-dev pkg-config" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libgdal-dev pkg-config >/dev/null
pkg-config --exists gdal || { echo "libgdal-dev installed but pkg-config cannot find gdal" >&2; exit 1; }
