/* Hack: opened from file:// (a USB stick, a shared drive, an LMS that unpacks the package),
 * Chromium refuses `new Worker(file URL)`, so Material's search never starts and its control is
 * dead. Loaded only there (by material-storage.js, before Material's bundle): a stand-in Worker
 * that runs the same worker script in a hidden frame of this page. Material's worker knows this
 * arrangement (it looks for `parent.IFrameWorker`), and its bundle reads the index from
 * search/search_index.js on file:// (written by builder/plugin.py). */
(function () {
  "use strict";
  function load(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      doc.head.appendChild(script);
    });
  }
  function IFrameWorker(url) {
    var target = document.createDocumentFragment();  // an EventTarget for the page's listeners
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    (document.body || document.documentElement).appendChild(frame);
    var win = frame.contentWindow;
    var doc = win.document;
    doc.open();
    doc.write("<!DOCTYPE html><html><head></head><body></body></html>");
    doc.close();
    win.postMessage = function (data) { target.dispatchEvent(new MessageEvent("message", {data: data})); };
    win.importScripts = function () {
      return Array.prototype.reduce.call(arguments, function (done, src) {
        return done.then(function () { return load(doc, new URL(src, url).href); });
      }, Promise.resolve());
    };
    this.ready = load(doc, new URL(url, location.href).href);
    this.win = win;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.terminate = function () { frame.remove(); };
  }
  IFrameWorker.prototype.postMessage = function (data) {
    var win = this.win;
    this.ready.then(function () { win.dispatchEvent(new win.MessageEvent("message", {data: data})); });
  };
  window.IFrameWorker = window.Worker = IFrameWorker;
})();
