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
 *
 * Each checked question (a module's Check answer, or each question of the final self-assessment
 * on Submit) is also appended to the LMS's interactions, for its item analysis: id
 * "<module>/<question>" ("final/<module>/<question>" in the final self-assessment), type,
 * the learner's response, result, the correct response pattern(s), the objectives it assesses
 * ("<module>/<objective>"), and when (1.2: time and latency; 2004: timestamp and latency,
 * measured from when the page showed the question or from its previous check; 2004 also the
 * prompt as its description). See `interaction`.
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
    },
    // Interactions: 1.2's vocabulary and delimiters; CMIFeedback and CMIIdentifier hold 255
    // characters; `time` is the clock time (CMITime) the question was checked.
    record: {response: "student_response", wrong: "wrong", list: ",", pair: ".", truth: ["t", "f"], items: 1e9, chars: 255,
      text: function (text) { return clip(text, 255); },
      time: function (set, key, start, now) {
        var d = new Date(now);
        set(key + "time", pad(d.getHours(), 2) + ":" + pad(d.getMinutes(), 2) + ":" + pad(d.getSeconds(), 2));
        set(key + "latency", SCORM12.duration(now - start));
      }}
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
    duration: function (ms) { return "PT" + (ms / 1000).toFixed(2) + "S"; },
    // Interactions: 2004's vocabulary and reserved delimiters; a learner response holds at least
    // 36 identifiers or pairs, or 250 characters per fill-in string (the smallest permitted
    // maximums); `timestamp` is when the question was shown (ISO 8601, hundredths of a second).
    record: {response: "learner_response", wrong: "incorrect", list: "[,]", pair: "[.]", truth: ["true", "false"], items: 36, chars: 4000,
      // "[,]" and "[.]" separate strings, and a leading "{" opens a delimiter such as {lang=…}
      text: function (text) { return clip(String(text).replace(/\[([,.])\]/g, "($1)").replace(/^\{/, "("), 250); },
      time: function (set, key, start, now) {
        set(key + "timestamp", new Date(start).toISOString().slice(0, 22) + "Z");
        set(key + "latency", SCORM2004.duration(now - start));
      },
      // The prompt as the page shows it, in the course's language (250 characters).
      description: function (set, key, text) {
        var lang = document.documentElement.lang;
        if (text) set(key + "description", (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang) ? "{lang=" + lang + "}" : "") + clip(text.replace(/^\{/, "("), 250));
      }}
  };
  var scorm = course.version === "2004" ? SCORM2004 : SCORM12;

  // The LMS's API object: up the chain of parent frames, then from the window that opened
  // this one (ADL's discovery algorithm). Frames of other origins throw when touched.
  function search(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try { if (win[scorm.name]) return win[scorm.name]; } catch (e) { /* another origin */ }
      var parent;
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
    unsaved = false;
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

  // -- each checked question, as an interaction ------------------------------------------------
  // At most `max` UTF-16 units (what LMSs count), never half of a surrogate pair.
  function clip(text, max) {
    text = String(text);
    if (text.length <= max) return text;
    text = text.slice(0, max);
    return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
  }
  // Ids are slugs already; anything else becomes "_" (1.2's CMIIdentifier has no spaces).
  function safeId(text) { return clip(String(text).replace(/[^A-Za-z0-9_./:-]/g, "_"), 255); }
  // A list in the version's delimiter, of whole items only, within its limits.
  function fit(items) {
    var r = scorm.record, out = "";
    for (var i = 0; i < items.length && i < r.items; i++) {
      var next = i ? out + r.list + items[i] : String(items[i]);
      if (next.length > r.chars) break;
      out = next;
    }
    return out;
  }
  var objectivesOf = {}, trueOption = course.trueOption || {};
  course.modules.forEach(function (entry) {
    var lists = (course.objectives || {})[entry[0]] || [];
    entry[1].forEach(function (q, i) { objectivesOf[entry[0] + "/" + q] = lists[i] || []; });
  });
  // The SCORM type, the learner's response (null: not answered) and the correct patterns of a
  // question of the page's quiz data (quiz.js), given what the trainee answered (its type's
  // `answer`, cb.types): each question type says it (questions/<partial>.js, after its LMS mark;
  // the export puts those parts before this file), as window.cbLmsTypes[type](q, value, helpers).
  function describe(module, q, value) {
    return window.cbLmsTypes[q.type](q, value, {record: scorm.record, fit: fit, truth: trueOption[module + "/" + q.id]});
  }
  // The question's prompt in plain text, from its form in the page (a module's knowledge check
  // or the final self-assessment); "" when the page is not what the bridge expects.
  function promptOf(module, q, final) {
    try {
      var form = document.getElementById("cb-sco").contentDocument.getElementById((final ? "a-" : "") + "q-" + module + "-" + q.id);
      var prompt = form.querySelector(".cb-quiz__prompt") || form.querySelector("legend");
      var number = prompt.querySelector(".cb-quiz__number");
      return prompt.textContent.replace(number ? number.textContent : "", "").replace(/\s+/g, " ").trim();
    } catch (e) { return ""; }
  }
  var shown = Date.now(), lastCheck = {};  // when the frame showed its page; each question's last check there
  // One commit for all the questions of one Submit, unless the progress's own save commits first.
  var unsaved = false;
  function commitSoon() {
    if (unsaved) return;
    unsaved = true;
    window.setTimeout(function () { if (unsaved && !finished) commit(); }, 0);
  }
  // Append one interaction record (SCORM 1.2's are write-only: journaling, n = _count). `value`
  // is what the question type's `answer` gave (null: unanswered, in the final self-assessment).
  function interaction(module, q, value, right, final) {
    var n = parseInt(get("cmi.interactions._count"), 10);
    if (isNaN(n)) return false;  // an LMS without interactions (optional in 1.2)
    var now = Date.now();
    var id = safeId((final ? "final/" : "") + module + "/" + q.id);
    var start = Math.max(shown, lastCheck[id] || 0);
    lastCheck[id] = now;
    var key = "cmi.interactions." + n + ".";
    if (!set(key + "id", id)) return false;
    var d = describe(module, q, value === undefined ? null : value);
    set(key + "type", d.type);
    var seen = {};
    (objectivesOf[module + "/" + q.id] || []).forEach(function (o) {
      if (seen[o]) return;
      set(key + "objectives." + Object.keys(seen).length + ".id", safeId(module + "/" + o));
      seen[o] = true;
    });
    scorm.record.time(set, key, start, now);
    if (scorm.record.description) scorm.record.description(set, key, promptOf(module, q, final));
    d.patterns.forEach(function (pattern, k) { set(key + "correct_responses." + k + ".pattern", pattern); });
    if (d.response !== null) set(key + scorm.record.response, d.response);
    set(key + "result", right ? "correct" : scorm.record.wrong);
    commitSoon();
    return true;
  }

  // -- what the site's pages use ---------------------------------------------------------------
  if (live) {
    scorm.begin(get, set);
    var mastery = scorm.mastery(get);
    if (mastery === null) mastery = course.passMark;
    var saved = decode(get(scorm.keys.suspend));
    window.cbLms = {
      active: true,
      unavailable: course.unavailable,  // the note journey.js shows when save fails
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
      },
      interaction: interaction
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
  var START = /^site\/[A-Za-z0-9._~/-]+\.html$/;
  document.addEventListener("DOMContentLoaded", function () {
    var frame = document.getElementById("cb-sco");
    var base = location.pathname.replace(/[^/]*$/, "");
    var resume = live ? get(scorm.keys.location) : "";
    frame.src = START.test(resume) ? resume : course.start;
    frame.addEventListener("load", function () {
      shown = Date.now();
      lastCheck = {};
      if (!live || finished) return;
      var path;
      try { path = frame.contentWindow.location.pathname; } catch (e) { return; }
      if (path.indexOf(base) === 0 && START.test(path.slice(base.length))) set(scorm.keys.location, path.slice(base.length));
    });
  });
})();
