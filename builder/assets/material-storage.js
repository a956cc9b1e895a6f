/* Runs before Material's bundle. Material for MkDocs' storage helpers (partials/javascripts/base.html),
 * with every access to storage guarded: blocked storage or a corrupt value means "nothing saved",
 * never an error. And search: its stand-in worker on file://, its index on demand over http. */
(function () {
  var script = document.currentScript;
  // Search from file:// needs a stand-in for the worker Chromium refuses there (see file-worker.js);
  // it must be in place before Material's bundle runs, so it is written in, not appended.
  // Hack: over http Material's bundle fetches the search index (over half of a page's weight) and
  // starts the search worker on every page, searched or not. Both wait here until search is used:
  // the index request is sent when the search box is first focused or search opened (its label, its
  // keyboard shortcut), and the worker starts when Material hands it that index. (From file:// Material already waits
  // for the search control; the index is a local script there.)
  // eslint-disable-next-line no-useless-escape -- <\/script> stays safe should this ever be inlined
  if (location.protocol === "file:") document.write('<script src="' + script.src.replace(/[^/]*$/, "file-worker.js") + '"><\/script>');
  else onDemand();
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

  function onDemand() {
    var used = new Promise(function (resolve) {
      function use(event) {  // focus in the search box, or its toggle (the label, "/" or "s") set
        var target = event.target;
        if (target.closest && target.closest(".md-search, #__search:checked")) resolve();
      }
      document.addEventListener("focusin", use, true);
      document.addEventListener("change", use, true);
    });
    var open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url) {
      open.apply(this, arguments);
      if (/\/search\/search_index\.json$/.test(url)) {
        var xhr = this, send = xhr.send;
        xhr.send = function () { used.then(function () { send.call(xhr); }); };
      }
    };
    var RealWorker = window.Worker;
    // The search worker starts with its first message. Material only posts to it and listens
    // for "message", so an EventTarget that passes those on can stand in until then.
    window.Worker = function (url, options) {
      if (!/workers\/search/.test(url)) return new RealWorker(url, options);
      var stand = new EventTarget(), worker;
      stand.postMessage = function (message) {
        if (!worker) {
          worker = new RealWorker(url, options);
          worker.onmessage = function (event) { stand.dispatchEvent(new MessageEvent("message", {data: event.data})); };
        }
        worker.postMessage(message);
      };
      return stand;
    };
  }
})();
