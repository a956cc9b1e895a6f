/* The My progress page (export, import, reset, forget), the final self-assessment and the
 * certificate. Loaded only by those pages, after journey.js (window.cbJourney, part of the
 * site-wide course.js); each page carries its own data (titles, question ids, strings) in a
 * JSON block. */
// This script sits in the page, before course.js (a site-wide script at the end of the body):
// on a first load everything waits for DOMContentLoaded, when both have run; after Material's
// instant navigation (which re-runs page scripts) course.js is already there.
(function (start) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(function () {
  "use strict";
  var J = window.cbJourney;
  if (!J) return;
  var course = J.course, SCHEMA = J.SCHEMA, format = J.format, storage = J.storage;
  var s = {}, questions = {};
  function load() { return J.load(questions); }
  function save(data) { return J.save(data); }
  function clean(data) { return J.clean(data, questions); }
  function status(data, id) { return J.status(data, id); }
  function markNavigation(data) { J.markNavigation(data); }
  function showStorageNotes() { J.showStorageNotes(); }

  // --- My progress ------------------------------------------------------------------------
  function setupProgress(root) {
    var message = root.querySelector(".cb-progress__message");
    function say(text) { message.textContent = ""; window.setTimeout(function () { message.textContent = text; }, 50); }
    function refresh() {
      var data = load();
      Array.prototype.forEach.call(root.querySelectorAll("tr[data-module]"), function (row) {
        var id = row.getAttribute("data-module");
        row.querySelector(".cb-progress__status").textContent = s[{passed: "status_passed", in_progress: "status_in_progress", not_started: "status_not_started"}[status(data, id)]] || "";
        row.querySelector(".cb-progress__best").textContent = data.best[id] !== undefined ? data.best[id] + "%" : "–";
      });
      var final = root.querySelector(".cb-progress__final-status");
      final.textContent = data.final.score === undefined ? s.status_not_started : (data.final.passed ? s.status_passed : s.status_not_passed) + " (" + data.final.score + "%)";
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
        J.reset();
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
    refresh();
  }

  // Every key this site wrote: the course's progress (any epoch) and Material's preferences.
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
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = list[i]; list[i] = list[j]; list[j] = swap;
    }
    return list;
  }

  // Copies of the pool's questions get their own ids (and the labels and references
  // that point at them), so no id appears twice on the page.
  function prefixIds(node, prefix) {
    ["id", "for", "aria-describedby", "aria-labelledby"].forEach(function (attr) {
      Array.prototype.forEach.call(node.querySelectorAll("[" + attr + "]"), function (el) {
        el.setAttribute(attr, el.getAttribute(attr).split(" ").map(function (v) { return prefix + v; }).join(" "));
      });
    });
    if (node.id) node.id = prefix + node.id;
  }

  function setupAssessment(root) {
    var dataEl = root.querySelector("script");
    var data;
    try { data = JSON.parse(dataEl.textContent)[0]; } catch (e) { return; }
    var start = root.querySelector(".cb-assessment__start");
    var submit = root.querySelector(".cb-assessment__submit");
    var list = root.querySelector(".cb-assessment__questions");
    var pool = root.querySelector(".cb-assessment__pool");
    var result = root.querySelector(".cb-assessment__result");
    var drawn = [];
    start.hidden = false;
    showStorageNotes();
    start.addEventListener("click", function () {
      var byModule = {};
      data.questions.forEach(function (q) { (byModule[q.module] = byModule[q.module] || []).push(q); });
      drawn = [];
      pageData.modules.forEach(function (m) { drawn = drawn.concat(shuffle((byModule[m.id] || []).slice()).slice(0, data.perModule)); });
      shuffle(drawn);
      list.textContent = "";
      result.textContent = "";
      drawn.forEach(function (q, index) {
        var form = pool.querySelector('form[id="q-' + q.module + "-" + q.id + '"]').cloneNode(true);
        prefixIds(form, "a-");
        form.removeAttribute("data-result");
        form.querySelector(".cb-quiz__number").textContent = format(s.question_of || "{n}/{total}", {n: index + 1, total: drawn.length});
        list.appendChild(form);
        if (window.cbQuiz) window.cbQuiz.prepareForm(form, q, s);
      });
      submit.hidden = false;
      var first = list.querySelector("legend");
      if (first) first.scrollIntoView();
    });
    submit.addEventListener("click", function () {
      var forms = list.querySelectorAll("form");
      var right = 0;
      var perModule = {};
      var missed = [];
      drawn.forEach(function (q, index) {
        var form = forms[index];
        var answer = window.cbQuiz.answerOf(form, q);
        var ok = !answer.empty && window.cbQuiz.isRight(q, answer.value);
        form.setAttribute("data-result", ok ? "right" : "wrong");
        var tally = perModule[q.module] = perModule[q.module] || {right: 0, total: 0};
        tally.total++;
        if (ok) { right++; tally.right++; } else {
          q.objectives.forEach(function (o) { if (missed.indexOf(q.module + "/" + o) < 0) missed.push(q.module + "/" + o); });
        }
      });
      var percent = drawn.length ? Math.floor(100 * right / drawn.length) : 0;
      var passed = drawn.length > 0 && 100 * right / drawn.length >= data.passMark;
      var saved = load();
      if (saved.final.score === undefined || percent >= saved.final.score) {
        saved.final = {score: percent, passed: passed, date: new Date().toISOString().slice(0, 10), version: course.version};
        save(saved);
      }
      result.textContent = "";
      var summary = document.createElement("p");
      summary.className = "cb-assessment__summary";
      summary.textContent = format(s.result, {right: right, total: drawn.length, percent: percent, pass_mark: data.passMark}) + " " + (passed ? s.passed : s.not_passed);
      result.appendChild(summary);
      var heading = document.createElement("h2");
      heading.textContent = s.by_module;
      result.appendChild(heading);
      var table = document.createElement("ul");
      pageData.modules.forEach(function (m) {
        if (!perModule[m.id]) return;
        var li = document.createElement("li");
        li.textContent = m.title + ": " + perModule[m.id].right + " / " + perModule[m.id].total;
        table.appendChild(li);
      });
      result.appendChild(table);
      if (missed.length) {
        var review = document.createElement("p");
        review.textContent = s.review;
        result.appendChild(review);
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
        result.appendChild(ul);
      }
      if (passed) {
        var cert = document.createElement("p");
        var link = document.createElement("a");
        link.href = new URL("certificate.html", window.__md_scope || location.href).href;
        link.textContent = s.certificate;
        cert.appendChild(link);
        result.appendChild(cert);
      }
      result.focus();
    });
  }

  // --- Certificate ------------------------------------------------------------------------
  function setupCertificate(root) {
    var final = load().final;
    if (!final.passed) return;
    root.querySelector(".cb-certificate__none").hidden = true;
    root.querySelector(".cb-certificate__ready").hidden = false;
    var sheet = root.querySelector(".cb-certificate__sheet");
    sheet.hidden = false;
    sheet.querySelector(".cb-certificate__details").textContent = format(s.certificate_details, {version: final.version || course.version, date: final.date, score: final.score});
    var input = root.querySelector("#cb-name");
    var name = sheet.querySelector(".cb-certificate__name");
    input.addEventListener("input", function () { name.textContent = input.value; });  // never stored
    root.querySelector('button[data-action="print"]').addEventListener("click", function () { window.print(); });
  }

  var pageData = {modules: []};

  function setup() {
    var dataEl = document.querySelector("script.cb-journey__data");
    if (!dataEl) return;
    try { pageData = JSON.parse(dataEl.textContent)[0]; } catch (e) { return; }
    s = pageData.strings;
    pageData.modules.forEach(function (m) { questions[m.id] = m.questions; });
    Array.prototype.forEach.call(document.querySelectorAll(".cb-progress:not([data-enhanced])"), function (root) { root.setAttribute("data-enhanced", "true"); setupProgress(root); });
    Array.prototype.forEach.call(document.querySelectorAll(".cb-assessment:not([data-enhanced])"), function (root) { root.setAttribute("data-enhanced", "true"); setupAssessment(root); });
    Array.prototype.forEach.call(document.querySelectorAll(".cb-certificate:not([data-enhanced])"), function (root) { root.setAttribute("data-enhanced", "true"); setupCertificate(root); });
  }

  setup();
});
