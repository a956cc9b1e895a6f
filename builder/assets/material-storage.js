/* Runs before Material's bundle. Material for MkDocs' storage helpers (partials/javascripts/base.html),
 * with every access to storage guarded: blocked storage or a corrupt value means "nothing saved",
 * never an error. And search: its stand-in worker on file://, its index on demand over http. */
(function () {
  var script = document.currentScript;
  // Search from file:// needs a stand-in for the worker Chromium refuses there (see file-worker.js);
  // it must be in place before Material's bundle runs, so it is written in, not appended.
  // eslint-disable-next-line no-useless-escape -- <\/script> stays safe should this ever be inlined
  if (location.protocol === "file:") document.write('<script src="' + script.src.replace(/[^/]*$/, "file-worker.js") + '"><\/script>');
  // Hack: over http Material's bundle fetches the search index (over half of a page's weight) and
  // starts the search worker on every page, searched or not. Both wait here until search is used:
  // the index request is sent on the first focus, click or keyboard shortcut of the search control,
  // and the worker starts when Material hands it that index. (From file:// Material already waits
  // for the search control; the index is a local script there.)
  if (location.protocol !== "file:") onDemand();
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
    var used = false, waiting = [];
    function use(event) {
      var target = event.target;
      if (used || !(target instanceof Element)) return;
      if (event.type === "change" ? target.id === "__search" && target.checked
        : target.closest(".md-search, [for='__search']")) {
        used = true;
        waiting.splice(0).forEach(function (send) { send(); });
      }
    }
    ["focusin", "pointerdown", "change"].forEach(function (type) { document.addEventListener(type, use, true); });
    var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.cbIndex = /\/search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var xhr = this, args = arguments;
      if (used || !xhr.cbIndex) return send.apply(xhr, args);
      waiting.push(function () { send.apply(xhr, args); });
    };
    var RealWorker = window.Worker;
    if (!RealWorker) return;
    function LazyWorker(url, options) {  // the search worker starts with its first message
      if (!/workers\/search/.test(String(url))) return new RealWorker(url, options);
      this.args = [url, options];
      this.listeners = [];
      this.worker = null;
    }
    LazyWorker.prototype.addEventListener = function (type, listener, options) {
      if (this.worker) this.worker.addEventListener(type, listener, options);
      else this.listeners.push([type, listener, options]);
    };
    LazyWorker.prototype.removeEventListener = function (type, listener, options) {
      if (this.worker) this.worker.removeEventListener(type, listener, options);
      else this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
    };
    LazyWorker.prototype.postMessage = function (message, transfer) {
      if (!this.worker) {
        var worker = this.worker = new RealWorker(this.args[0], this.args[1]);
        this.listeners.splice(0).forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]); });
      }
      this.worker.postMessage(message, transfer);
    };
    LazyWorker.prototype.terminate = function () {
      if (this.worker) this.worker.terminate();
    };
    window.Worker = LazyWorker;
  }
})();
