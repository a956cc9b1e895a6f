/* global cb -- core.js, earlier in course.js */
/* Choice questions (single, multiple, true_false): builder/questions/choice.py and
 * templates/questions/choice.html. The part before the form mark is in every page's course.js
 * (grading); the part after it in journey-pages.js only (the assessment's forms); the part after
 * the LMS mark in the SCORM package's scorm-bridge.js (interactions). */
cb.types.single = cb.types.multiple = cb.types.true_false = {
  // What the trainee answered: {empty: true} or {value: …} (here the chosen option ids).
  answer: function (form) {
    var ids = cb.all(form, "input:checked").map(function (input) { return input.value; });
    return ids.length ? {value: ids} : {empty: true};
  },
  // The same set of options (ids are slugs: no commas).
  isRight: function (q, value) { return value.slice().sort().join() === q.correct.slice().sort().join(); },
  // Not right, but some right option chosen (said for `multiple` only).
  partly: function (q, value) {
    return q.type === "multiple" && value.some(function (v) { return q.correct.indexOf(v) >= 0; });
  },
  prepare: function (form, q) {
    if (q.shuffle) cb.shuffleChildren(form.querySelector(".cb-quiz__options"), ".cb-quiz__option");
  }
};
/* @form */
// As choice.html: the options as radio buttons (checkboxes for `multiple`), and the answer key:
// one right option in the answer line, several as a list.
// (one object for the three types: this builds each of them)
cb.types.single.build = function (q, dom, t, h) {
  var keys = q.options.filter(function (o) { return q.correct.indexOf(o[0]) >= 0; });
  return {
    how: q.type === "multiple" ? t.choose_all : t.choose_one,
    inputs: [h.el("div", {"class": "cb-quiz__options"}, q.options.map(function (o) {
      return h.el("div", {"class": "cb-quiz__option", "data-pin": (q.pinned || []).indexOf(o[0]) >= 0}, [
        h.el("input", {type: q.type === "multiple" ? "checkbox" : "radio", id: dom + "-" + o[0], name: dom.slice(2), value: o[0]}),
        h.el("label", {"for": dom + "-" + o[0]}, [h.html(o[1])])]);
    }))],
    key: keys.length === 1 ? [h.el("p", {"class": "cb-quiz__answer"}, [h.el("strong", {}, [t.answer]), " ", h.html(keys[0][1])])] :
      [h.el("p", {"class": "cb-quiz__answer"}, [h.el("strong", {}, [t.answer])]),
        h.el("ul", {"class": "cb-quiz__answer-list"}, keys.map(function (o) { return h.el("li", {}, [h.html(o[1])]); }))]
  };
};
/* @lms */
// As a SCORM interaction (scorm-bridge.js, in the package's launch page): a choice of option ids,
// or true-false when the options are literally "True" and "False" (`h.truth`: the "True" id).
window.cbLmsTypes = window.cbLmsTypes || {};
window.cbLmsTypes.single = window.cbLmsTypes.multiple = window.cbLmsTypes.true_false = function (q, value, h) {
  if (q.type === "true_false" && h.truth) {
    var tf = function (id) { return h.record.truth[id === h.truth ? 0 : 1]; };
    return {type: "true-false", response: value && tf(value[0]), patterns: [tf(q.correct[0])]};
  }
  return {type: "choice", response: value && h.fit(value), patterns: [h.fit(q.correct)]};
};
