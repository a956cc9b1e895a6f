/* Self-check quizzes: enhances the server-rendered forms of builder/templates/quiz.html.
 * No dependencies, no network, no inline handlers. Data comes from the quiz's
 * <script type="application/json"> block, read with textContent; the strings from cb.course. Each question type reads,
 * grades and explains its answers in questions/<type>.js (cb.types); this is what they share. */
(function (cb) {
  "use strict";
  var element = cb.element, format = cb.format;

  function announce(region, nodes) {
    // Empty the live region first so the same result is announced again on a retry.
    region.textContent = "";
    window.setTimeout(function () {
      nodes.forEach(function (node) { region.appendChild(node); });
    }, 50);
  }

  // What a checked question tells the trainee, on a module page after Check and in the final
  // assessment after Submit: the verdict in words and an icon, feedback on each chosen option,
  // which pairs, positions or typed answer are wrong, the answer when wrong, the explanation.
  function feedback(form, question, answer, right, s) {
    var type = cb.types[question.type];
    var key = form.querySelector(".cb-quiz__key");
    var chosen = answer.value;
    var verdict = element("p", "cb-quiz__verdict");
    var icon = element("span", "cb-quiz__icon", right ? "\u2713" : "\u2717");
    icon.setAttribute("aria-hidden", "true");
    verdict.appendChild(icon);
    var partly = !right && chosen && type.partly && type.partly(question, chosen);
    verdict.appendChild(document.createTextNode(right ? s.correct : (partly ? s.partly : s.incorrect)));
    var nodes = [verdict];
    (Array.isArray(chosen) ? chosen : []).forEach(function (id) {
      var item = key.querySelector('li[data-option="' + id + '"]');
      if (item) {
        var p = element("p", "cb-quiz__option-feedback");
        p.innerHTML = item.innerHTML;  // server-rendered, escaped at build time
        nodes.push(p);
      }
    });
    var wrong = !right && type.wrong && type.wrong(form, question);
    if (wrong && wrong.list.firstChild) nodes.push(element("p", "", s[wrong.label]), wrong.list);
    cb.all(key, (right ? "" : ".cb-quiz__answer, .cb-quiz__answer-list, ") + ".cb-quiz__explanation").forEach(function (n) {
      nodes.push(n.cloneNode(true));
    });
    return nodes;
  }

  // What the final assessment (journey-pages.js) uses too. A question's type (cb.types) reads
  // and grades its answer: `answer(form, q)` and `isRight(q, value)`.
  cb.quiz = {
    // What every question form needs, in a quiz or in the final assessment: shuffling, buttons.
    prepareForm: function (form, question, strings) {
      var type = cb.types[question.type];
      if (type.prepare) type.prepare(form, question, strings);
    },
    feedback: feedback
  };

  function setupQuiz(section) {
    if (section.classList.contains("cb-quiz--enhanced")) return;
    var data = cb.data(section);
    if (!data) return;
    section.classList.add("cb-quiz--enhanced");
    var s = cb.course.strings;  // course-data.js
    var results = {};
    var score = section.querySelector(".cb-quiz__score");
    var controls = section.querySelector("template.cb-quiz__controls");

    // The score of this visit's answers against the pass mark, and the best score saved (from
    // this visit or an earlier one), stated once: a module passed earlier is never "not passed
    // yet" because of a few answers checked again.
    var progress = cb.progress;
    var best = progress && progress.best(data.module);
    var passMark = progress.passMark(data.module);  // journey.js: from course-data.js, cached with course.js
    function updateScore() {
      var total = data.questions.length;
      var right = data.questions.filter(function (q) { return results[q.id]; }).length;
      var percent = Math.floor(100 * right / total);
      var passed = percent >= passMark;
      var saved = format(best >= passMark ? s.best_passed : s.best_not_passed, {best: best});
      score.hidden = false;
      score.textContent = Object.keys(results).length ? format(total === 1 ? s.score_one : s.score, {
        right: right, total: total, percent: percent, pass_mark: passMark
      }) + (passed ? " " + s.passed : "") + (best > percent ? " " + saved : passed ? "" : " " + s.not_passed) : saved + " " + s.practise;
      score.classList.toggle("cb-quiz__score--passed", passed || best >= passMark);
    }
    if (best !== undefined) updateScore();

    data.questions.forEach(function (question) {
      var type = cb.types[question.type];
      var form = section.querySelector('form[data-question="' + question.id + '"]');
      if (!form) return;
      var key = form.querySelector(".cb-quiz__key");
      form.insertBefore(controls.content.cloneNode(true), key);
      var region = form.querySelector(".cb-quiz__result");
      // The instructor edition keeps the answer keys on screen.
      key.hidden = !section.classList.contains("cb-quiz--instructor");
      cb.quiz.prepareForm(form, question, s);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var answer = type.answer(form, question);
        if (answer.empty) {
          form.removeAttribute("data-result");
          announce(region, [element("p", "cb-quiz__verdict", s[type.empty || "empty"])]);
          return;
        }
        var chosen = answer.value;
        var right = type.isRight(question, chosen);
        results[question.id] = right;
        form.setAttribute("data-result", right ? "right" : "wrong");
        announce(region, feedback(form, question, answer, right, s));
        if (progress) best = progress.record(data.module, question.id, right, data.questions.map(function (q) { return q.id; }));
        updateScore();
        if (progress) progress.interaction(data.module, question, chosen, right);
      });
    });
  }

  cb.everyPage(function () {
    cb.all(document, "section.cb-quiz").forEach(setupQuiz);
  });
})(window.cb);
