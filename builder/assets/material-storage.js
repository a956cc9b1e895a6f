/* Material for MkDocs' storage helpers (partials/javascripts/base.html), with every access to
 * storage guarded: blocked storage or a corrupt value means "nothing saved", never an error. */
(function () {
  var script = document.currentScript;
  // Search from file:// needs a stand-in for the worker Chromium refuses there (see file-worker.js);
  // it must be in place before Material's bundle runs, so it is written in, not appended.
  // eslint-disable-next-line no-useless-escape -- <\/script> stays safe should this ever be inlined
  if (location.protocol === "file:") document.write('<script src="' + script.src.replace(/[^/]*$/, "file-worker.js") + '"><\/script>');
  window.__md_scope = new URL(script.getAttribute("data-scope") || ".", location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  function local() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  window.__md_get = function (key, storage, scope) {
    try {
      storage = storage || local();
      scope = scope || window.__md_scope;
      return storage ? JSON.parse(storage.getItem(scope.pathname + "." + key)) : null;
    } catch (e) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, scope) {
    try {
      storage = storage || local();
      scope = scope || window.__md_scope;
      if (storage) storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (e) { /* storage full or blocked: the preference is simply not kept */ }
  };
})();
