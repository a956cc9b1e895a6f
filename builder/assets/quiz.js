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

  function announce(region, nodes) {
    // Empty the live region first so the same result is announced again on a retry.
    region.textContent = "";
    window.setTimeout(function () {
      nodes.forEach(function (node) { region.appendChild(node); });
    }, 50);
  }

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

    function updateScore() {
      var total = data.questions.length;
      var right = data.questions.filter(function (q) { return results[q.id]; }).length;
      var percent = 100 * right / total;
      score.hidden = false;
      score.textContent = format(s.score, {
        right: right, total: total, percent: Math.floor(percent), pass_mark: data.passMark
      }) + " " + (percent >= data.passMark ? s.passed : s.not_passed);
      score.classList.toggle("cb-quiz__score--passed", percent >= data.passMark);
    }

    data.questions.forEach(function (question) {
      var form = section.querySelector('form[data-question="' + question.id + '"]');
      if (!form) return;
      var button = form.querySelector(".cb-quiz__check");
      var region = form.querySelector(".cb-quiz__result");
      var key = form.querySelector(".cb-quiz__key");
      button.hidden = false;
      key.hidden = true;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = Array.prototype.map.call(
          form.querySelectorAll("input:checked"), function (input) { return input.value; });
        if (!chosen.length) {
          form.removeAttribute("data-result");
          announce(region, [element("p", "cb-quiz__verdict", s.empty)]);
          return;
        }
        var right = sameSet(chosen, question.correct);
        results[question.id] = right;
        form.setAttribute("data-result", right ? "right" : "wrong");
        var verdict = element("p", "cb-quiz__verdict");
        var icon = element("span", "cb-quiz__icon", right ? "\u2713" : "\u2717");
        icon.setAttribute("aria-hidden", "true");
        verdict.appendChild(icon);
        var partly = !right && question.type === "multiple" &&
          chosen.some(function (v) { return question.correct.indexOf(v) >= 0; });
        verdict.appendChild(document.createTextNode(right ? s.correct : (partly ? s.partly : s.incorrect)));
        var nodes = [verdict];
        chosen.forEach(function (id) {
          var item = key.querySelector('li[data-option="' + id + '"]');
          if (item) {
            var p = element("p", "cb-quiz__option-feedback");
            p.innerHTML = item.innerHTML;  // server-rendered, escaped at build time
            nodes.push(p);
          }
        });
        var explanation = key.querySelector(".cb-quiz__explanation");
        if (explanation) nodes.push(explanation.cloneNode(true));
        announce(region, nodes);
        updateScore();
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
