/* The SCORM session holder of an exported course (`course export scorm`).
 *
 * The package's launch page loads this file and shows the course site in a frame. One SCORM
 * session covers the whole visit: SCORM forbids a second Initialize after Finish, so the pages
 * of the site never talk to the LMS themselves. Instead the site's progress script (journey.js)
 * finds `window.cbLms` on this page and keeps the trainee's progress here, in the LMS's
 * suspend data, instead of in the browser. When the final self-assessment is saved, the score
 * (0-100) and passed/failed (against the LMS's mastery score, else the course's pass mark) go to
 * the LMS. Leaving midway reports "incomplete" with exit "suspend", so the LMS resumes the
 * progress and the page the trainee was on. With no LMS found, the site keeps progress in the
 * browser as it does on the web.
 *
 * Suspend data (SCORM 1.2 allows 4,096 characters) holds the same progress as the browser's
 * JSON, in a compact form the exporter budgets for (builder/exports/scorm.py):
 *   c1|<final>|<module>:<fingerprint>:<best>:<answers>|...
 * <final> is "<score>,<p|f>,<date>,<version, URI-encoded>" or empty; <answers> has one
 * character per question in the quiz's order ("1" right, "0" wrong, "." not answered, trailing
 * dots dropped); <fingerprint> identifies the module's question list, so answers saved by an
 * older package whose questions differ are dropped rather than misread.
 */
