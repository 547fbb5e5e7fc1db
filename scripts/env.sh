# Sourced by the project's scripts: puts the project's own tools first on
# PATH. node_modules/.bin comes first so that wasm-opt is binaryen@132 from
# npm, never Debian's binaryen 108 (which silently breaks the app).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
