#!/usr/bin/env bash
# Math below, I/O beside, pointing down only: every header of the math layers (core/, optim/,
# schedule/, autodiff/, problems/, train/) compiles on its own, with the standard library and
# xtensor but neither Boost nor gnuplot-iostream on the include path, and includes nothing from
# the command line (cli/), the figures (plot/) or the system layer (sys/).
#   tests/standalone_headers.sh CXX SOURCE_DIR
set -euo pipefail
cxx=$1
src=$2
layers="core optim schedule autodiff problems train"

work=$(mktemp -d "${TMPDIR:-/tmp}/gdbook-standalone-XXXXXX")
trap 'rm -rf "$work"' EXIT

# The compiler's own include folders, except /usr/include, which holds Boost and
# gnuplot-iostream.h besides xtensor: it is replaced by a copy of its entries without those two.
mapfile -t dirs < <(echo | "$cxx" -std=c++17 -x c++ -E -v - 2>&1 |
  sed -n '/#include <...> search starts here:/,/End of search list./p' | sed '1d;$d' |
  sed 's/^ *//')
mkdir "$work/include"
for entry in /usr/include/*; do
  case "$(basename "$entry")" in
    boost | gnuplot-iostream.h) ;;
    *) ln -s "$entry" "$work/include/" ;;
  esac
done
flags=(-std=c++17 -fsyntax-only -nostdinc -I "$src/common")
for d in "${dirs[@]}"; do
  [ "$d" = /usr/include ] || flags+=(-isystem "$d")
done
flags+=(-isystem "$work/include")

status=0
count=0
for layer in $layers; do
  for header in "$src"/common/"$layer"/*.hpp; do
    rel=${header#"$src/common/"}
    printf '#include "%s"\n' "$rel" >"$work/one.cpp"
    count=$((count + 1))
    if ! "$cxx" "${flags[@]}" -MD -MF "$work/deps" "$work/one.cpp" 2>"$work/err"; then
      echo "FAIL $rel does not compile alone:"
      head -5 "$work/err"
      status=1
      continue
    fi
    if grep -Eo "common/(cli|plot|sys)/[a-z_]+\.hpp" "$work/deps" | sort -u | grep -q .; then
      echo "FAIL $rel reaches for $(grep -Eo 'common/(cli|plot|sys)/[a-z_]+\.hpp' "$work/deps" |
        sort -u | tr '\n' ' ')"
      status=1
    fi
  done
done
echo "$count headers of the layers $layers checked"
exit $status
