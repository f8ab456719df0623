#!/usr/bin/env node
'use strict';
// The `char-lstm` command. The code is bundled into out/cli.js by `npm run build`
// (which `npm ci` runs as its postinstall step in a checkout).
const fs = require('fs');
const path = require('path');

const cli = path.join(__dirname, '..', 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('char-lstm: out/cli.js is missing; run `npm run build` in the project folder first\n');
  process.exit(1);
}
require(cli).runCli(process.argv.slice(2));
