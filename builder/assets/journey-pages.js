/* The My progress page (export, import, reset, forget), the final self-assessment and the
 * certificate. Loaded only by those pages, with `defer`: it runs after course.js (core.js), and
 * uses cb.journey (journey.js), cb.quiz (quiz.js) and cb.types (each type's form builder, after
 * this file in the published script); each page carries its own data (titles, question ids,
 * strings) in a JSON block. */
(function (cb) {
  "use strict";
  var J = cb.journey;
  if (!J) return;
  var course = J.course, SCHEMA = J.SCHEMA, format = cb.format, storage = J.storage;
  var s = {}, questions = {};
  // This page's data lists every module (`questions`): progress of modules the course no longer
  // has is dropped here, not on module pages (journey.js, clean).
  function load() { return J.load(questions, true); }
  function save(data) { return J.save(data); }
  function clean(data) { return J.clean(data, questions, true); }
  function status(data, id) { return J.status(data, id); }
  function markNavigation(data) { J.markNavigation(data); }
  function showStorageNotes() { J.showStorageNotes(); }

  // --- My progress ------------------------------------------------------------------------
  function setupProgress(root) {
    var message = root.querySelector(".cb-progress__message");
    function say(text) { message.textContent = ""; window.setTimeout(function () { message.textContent = text; }, 50); }
    function refresh() {
      var data = load();
      cb.all(root, "tr[data-module]").forEach(function (row) {
        var id = row.getAttribute("data-module");
        row.querySelector(".cb-progress__status").textContent = s[{passed: "status_passed", in_progress: "status_in_progress", not_started: "status_not_started"}[status(data, id)]] || "";
        row.querySelector(".cb-progress__best").textContent = data.best[id] !== undefined ? data.best[id] + "%" : "–";
      });
      var final = root.querySelector(".cb-progress__final-status");
      final.textContent = ": " + (data.final.score === undefined ? s.status_not_started : (data.final.passed ? s.status_passed : s.status_not_passed) + " (" + data.final.score + "%)");
      var inLms = !!J.lms();
      root.querySelector(".cb-progress__where").hidden = inLms;
      root.querySelector(".cb-progress__where-lms").hidden = !inLms;
      showStorageNotes();
    }
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "export") {
        var blob = new Blob([JSON.stringify(load(), null, 2)], {type: "application/json"});
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = course.id + "-progress.json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        say(s.exported);
      } else if (action === "reset" && window.confirm(s.confirm_reset)) {
        reset();
        refresh();
        say(s.reset_done);
      } else if (action === "forget" && window.confirm(s.confirm_forget)) {
        forget();
        refresh();
        say(s.forgot);
      }
    });
    root.querySelector("#cb-import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var parsed;
        try { parsed = JSON.parse(reader.result); } catch (e) { parsed = null; }
        var data = clean(parsed);
        var useful = parsed && parsed.schema === SCHEMA && (Object.keys(data.answers).length || Object.keys(data.best).length || data.final.score !== undefined);
        if (!useful) { say(s.import_failed); return; }
        save(data);
        refresh();
        markNavigation(data);
        say(s.imported);
      };
      reader.readAsText(file);
    });
    cb.all(root, ".cb-js-only").forEach(function (el) { el.hidden = false; });
    refresh();
  }

  // Every key this site wrote: the course's progress (any epoch) and Material's preferences.
  // Reset: this course's progress emptied (in the LMS, inside the SCORM package).
  function reset() {
    var host = J.lms();
    if (host) return host.save(J.empty());
    var store = storage();
    try { if (store) store.removeItem(J.KEY); } catch (e) { /* nothing was saved */ }
    return true;
  }
  function forget() {
    var store = storage();
    if (!store) return;
    try {
      var scope = window.__md_scope ? window.__md_scope.pathname + "." : null;
      var keys = [];
      for (var i = 0; i < store.length; i++) keys.push(store.key(i));
      keys.forEach(function (key) {
        if (key.indexOf(course.id + ":") === 0 || (scope && key.indexOf(scope) === 0)) store.removeItem(key);
      });
      window.sessionStorage && Object.keys(window.sessionStorage).forEach(function (key) {
        if (scope && key.indexOf(scope) === 0) window.sessionStorage.removeItem(key);
      });
    } catch (e) { /* blocked: nothing was saved */ }
  }

  // --- Final self-assessment --------------------------------------------------------------
  // A drawn question's form, built from the assessment's data as builder/templates/question.html
  // builds it on a module page, ids prefixed with "a-" (tests/browser/test_journey.py holds the
  // two to the same markup); its type builds its inputs and key (questions/<type>.js, `build`).
  // Text fragments come rendered and inert from the builder.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== false) node.setAttribute(name, attrs[name] === true ? "" : attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (typeof child === "string") node.appendChild(document.createTextNode(child));
      else if (child.html !== undefined) node.insertAdjacentHTML("beforeend", child.html);
      else node.appendChild(child);
    });
    return node;
  }
  var helpers = {el: el, html: function (text) { return {html: text}; }};

  function questionForm(q, number, t) {
    var dom = "a-q-" + q.module + "-" + q.id;
    var html = helpers.html;
    var parts = cb.types[q.type].build(q, dom, t, helpers);
    var legend = el("legend", {"class": "cb-quiz__legend"}, [el("span", {"class": "cb-quiz__number", id: dom + "-n"}, [number])].concat(q.block ? [] : [" ", html(q.prompt)]));
    var body = [legend];
    if (q.block) body.push(el("div", {"class": "cb-quiz__prompt", id: dom + "-prompt"}, [html(q.prompt)]));
    body.push(el("p", {"class": "cb-quiz__how"}, [parts.how]));
    var answer = parts.key;
    var feedback = (q.options || []).filter(function (o) { return o[2] !== null; });
    if (feedback.length) {
      answer.push(el("ul", {"class": "cb-quiz__feedback"}, feedback.map(function (o) {
        return el("li", {"data-option": o[0]}, [el("strong", {}, [html(o[1])]), " — ", html(o[2])]);
      })));
    }
    answer.push(el("div", {"class": "cb-quiz__explanation"}, [html(q.explanation)]));
    return el("form", {"class": "cb-quiz__question cb-quiz__question--" + q.type, id: dom, "aria-labelledby": dom + "-n", "data-question": q.id, method: "dialog", novalidate: true}, [
      el("fieldset", {"aria-describedby": q.block ? dom + "-prompt" : null}, body.concat(parts.inputs)),
      el("details", {"class": "cb-quiz__key"}, [el("summary", {}, [t.show_answer])].concat(answer))]);
  }

  function setupAssessment(root) {
    var data = cb.data(root);
    if (!data) return;
    var start = root.querySelector(".cb-assessment__start");
    var submit = root.querySelector(".cb-assessment__submit");
    var list = root.querySelector(".cb-assessment__questions");
    var result = root.querySelector(".cb-assessment__result");
    // The result's first sentence is a live region, in the page (empty) from the start so that
    // every screen reader announces it; the breakdown follows it, not spoken on its own.
    var summary = result.querySelector(".cb-assessment__summary");
    var details = result.querySelector(".cb-assessment__details");
    var drawn = [];
    var attempt = false;  // questions drawn and not yet submitted
    start.hidden = false;
    showStorageNotes();
    start.addEventListener("click", function () {
      // A second press would draw new questions and lose the answers: ask first.
      if (attempt && !window.confirm(s.confirm_restart)) return;
      attempt = true;
      var byModule = {};
      data.questions.forEach(function (q) { (byModule[q.module] = byModule[q.module] || []).push(q); });
      drawn = [];
      pageData.modules.forEach(function (m) { drawn = drawn.concat(cb.shuffle((byModule[m.id] || []).slice()).slice(0, data.perModule)); });
      cb.shuffle(drawn);
      list.textContent = "";
      summary.textContent = "";
      details.textContent = "";
      drawn.forEach(function (q, index) {
        var form = questionForm(q, format(s.question_of || "{n}/{total}", {n: index + 1, total: drawn.length}), data.form);
        list.appendChild(form);
        // Enter in a text box must never send the form anywhere: method="dialog" does it, this
        // for browsers without it (module pages: quiz.js's Check).
        form.addEventListener("submit", function (event) { event.preventDefault(); });
        cb.quiz.prepareForm(form, q, s);
      });
      submit.hidden = false;
      var first = list.querySelector("form");
      if (first) first.scrollIntoView();  // below Material's header: scroll-margin-top, journey.css
    });
    submit.addEventListener("click", function () {
      var forms = list.querySelectorAll("form");
      var right = 0;
      var perModule = {};
      var missed = [];
      drawn.forEach(function (q, index) {
        var form = forms[index];
        var type = cb.types[q.type];
        var answer = type.answer(form, q);
        if (answer.some) answer = {value: {}};  // matching, partly answered: wrong, not unanswered
        var ok = !answer.empty && type.isRight(q, answer.value);
        if (cb.progress) cb.progress.interaction(q.module, q, answer.empty ? null : answer.value, ok, true);
        form.setAttribute("data-result", ok ? "right" : "wrong");
        // Each question's result in words, an icon and what to learn, in reading order ("Not
        // answered." where quiz.js would say "Not quite.").
        var said = answer.empty ? Object.assign({}, s, {incorrect: s.unanswered}) : s;
        form.insertBefore(el("div", {"class": "cb-quiz__result"}, cb.quiz.feedback(form, q, answer, ok, said)), form.querySelector(".cb-quiz__key"));
        var tally = perModule[q.module] = perModule[q.module] || {right: 0, total: 0};
        tally.total++;
        if (ok) { right++; tally.right++; } else {
          q.objectives.forEach(function (o) { if (missed.indexOf(q.module + "/" + o) < 0) missed.push(q.module + "/" + o); });
        }
      });
      attempt = false;
      submit.hidden = true;  // the attempt is over; Start draws a new one
      var percent = drawn.length ? Math.floor(100 * right / drawn.length) : 0;
      var passed = drawn.length > 0 && 100 * right / drawn.length >= data.passMark;
      var saved = load();
      var stored = true;
      if (saved.final.score === undefined || percent >= saved.final.score) {
        saved.final = {score: percent, passed: passed, date: new Date().toISOString().slice(0, 10), version: pageData.version};
        stored = save(saved);
      }
      summary.textContent = format(drawn.length === 1 ? s.result_one : s.result, {right: right, total: drawn.length, percent: percent, pass_mark: data.passMark}) + " " + (passed ? s.passed : s.not_passed);
      details.textContent = "";
      var heading = document.createElement("h2");
      heading.textContent = s.by_module;
      details.appendChild(heading);
      var table = document.createElement("ul");
      pageData.modules.forEach(function (m) {
        if (!perModule[m.id]) return;
        var li = document.createElement("li");
        li.textContent = m.title + ": " + perModule[m.id].right + " / " + perModule[m.id].total;
        table.appendChild(li);
      });
      details.appendChild(table);
      if (missed.length) {
        var review = document.createElement("p");
        review.textContent = s.review;
        details.appendChild(review);
        var ul = document.createElement("ul");
        missed.forEach(function (key) {
          var parts = key.split("/");
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = new URL("modules/" + parts[0] + ".html#objective-" + parts[1], window.__md_scope || location.href).href;
          a.textContent = data.objectives[key] || key;
          li.appendChild(a);
          ul.appendChild(li);
        });
        details.appendChild(ul);
      }
      if (passed) {
        var cert = document.createElement("p");
        var link = document.createElement("a");
        link.href = new URL("certificate.html", window.__md_scope || location.href).href;
        // Storage blocked: the link carries the result (handedOver, below).
        if (!stored) link.href += "#" + new URLSearchParams({score: percent, date: saved.final.date, version: pageData.version});
        link.textContent = s.certificate;
        cert.appendChild(link);
        details.appendChild(cert);
      }
      // On screen below Material's header (scroll-margin-top, journey.css), focused for keyboards.
      result.focus({preventScroll: true});
      result.scrollIntoView();
    });
  }

  // --- Certificate ------------------------------------------------------------------------
  // The result comes from storage or, when storage is blocked, from the link the assessment
  // gave on passing (certificate.html#score=…&date=…&version=…), so the trainee still gets the
  // certificate during that visit. Either is self-reported, as the certificate says.
  function handedOver(passMark) {
    var hash = new URLSearchParams(location.hash.slice(1));
    var score = Number(hash.get("score"));
    if (!hash.has("score") || !(score >= passMark && score <= 100)) return null;
    return {score: Math.floor(score), passed: true, date: (hash.get("date") || "").slice(0, 10), version: (hash.get("version") || "").slice(0, 40)};
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], {type: type}));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // One CSV field: quoted, and a leading = + - @ made inert for spreadsheets (formula injection).
  function csvField(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function setupCertificate(root) {
    var data = cb.data(root);
    if (!data) return;
    var final = load().final;
    if (!final.passed) final = handedOver(data.passMark);
    if (!final) return;
    root.querySelector(".cb-certificate__none").hidden = true;
    root.querySelector(".cb-certificate__ready").hidden = false;
    var sheet = root.querySelector(".cb-certificate__sheet");
    sheet.hidden = false;
    var version = final.version || pageData.version;
    sheet.querySelector(".cb-certificate__details").textContent = format(s.certificate_details, {version: version, date: final.date, score: final.score});
    var fields = {name: root.querySelector("#cb-name"), agency: root.querySelector("#cb-agency"), badge: root.querySelector("#cb-badge")};
    var message = root.querySelector(".cb-certificate__message");
    function typed(key) { return fields[key].value.trim(); }
    // What is typed is shown on the sheet and never stored.
    function show() {
      sheet.querySelector(".cb-certificate__name").textContent = typed("name");
      var officer = [typed("agency"), typed("badge") ? format(s.certificate_badge, {badge: typed("badge")}) : ""].filter(Boolean);
      sheet.querySelector(".cb-certificate__officer").textContent = officer.join(" · ");
    }
    Object.keys(fields).forEach(function (key) { fields[key].addEventListener("input", show); });
    function record() {
      var c = data.credit;
      return {course: course.id, title: data.title, version: version, date: final.date, score: final.score, passMark: data.passMark, passed: true,
        creditHours: c.hours, courseNumber: c.courseNumber, provider: c.provider, approvingBody: c.approvingBody, approvalNumber: c.approvalNumber,
        name: typed("name"), agency: typed("agency"), badge: typed("badge"), kind: "self-assessment"};
    }
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "print") { window.print(); return; }
      var row = record();
      var name = course.id + "-" + (final.date || "result");
      if (action === "roster-json") {
        name += ".json";
        download(name, "application/json", JSON.stringify(row, null, 2) + "\n");
      } else if (action === "roster-csv") {
        var keys = Object.keys(row);
        name += ".csv";
        download(name, "text/csv", keys.map(csvField).join(",") + "\r\n" + keys.map(function (k) { return csvField(row[k]); }).join(",") + "\r\n");
      } else return;
      message.textContent = "";
      window.setTimeout(function () { message.textContent = format(s.roster_saved, {file: name}); }, 50);
    });
  }

  var pageData = {modules: []};

  // Saved again without what load() drops (a removed or renamed module's or question's answers),
  // so that the browser's storage does not keep it. Not inside an LMS: the SCORM bridge stores
  // only the course's modules, and a page that only shows progress sends it nothing.
  function tidy() {
    var store = !J.lms() && storage();
    try {
      var saved = store && store.getItem(J.KEY);
      var data = load();
      if (saved && saved !== JSON.stringify(data)) save(data);
    } catch (e) { /* storage blocked: nothing to tidy */ }
  }

  function setup() {
    // Found by its holder: Material's instant navigation re-creates every <script> of the new
    // page without its type and class (quiz.js).
    var found = cb.data(document.querySelector(".cb-journey__data"));
    if (!found) return;
    pageData = found;
    s = pageData.strings;
    pageData.modules.forEach(function (m) { questions[m.id] = m.questions; });
    tidy();
    cb.all(document, ".cb-progress:not([data-enhanced])").forEach(function (root) { root.setAttribute("data-enhanced", "true"); setupProgress(root); });
    cb.all(document, ".cb-assessment:not([data-enhanced])").forEach(function (root) { root.setAttribute("data-enhanced", "true"); setupAssessment(root); });
    cb.all(document, ".cb-certificate:not([data-enhanced])").forEach(function (root) { root.setAttribute("data-enhanced", "true"); setupCertificate(root); });
  }

  J.questionForm = questionForm;  // tests/browser/test_journey.py compares it with question.html
  setup();
})(window.cb);
