/* Self-check quizzes: enhances the server-rendered forms of builder/templates/quiz.html.
 * No dependencies, no network, no inline handlers. Data comes from the quiz's
 * <script type="application/json"> block, read with textContent. */
(function () {
  "use strict";

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    var sorted = b.slice().sort();
    return a.slice().sort().every(function (v, i) { return v === sorted[i]; });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  // As builder/models.py normalize_answer, step for step (tests/vectors/normalize.json tests both):
  // NFKC, lower, upper and lower case again, runs of the same white space class as one space, trimmed.
  // eslint-disable-next-line no-control-regex -- U+001C-001F are white space to Python's str.split
  var SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase().toUpperCase().toLowerCase().replace(SPACE, " ").replace(/^ | $/g, "");
  }

  function shuffleInPlace(parent, selector) {
    // Fisher-Yates over the movable children; pinned ones ([data-pin]) keep their place.
    var all = Array.prototype.slice.call(parent.querySelectorAll(selector));
    var movable = all.filter(function (el) { return !el.hasAttribute("data-pin"); });
    for (var i = movable.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = movable[i]; movable[i] = movable[j]; movable[j] = swap;
    }
    var next = 0;
    var order = all.map(function (el) { return el.hasAttribute("data-pin") ? el : movable[next++]; });
    order.forEach(function (el) { parent.appendChild(el); });
  }

  // What the trainee answered: {empty: true} or {value: …}, by question type.
  function answerOf(form, question) {
    var type = question.type;
    if (type === "matching") {
      var chosen = {};
      var selects = form.querySelectorAll("select");
      var empty = false;
      Array.prototype.forEach.call(selects, function (select) {
        chosen[select.name] = select.value;
        if (!select.value) empty = true;
      });
      return empty ? {empty: true} : {value: chosen};
    }
    if (type === "ordering") {
      return {value: Array.prototype.map.call(
        form.querySelectorAll(".cb-quiz__item"), function (li) { return li.getAttribute("data-item"); })};
    }
    if (type === "short_answer") {
      var typed = normalize(form.querySelector("input[type=text]").value);
      return typed ? {value: typed} : {empty: true};
    }
    var ids = Array.prototype.map.call(
      form.querySelectorAll("input:checked"), function (input) { return input.value; });
    return ids.length ? {value: ids} : {empty: true};
  }

  function isRight(question, value) {
    if (question.type === "matching") {
      return Object.keys(question.answer).every(function (k) { return value[k] === question.answer[k]; });
    }
    if (question.type === "ordering") {
      return value.join("|") === question.answer.join("|");
    }
    if (question.type === "short_answer") {
      return question.accepted.map(normalize).indexOf(value) >= 0;
    }
    return sameSet(value, question.correct);
  }

  function setupOrdering(form, strings) {
    var list = form.querySelector(".cb-quiz__order");
    var status = form.querySelector(".cb-quiz__moved");
    Array.prototype.forEach.call(form.querySelectorAll(".cb-quiz__moves"), function (m) { m.hidden = false; });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-move]");
      if (!button) return;
      var item = button.closest(".cb-quiz__item");
      var up = button.getAttribute("data-move") === "up";
      var sibling = up ? item.previousElementSibling : item.nextElementSibling;
      if (!sibling) return;
      list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
      // Moving the node loses focus: keep it on the button pressed or, at the top or the bottom,
      // where that button is no longer offered (course.css), on the item's other one.
      var edge = !(up ? item.previousElementSibling : item.nextElementSibling);
      item.querySelector('[data-move="' + (up !== edge ? "up" : "down") + '"]').focus();
      var items = Array.prototype.slice.call(list.children);
      status.textContent = format(strings.moved, {
        item: item.querySelector(".cb-quiz__item-text").textContent,
        position: items.indexOf(item) + 1, total: items.length
      });
    });
  }

  function announce(region, nodes) {
    // Empty the live region first so the same result is announced again on a retry.
    region.textContent = "";
    window.setTimeout(function () {
      nodes.forEach(function (node) { region.appendChild(node); });
    }, 50);
  }

  // What every question form needs, in a quiz or in the final assessment: shuffling and the
  // ordering buttons.
  function prepareForm(form, question, strings) {
    if (question.shuffle) {
      var options = form.querySelector(".cb-quiz__options");
      if (options) shuffleInPlace(options, ".cb-quiz__option");
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
        shuffleInPlace(select, "option:not([value=''])");
      });
    }
    if (question.type === "ordering") setupOrdering(form, strings);
  }

  function text(node) { return node.textContent.trim(); }

  // What a checked question tells the trainee, on a module page after Check and in the final
  // assessment after Submit: the verdict in words and an icon, feedback on each chosen option,
  // which pairs, positions or typed answer are wrong, the answer when wrong, the explanation.
  function feedback(form, question, answer, right, s) {
    var key = form.querySelector(".cb-quiz__key");
    var chosen = answer.value;
    var verdict = element("p", "cb-quiz__verdict");
    var icon = element("span", "cb-quiz__icon", right ? "\u2713" : "\u2717");
    icon.setAttribute("aria-hidden", "true");
    verdict.appendChild(icon);
    var partly = !right && question.type === "multiple" && chosen &&
      chosen.some(function (v) { return question.correct.indexOf(v) >= 0; });
    verdict.appendChild(document.createTextNode(right ? s.correct : (partly ? s.partly : s.incorrect)));
    var nodes = [verdict];
    var picked = Array.isArray(chosen) && question.correct ? chosen : [];
    picked.forEach(function (id) {
      var item = key.querySelector('li[data-option="' + id + '"]');
      if (item) {
        var p = element("p", "cb-quiz__option-feedback");
        p.innerHTML = item.innerHTML;  // server-rendered, escaped at build time
        nodes.push(p);
      }
    });
    if (!right) {
      // Which pairs (as chosen) or items (numbered where they are now) are wrong; then the answer.
      var ordering = question.type === "ordering";
      var wrong = element(ordering ? "ol" : "ul", "cb-quiz__wrong");
      Array.prototype.forEach.call(form.querySelectorAll(".cb-quiz__item, select"), function (el, i) {
        if (ordering ? question.answer[i] !== el.getAttribute("data-item") : el.value && el.value !== question.answer[el.name]) {
          var li = wrong.appendChild(element("li", "", ordering ? text(el.querySelector(".cb-quiz__item-text")) : text(el.labels[0]) + " — " + text(el.selectedOptions[0])));
          if (ordering) li.value = i + 1;
        }
      });
      if (wrong.firstChild) nodes.push(element("p", "", ordering ? s.wrong_places : s.wrong_pairs), wrong);
    }
    Array.prototype.forEach.call(key.querySelectorAll((right ? "" : ".cb-quiz__answer, .cb-quiz__answer-list, ") + ".cb-quiz__explanation"), function (n) {
      nodes.push(n.cloneNode(true));
    });
    return nodes;
  }

  window.cbQuiz = {answerOf: answerOf, isRight: isRight, prepareForm: prepareForm, feedback: feedback, normalize: normalize};

  function setupQuiz(section) {
    if (section.getAttribute("data-enhanced")) return;
    // Any <script>: Material's instant navigation re-creates it without its type and class.
    var dataEl = section.querySelector("script");
    if (!dataEl) return;
    var data;
    try { data = JSON.parse(dataEl.textContent)[0]; } catch (e) { return; }
    section.setAttribute("data-enhanced", "true");
    section.classList.add("cb-quiz--enhanced");
    var s = data.strings;
    var results = {};
    var score = section.querySelector(".cb-quiz__score");
    var controls = section.querySelector("template.cb-quiz__controls");

    // The score of this visit's answers against the pass mark, and the best score saved (from
    // this visit or an earlier one), stated once: a module passed earlier is never "not passed
    // yet" because of a few answers checked again.
    var progress = window.cbProgress;
    var best = progress && progress.best(data.module);
    function updateScore() {
      var total = data.questions.length;
      var right = data.questions.filter(function (q) { return results[q.id]; }).length;
      var percent = Math.floor(100 * right / total);
      var passed = percent >= data.passMark;
      var saved = format(best >= data.passMark ? s.best_passed : s.best_not_passed, {best: best});
      score.hidden = false;
      score.textContent = Object.keys(results).length ? format(total === 1 ? s.score_one : s.score, {
        right: right, total: total, percent: percent, pass_mark: data.passMark
      }) + (passed ? " " + s.passed : "") + (best > percent ? " " + saved : passed ? "" : " " + s.not_passed) : saved + " " + s.practise;
      score.classList.toggle("cb-quiz__score--passed", passed || best >= data.passMark);
    }
    if (best !== undefined) updateScore();

    data.questions.forEach(function (question) {
      var form = section.querySelector('form[data-question="' + question.id + '"]');
      if (!form) return;
      var key = form.querySelector(".cb-quiz__key");
      form.insertBefore(controls.content.cloneNode(true), key);
      var region = form.querySelector(".cb-quiz__result");
      // The instructor edition keeps the answer keys on screen.
      key.hidden = !section.classList.contains("cb-quiz--instructor");
      prepareForm(form, question, s);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var answer = answerOf(form, question);
        if (answer.empty) {
          form.removeAttribute("data-result");
          var hint = question.type === "matching" ? s.empty_matching : question.type === "short_answer" ? s.empty_short : s.empty;
          announce(region, [element("p", "cb-quiz__verdict", hint)]);
          return;
        }
        var chosen = answer.value;
        var right = isRight(question, chosen);
        results[question.id] = right;
        form.setAttribute("data-result", right ? "right" : "wrong");
        announce(region, feedback(form, question, answer, right, s));
        if (progress) best = progress.record(data.module, question.id, right, data.questions.map(function (q) { return q.id; }));
        updateScore();
        if (progress) progress.interaction(data.module, question, chosen, right);
      });
    });
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("section.cb-quiz"), setupQuiz);
  }

  // Material's instant navigation swaps pages without reloading: document$ emits on each page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
