// The Python sandbox frame's only script: the frame is made exactly like the
// TypeScript playground's (src/playground/sandbox.ts sandboxDocument: an
// iframe with sandbox="allow-scripts", so an opaque origin with no storage and
// no access to the page) and this script does what src/playground/sandbox-boot.js
// does there, for Python:
//  1. accepts exactly one MessagePort, from its parent window;
//  2. tightens its own CSP before any worker exists: its worker may run
//     eval'd code and blob: modules but may load nothing, from nowhere
//     (connect-src 'none'), so the Pyodide files come from the page;
//  3. on `python-init` starts ONE worker from a blob of the worker's
//     text (src/python/python-worker.ts bundled) and keeps it: Python loads
//     once and later runs start at once. `python-run` requests (the first one
//     carrying the Pyodide files) go to that worker; what it sends goes back
//     to the page unchanged (the page validates it: src/python/protocol.ts).
// Stop and the wall-time budget are the page's: it removes the whole frame
// (src/python/python-sandbox.ts).
(function () {
  'use strict';
  var port = null;
  var worker = null;

  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "default-src 'none'; script-src 'unsafe-eval' 'wasm-unsafe-eval' blob:; worker-src blob:; connect-src 'none'";
  document.head.appendChild(meta);

  function onPortMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    try {
      if (data.type === 'python-init' && typeof data.script === 'string' && !worker) {
        // Classic: Chromium refuses a module worker from a blob: URL in an opaque-origin
        // frame; the worker import()s Pyodide's modules from blobs itself (worker-bundle.mjs).
        worker = new Worker(URL.createObjectURL(new Blob([data.script], { type: 'text/javascript' })));
        worker.onmessage = function (e) {
          port.postMessage(e.data);
        };
        worker.onerror = function (e) {
          port.postMessage({ type: 'python-crash', message: String((e && e.message) || 'the Python worker stopped') });
        };
      } else if (data.type === 'python-run' && worker) {
        var files = data.files;
        var transfer = [];
        if (files && typeof files === 'object') {
          for (var name in files) if (files[name] instanceof ArrayBuffer) transfer.push(files[name]);
        }
        worker.postMessage(data, transfer);
      }
    } catch (error) {
      port.postMessage({ type: 'python-crash', message: String(error) });
    }
  }

  window.addEventListener('message', function onFirst(event) {
    if (port || event.source !== window.parent || !event.ports || event.ports.length !== 1) return;
    var data = event.data;
    if (!data || data.type !== 'connect') return;
    port = event.ports[0];
    window.removeEventListener('message', onFirst);
    port.onmessage = onPortMessage;
    port.postMessage({ type: 'python-frame-ready' });
  });
})();
