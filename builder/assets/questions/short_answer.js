/* global cb -- core.js, earlier in course.js */
/* Short answer: builder/questions/short_answer.py and templates/questions/short_answer.html
 * (grading in course.js; after the form mark, the assessment's form in journey-pages.js; after
 * the LMS mark, its SCORM interaction in scorm-bridge.js). */
// As short_answer.py normalize_answer, step for step (tests/vectors/normalize.json tests both):
// NFKC, lower, upper and lower case again, runs of the same white space class as one space, trimmed.
cb.types.short_answer = {
  normalize: function (text) {
    // eslint-disable-next-line no-control-regex -- U+001C-001F are white space to Python's str.split
    return String(text).normalize("NFKC").toLowerCase().toUpperCase().toLowerCase().replace(/[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, " ").replace(/^ | $/g, "");
  },
  // What was typed, normalised.
  answer: function (form) {
    var typed = this.normalize(form.querySelector("input[type=text]").value);
    return typed ? {value: typed} : {empty: true};
  },
  isRight: function (q, value) { return q.accepted.map(this.normalize).indexOf(value) >= 0; },
  empty: "empty_short"
};
/* @form */
// As short_answer.html: a text box; the accepted answers as the key.
cb.types.short_answer.build = function (q, dom, t, h) {
  var accepted = [];
  q.acceptedHtml.forEach(function (a, i) { if (i) accepted.push("; "); accepted.push(h.html(a)); });
  return {
    how: t.how_short,
    inputs: [h.el("p", {"class": "cb-quiz__how cb-quiz__how--print"}, [t.print_how_short_answer]),
      h.el("div", {"class": "cb-quiz__short"}, [h.el("label", {"for": dom + "-answer"}, [t.your_answer]), " ",
      h.el("input", {type: "text", id: dom + "-answer", name: "answer", autocomplete: "off", spellcheck: "false"})])],
    key: [h.el("p", {"class": "cb-quiz__answer"}, [h.el("strong", {}, [t.answer]), " "].concat(accepted))]
  };
};
/* @lms */
// As a SCORM interaction (scorm-bridge.js): fill-in. Each accepted answer is a correct response
// (at most 10); the response is as compared: NFKC, case-folded, spaces collapsed.
window.cbLmsTypes = window.cbLmsTypes || {};
window.cbLmsTypes.short_answer = function (q, value, h) {
  return {type: "fill-in", response: value === null ? null : h.record.text(value), patterns: q.accepted.slice(0, 10).map(h.record.text)};
};
