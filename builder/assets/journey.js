/* The trainee's progress, kept in this browser only: saving each checked answer, the best score
 * per module, and the navigation's "passed" marks. No server, no account, no tracking; storage
 * that is blocked or corrupt means "nothing saved", never an error. Needs cb.course
 * (course-data.js). The progress, assessment and certificate pages add journey-pages.js. */
(function (cb) {
  "use strict";
  var course = cb.course;
  if (!course) return;
  var s = course.strings;
  var KEY = course.id + ":" + course.epoch;
  var SCHEMA = 1;

  // A module's pass mark: its quiz's own (course.passMarks lists only those), else the course's.
  function passMark(id) {
    var own = course.passMarks[id];
    return typeof own === "number" ? own : course.passMark;
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  function empty() { return {schema: SCHEMA, answers: {}, best: {}, final: {}}; }

  // Keep only what this course still has: answers to the questions `questions` ({module: [ids]},
  // where known) lists, so edits and reordering keep progress; with `every` (the journey pages,
  // whose data lists every module), only the modules it lists: a removed or renamed module's
  // answers and best score go. A module page knows only its own module's questions, and keeps
  // the rest as it is: what is stored for a module the course no longer has counts nowhere
  // (status and best scores are asked per module of the course, the navigation marks existing
  // links, the SCORM bridge encodes its own list of modules), and the next journey page drops it.
  function clean(data, questions, every) {
    var out = empty();
    if (!data || typeof data !== "object") return out;
    var answers = data.answers && typeof data.answers === "object" ? data.answers : {};
    Object.keys(answers).forEach(function (key) {
      var parts = key.split("/");
      var known = questions && questions[parts[0]];
      if ((known ? known.indexOf(parts[1]) >= 0 : !every) && (answers[key] === 0 || answers[key] === 1)) out.answers[key] = answers[key];
    });
    var best = data.best && typeof data.best === "object" ? data.best : {};
    Object.keys(best).forEach(function (id) {
      if ((!every || questions[id]) && typeof best[id] === "number" && best[id] >= 0 && best[id] <= 100) out.best[id] = best[id];
    });
    var f = data.final;
    if (f && typeof f === "object" && typeof f.score === "number") {
      out.final = {score: f.score, passed: !!f.passed, date: String(f.date || ""), version: String(f.version || "")};
    }
    return out;
  }

  // Inside the SCORM package the launch page around the site holds the LMS session, and the
  // progress lives in the LMS (scorm-bridge.js); everywhere else, in this browser.
  function lms() {
    try {
      var host = window.parent;
      return host !== window && host.cbLms && host.cbLms.active ? host.cbLms : null;
    } catch (e) { return null; }  // a frame of another site
  }

  var available = true;
  function load(questions, every) {
    var host = lms();
    if (host) return clean(host.load(), questions, every);
    var store = storage();
    if (!store) { available = false; return empty(); }
    try {
      return clean(JSON.parse(store.getItem(KEY)), questions, every);
    } catch (e) {
      if (!(e instanceof SyntaxError)) available = false;  // corrupt (a SyntaxError): start again, quietly
      return empty();
    }
  }
  function save(data) {
    var host = lms(), store = storage(), saved = false;
    try {
      if (host) saved = !!host.save(data);  // false: the LMS refused the progress
      else if (store) { store.setItem(KEY, JSON.stringify(data)); saved = true; }
    } catch (e) { /* storage full or blocked, or the LMS failed */ }
    if (!saved) { available = false; showStorageNotes(); }
    return saved;
  }
  function showStorageNotes() {
    var inLms = !available && lms();
    cb.all(document, ".cb-storage-note").forEach(function (note) {
      if (inLms) note.textContent = inLms.unavailable;  // not "this browser": the LMS refused it (scorm-bridge.js)
      note.hidden = available;
    });
  }

  function status(data, id) {
    if (data.best[id] !== undefined && data.best[id] >= passMark(id)) return "passed";
    var started = Object.keys(data.answers).some(function (key) { return key.indexOf(id + "/") === 0; });
    return started || data.best[id] !== undefined ? "in_progress" : "not_started";
  }

  // Called by quiz.js after each check, with the ids of all the module's questions.
  cb.progress = {
    record: function (moduleId, questionId, right, questionIds) {
      var only = {};
      only[moduleId] = questionIds;
      var data = load(only);
      data.answers[moduleId + "/" + questionId] = right ? 1 : 0;
      var score = Math.floor(100 * questionIds.filter(function (q) { return data.answers[moduleId + "/" + q] === 1; }).length / questionIds.length);
      data.best[moduleId] = Math.max(data.best[moduleId] || 0, score);
      save(data);
      markNavigation(data);
      return data.best[moduleId];
    },
    best: function (moduleId) { return load().best[moduleId]; },
    passMark: passMark,
    // Inside an LMS, each checked question also goes to it as an interaction (scorm-bridge.js).
    interaction: function (moduleId, question, value, right, final) {
      var host = lms();
      try { if (host && host.interaction) host.interaction(moduleId, question, value, right, final); } catch (e) { /* the course goes on */ }
    }
  };

  function markNavigation(data) {
    var links = cb.all(document, "a.md-nav__link[href]");
    Object.keys(data.best).forEach(function (id) {  // a module is passed by its best score
      if (status(data, id) !== "passed") return;
      var path = "/modules/" + id + ".html";
      links.forEach(function (link) {
        var href = link.getAttribute("href");
        if (href.indexOf("#") >= 0) return;  // the table of contents: sections, not modules
        var target = new URL(href, location.href).pathname;
        if (target.slice(-path.length) !== path || link.querySelector(".cb-nav-passed")) return;
        var mark = cb.element("span", "cb-nav-passed");
        var icon = mark.appendChild(cb.element("span", "", " \u2713"));
        icon.setAttribute("aria-hidden", "true");
        mark.appendChild(cb.element("span", "cb-visually-hidden", " (" + s.passed_mark + ")"));
        (link.querySelector(".md-ellipsis") || link).appendChild(mark);
      });
    });
  }

  // What the progress, assessment and certificate pages build on (journey-pages.js).
  cb.journey = {
    KEY: KEY, SCHEMA: SCHEMA, course: course, storage: storage, clean: clean, empty: empty,
    load: load, save: save, lms: lms, status: status, markNavigation: markNavigation, showStorageNotes: showStorageNotes
  };

  cb.everyPage(function () {
    markNavigation(load());
    showStorageNotes();
  });
})(window.cb);
