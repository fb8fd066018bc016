// The sandbox frame's only script (a classic script file of the site: the
// frame's inherited Content-Security-Policy forbids inline scripts). It runs
// in an iframe with sandbox="allow-scripts" (opaque origin: no cookies, no
// storage, no access to the page) and does three things:
//  1. accepts exactly one MessagePort, from its parent window, and ignores
//     every other window message;
//  2. tightens its own CSP with a second <meta> before any worker exists, so
//     the worker (which inherits this document's policies) may run eval'd code
//     and blob: scripts but may load nothing, from nowhere;
//  3. starts runner workers from a Blob of the runner text the page sends (a
//     fresh one for every run) and relays messages between the port and the
//     worker. When a worker dies (an error event) it says so.
// Stop and the wall-time budget are enforced by the page, which removes this
// whole frame (and with it the worker).
// Messages: the unions of src/playground/protocol.ts (PageToSandbox in,
// SandboxToPage out); the JSDoc types below name them.
(function () {
  'use strict';
  /** @typedef {import('./protocol.ts').PageToSandbox} PageToSandbox */
  /** @typedef {import('./protocol.ts').SandboxToPage} SandboxToPage */
  /** @param {SandboxToPage} message */
  function toPage(message) {
    port.postMessage(message);
  }
  var port = null;
  var runnerUrl = null;
  var active = null; // the worker running the current program
  var spare = null; // a started worker waiting for the next run

  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "default-src 'none'; script-src 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'";
  document.head.appendChild(meta);

  // One fresh worker per run: a program cannot leave anything behind (patched
  // built-ins, listeners) for the next one. The spare is started while the
  // current run goes, so the next run does not wait for it.
  function spawn() {
    var worker = new Worker(runnerUrl);
    worker.onmessage = function (e) {
      if (worker !== active) return;
      port.postMessage(e.data); // a RunnerToPage message, relayed as is (the page validates it)
      if (e.data && e.data.type === 'done') {
        worker.terminate();
        active = null;
      }
    };
    worker.onerror = function (e) {
      if (worker !== active) return;
      toPage({ type: 'crash', message: String((e && e.message) || 'the runner stopped') });
    };
    return worker;
  }

  /** @param {MessageEvent<PageToSandbox>} event */
  function onPortMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    try {
      if (data.type === 'init' && typeof data.runner === 'string' && !runnerUrl) {
        runnerUrl = URL.createObjectURL(new Blob([data.runner], { type: 'text/javascript' }));
        spare = spawn();
      } else if (data.type === 'run' && runnerUrl) {
        if (active) active.terminate();
        active = spare || spawn();
        spare = null;
        active.postMessage(data);
        spare = spawn();
      }
    } catch (error) {
      toPage({ type: 'crash', message: String(error) });
    }
  }

  window.addEventListener('message', function onFirst(event) {
    if (port || event.source !== window.parent || !event.ports || event.ports.length !== 1) return;
    /** @type {PageToSandbox} */
    var data = event.data;
    if (!data || data.type !== 'connect') return;
    port = event.ports[0];
    window.removeEventListener('message', onFirst);
    port.onmessage = onPortMessage;
    toPage({ type: 'ready' });
  });
})();
