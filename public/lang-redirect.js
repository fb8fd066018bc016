// The root page sends the reader to their language before it paints. It reads
// the targets from the page's own hreflang links, so it knows nothing of the
// base path. Without JavaScript the page shows a plain two-link chooser.
(function () {
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  var byLang = {};
  for (var i = 0; i < links.length; i++) byLang[links[i].getAttribute('hreflang')] = links[i].href;
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  var target = byLang.en;
  for (var j = 0; j < prefs.length; j++) {
    var pref = String(prefs[j]).toLowerCase();
    if (pref.indexOf('zh') === 0) { target = byLang['zh-CN']; break; }
    if (pref.indexOf('en') === 0) { target = byLang.en; break; }
  }
  if (target) location.replace(new URL(target).pathname);
})();
