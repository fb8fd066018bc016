// The sandbox frame's only script (a classic script file of the site: the
// frame's inherited Content-Security-Policy forbids inline scripts). It runs
// in an iframe with sandbox="allow-scripts" (opaque origin: no cookies, no
// storage, no access to the page) and does three things:
//  1. accepts exactly one MessagePort, from its parent window, and ignores
//     every other window message;
//  2. tightens its own CSP with a second <meta> before any worker exists, so
//     the worker (which inherits this document's policies) may run eval'd code
//     and blob: scripts but may load nothing, from nowhere;
//  3. starts the runner worker from a Blob of the runner text the page sends,
//     and relays messages between the port and the worker. When the worker
//     dies (an error event: out of memory, for example) it says so.
// Stop and the wall-time budget are enforced by the page, which removes this
// whole frame (and with it the worker).
(function () {
  'use strict';
  var port = null;
  var worker = null;

  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "default-src 'none'; script-src 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'";
  document.head.appendChild(meta);

  function onPortMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'init' && typeof data.runner === 'string' && !worker) {
      try {
        var url = URL.createObjectURL(new Blob([data.runner], { type: 'text/javascript' }));
        worker = new Worker(url);
        worker.onmessage = function (e) { port.postMessage(e.data); };
        worker.onerror = function (e) {
          port.postMessage({ type: 'crash', message: String((e && e.message) || 'the runner stopped') });
        };
      } catch (error) {
        port.postMessage({ type: 'crash', message: String(error) });
      }
    } else if (data.type === 'run' && worker) {
      worker.postMessage(data);
    }
  }

  window.addEventListener('message', function onFirst(event) {
    if (port || event.source !== window.parent || !event.ports || event.ports.length !== 1) return;
    var data = event.data;
    if (!data || data.type !== 'connect') return;
    port = event.ports[0];
    window.removeEventListener('message', onFirst);
    port.onmessage = onPortMessage;
    port.postMessage({ type: 'ready' });
  });
})();