(function () {
  "use strict";
  var course = JSON.parse(document.getElementById("cb-scorm-data").textContent);
  var started = Date.now();

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }

  var SCORM12 = {
    name: "API", limit: 4096,
    call: function (api, method, a, b) { return api["LMS" + method](a, b); },
    methods: {Initialize: "Initialize", Terminate: "Finish", GetValue: "GetValue", SetValue: "SetValue", Commit: "Commit"},
    keys: {suspend: "cmi.suspend_data", location: "cmi.core.lesson_location", exit: "cmi.core.exit", time: "cmi.core.session_time",
      raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max"},
    mastery: function (get) { var m = parseFloat(get("cmi.student_data.mastery_score")); return isNaN(m) ? null : m; },
    begin: function (get, set) {
      var status = get("cmi.core.lesson_status");
      if (status === "" || status === "not attempted") set("cmi.core.lesson_status", "incomplete");
    },
    result: function (set, score, passed) { set("cmi.core.lesson_status", passed ? "passed" : "failed"); },
    done: function (get) { return get("cmi.core.lesson_status") === "passed"; },
    exit: function (done) { return done ? "" : "suspend"; },
    duration: function (ms) {
      var s = ms / 1000;
      return pad(Math.floor(s / 3600), 4) + ":" + pad(Math.floor(s / 60) % 60, 2) + ":" + pad((s % 60).toFixed(2), 5);
    }
  };
  var SCORM2004 = {
    name: "API_1484_11", limit: 64000,
    call: function (api, method, a, b) { return api[method](a, b); },
    methods: {Initialize: "Initialize", Terminate: "Terminate", GetValue: "GetValue", SetValue: "SetValue", Commit: "Commit"},
    keys: {suspend: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit", time: "cmi.session_time",
      raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max"},
    mastery: function (get) { var m = parseFloat(get("cmi.scaled_passing_score")); return isNaN(m) ? null : 100 * m; },
    begin: function (get, set) {
      if (get("cmi.completion_status") !== "completed") set("cmi.completion_status", "incomplete");
    },
    result: function (set, score, passed) {
      set("cmi.score.scaled", String(score / 100));
      set("cmi.completion_status", "completed");
      set("cmi.success_status", passed ? "passed" : "failed");
    },
    done: function (get) { return get("cmi.success_status") === "passed"; },
    exit: function (done) { return done ? "normal" : "suspend"; },
    duration: function (ms) { return "PT" + (ms / 1000).toFixed(2) + "S"; }
  };
  var scorm = course.version === "2004" ? SCORM2004 : SCORM12;

  // The LMS's API object: up the chain of parent frames, then from the window that opened
  // this one (ADL's discovery algorithm). Frames of other origins throw when touched.
  function search(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try { if (win[scorm.name]) return win[scorm.name]; } catch (e) { /* another origin */ }
      var parent = null;
      try { parent = win.parent; } catch (e) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }
  function discover() {
    var api = search(window);
    try { if (!api && window.opener) api = search(window.opener); } catch (e) { /* another origin */ }
    try { if (!api && window.top.opener) api = search(window.top.opener); } catch (e) { /* another origin */ }
    return api;
  }

  var api = discover();
  var live = false;
  // An LMS's API may throw rather than return "false": the course goes on either way.
  function get(key) {
    try { return String(scorm.call(api, scorm.methods.GetValue, key)); } catch (e) { return ""; }
  }
  function set(key, value) {
    try { return String(scorm.call(api, scorm.methods.SetValue, key, String(value))) === "true"; } catch (e) { return false; }
  }
  function commit() {
    try { scorm.call(api, scorm.methods.Commit, ""); } catch (e) { /* the next commit or Finish carries it */ }
  }
  if (api) {
    try {
      live = String(scorm.call(api, scorm.methods.Initialize, "")) === "true";
    } catch (e) { live = false; }
  }

  // -- the compact progress codec --------------------------------------------------------------
  function fingerprint(ids) {
    var text = ids.join(" ");
    var hash = 2166136261;  // FNV-1a, 32 bits
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return pad((hash % 1679616).toString(36), 4);  // 36^4: four characters
  }
  function encode(progress) {
    var final = progress.final || {};
    var parts = ["c1", typeof final.score === "number"
      ? [final.score, final.passed ? "p" : "f", final.date || "", encodeURIComponent(final.version || "")].join(",") : ""];
    course.modules.forEach(function (entry) {
      var id = entry[0], ids = entry[1];
      var answers = ids.map(function (q) {
        var value = progress.answers[id + "/" + q];
        return value === 1 ? "1" : value === 0 ? "0" : ".";
      }).join("").replace(/\.+$/, "");
      var best = typeof progress.best[id] === "number" ? String(progress.best[id]) : "";
      if (answers || best) parts.push([id, fingerprint(ids), best, answers].join(":"));
    });
    return parts.join("|");
  }
  function decode(text) {
    var progress = {schema: 1, answers: {}, best: {}, final: {}};
    var parts = String(text || "").split("|");
    if (parts[0] !== "c1") return progress;
    var final = (parts[1] || "").split(",");
    if (final.length === 4 && /^\d+$/.test(final[0])) {
      var version = "";
      try { version = decodeURIComponent(final[3]); } catch (e) { /* keep it empty */ }
      progress.final = {score: parseInt(final[0], 10), passed: final[1] === "p", date: final[2], version: version};
    }
    var known = {};
    course.modules.forEach(function (entry) { known[entry[0]] = entry[1]; });
    parts.slice(2).forEach(function (part) {
      var fields = part.split(":");
      var ids = known[fields[0]];
      if (!ids || fields.length !== 4) return;
      if (/^\d+$/.test(fields[2])) progress.best[fields[0]] = parseInt(fields[2], 10);
      if (fields[1] !== fingerprint(ids)) return;  // another version of the quiz: its answers no longer apply
      fields[3].split("").forEach(function (c, i) {
        if (i < ids.length && (c === "0" || c === "1")) progress.answers[fields[0] + "/" + ids[i]] = Number(c);
      });
    });
    return progress;
  }

  // -- what the site's pages use ---------------------------------------------------------------
  if (live) {
    scorm.begin(get, set);
    var mastery = scorm.mastery(get);
    if (mastery === null) mastery = course.passMark;
    var saved = decode(get(scorm.keys.suspend));
    window.cbLms = {
      active: true,
      load: function () { return JSON.parse(JSON.stringify(saved)); },
      save: function (progress) {
        var text = encode(progress);
        if (text.length > scorm.limit || !set(scorm.keys.suspend, text)) return false;
        saved = decode(text);
        var final = saved.final;
        if (typeof final.score === "number") {
          set(scorm.keys.min, "0");
          set(scorm.keys.max, "100");
          set(scorm.keys.raw, String(final.score));
          scorm.result(set, final.score, final.score >= mastery);
        }
        commit();
        return true;
      }
    };
  }

  var finished = false;
  function finish() {
    if (!live || finished) return;
    finished = true;
    set(scorm.keys.time, scorm.duration(Date.now() - started));
    set(scorm.keys.exit, scorm.exit(scorm.done(get)));
    commit();
    try { scorm.call(api, scorm.methods.Terminate, ""); } catch (e) { /* the LMS closes the session itself */ }
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  // Show the site, at the page the trainee left if the LMS remembers one; remember each page.
  var START = /^site\/[A-Za-z0-9._~\/-]+\.html$/;
  document.addEventListener("DOMContentLoaded", function () {
    var frame = document.getElementById("cb-sco");
    var base = location.pathname.replace(/[^\/]*$/, "");
    var resume = live ? get(scorm.keys.location) : "";
    frame.src = START.test(resume) ? resume : course.start;
    frame.addEventListener("load", function () {
      if (!live || finished) return;
      var path;
      try { path = frame.contentWindow.location.pathname; } catch (e) { return; }
      if (path.indexOf(base) === 0 && START.test(path.slice(base.length))) set(scorm.keys.location, path.slice(base.length));
    });
  });
})();
