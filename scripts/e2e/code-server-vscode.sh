#!/usr/bin/env bash
# Stands in for the VS Code executable in @vscode/test-electron's runTests
# (`vscodeExecutablePath`): runs the extension tests in code-server + Chromium
# (test/e2e/standIn.ts, DESIGN §5). Takes the same arguments runTests gives VS Code.
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
exec "$ROOT/node_modules/.bin/tsx" "$ROOT/test/e2e/standIn.ts" "$@"
