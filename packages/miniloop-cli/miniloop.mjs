#!/usr/bin/env node
// node_modules/.bin/miniloop: the project's CLI, bin/miniloop.mjs (see README.md here).
import '../../bin/miniloop.mjs';
