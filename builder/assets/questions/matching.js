/* global cb -- core.js, earlier in course.js */
/* Matching: builder/questions/matching.py and templates/questions/matching.html (grading in
 * course.js; after the form mark, the assessment's form in journey-pages.js; after the LMS
 * mark, its SCORM interaction in scorm-bridge.js). */
cb.types.matching = {
  // The chosen right side of each left side ({l1: "r2", …}); empty unless every one is chosen
  // (`some`: at least one is).
  answer: function (form) {
    var chosen = {}, empty = false, some = false;
    cb.all(form, "select").forEach(function (select) {
      chosen[select.name] = select.value;
      if (select.value) some = true; else empty = true;
    });
    return empty ? {empty: true, some: some} : {value: chosen};
  },
  isRight: function (q, value) {
    return Object.keys(q.answer).every(function (k) { return value[k] === q.answer[k]; });
  },
  empty: "empty_matching",
  prepare: function (form, q) {
    if (!q.shuffle) return;
    cb.all(form, "select").forEach(function (select) {
      cb.shuffleChildren(select, "option:not([value=''])");
    });
  },
  // The pairs chosen wrongly, as chosen.
  wrong: function (form, q) {
    var list = cb.element("ul", "cb-quiz__wrong");
    cb.all(form, "select").forEach(function (select) {
      if (select.value && select.value !== q.answer[select.name]) {
        list.appendChild(cb.element("li", "", select.labels[0].textContent.trim() + " — " + select.selectedOptions[0].textContent.trim()));
      }
    });
    return {list: list, label: "wrong_pairs"};
  }
};
/* @form */
// As matching.html: a menu of right sides (in the order `shown`) for each left side.
cb.types.matching.build = function (q, dom, t, h) {
  return {
    how: t.how_matching,
    inputs: [h.el("p", {"class": "cb-quiz__how cb-quiz__how--print"}, [t.print_how_matching]),
      h.el("div", {"class": "cb-quiz__pairs"}, q.left.map(function (left, i) {
      var id = "l" + (i + 1);
      var choices = [h.el("option", {value: ""}, [t.choose])].concat(q.shown.map(function (r) {
        return h.el("option", {value: r}, [h.html(q.right[+r.slice(1) - 1])]);
      }));
      return h.el("div", {"class": "cb-quiz__pair"}, [h.el("label", {"for": dom + "-" + id}, [h.html(left)]), h.el("select", {id: dom + "-" + id, name: id}, choices)]);
    })),
    // On paper: the right sides lettered, to write beside the left ones (print.css).
    h.el("ol", {"class": "cb-quiz__choices", type: "A"}, q.shown.map(function (r) { return h.el("li", {}, [h.html(q.right[+r.slice(1) - 1])]); }))],
    key: [h.el("p", {"class": "cb-quiz__answer"}, [h.el("strong", {}, [t.answer])]),
      h.el("ul", {"class": "cb-quiz__answer-list"}, q.left.map(function (left, i) { return h.el("li", {}, [h.html(left), " — ", h.html(q.right[i])]); }))]
  };
};
/* @lms */
// As a SCORM interaction (scorm-bridge.js): matching, "l1.r2" pairs (2004: "l1[.]r2").
window.cbLmsTypes = window.cbLmsTypes || {};
window.cbLmsTypes.matching = function (q, value, h) {
  var lefts = Object.keys(q.answer);
  var pairs = function (map) { return h.fit(lefts.map(function (left) { return left + h.record.pair + map[left]; })); };
  return {type: "matching", response: value && pairs(value), patterns: [pairs(q.answer)]};
};
