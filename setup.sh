#!/usr/bin/env bash
# setup.sh: the book's first command. Installs the Debian 12 packages it needs (only those
# missing), builds every chapter in Release and regenerates every figure under figures/.
#   ./setup.sh                 everything
#   ./setup.sh --no-figures    install and build only
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  g++ cmake ninja-build
  libxtensor-dev xtl-dev libxsimd-dev
  libgnuplot-iostream-dev gnuplot-nox fonts-dejavu-core
  libboost-test-dev libboost-iostreams-dev libboost-filesystem-dev libboost-system-dev
  zlib1g-dev dataset-fashion-mnist
  clang-tidy clang-format  # .ci/lint
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing: ${missing[*]}"
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake --preset release
cmake --build --preset release
if [ "${1:-}" != "--no-figures" ]; then
  cmake --build --preset release --target figures
fi
