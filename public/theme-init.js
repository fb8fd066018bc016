// Loaded as a classic, blocking script at the top of <head> so it runs before
// the first paint: the saved theme is applied with no flash of the other one.
// It is a file rather than inline so the Content-Security-Policy needs no hash.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var saved = localStorage.getItem('theme');
    if (saved === 'light' || saved === 'dark') root.setAttribute('data-theme', saved);
  } catch (e) {
    // Storage can be blocked (privacy modes): fall back to the system theme.
  }
})();
