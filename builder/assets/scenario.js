/* Branching scenarios: enhances the server-rendered steps of builder/templates/scenario.html.
 * Loaded only by scenario pages (scenario.md), not by every page's course.js. No dependencies,
 * no network, no inline handlers. */
// The page's own script, loaded with `defer`: it runs once the page is parsed, after course.js
// (cb.element, core.js), and again after Material's instant navigation (which re-runs page
// scripts), when the step sections carry data-enhanced.
(function (cb) {
  "use strict";
  var element = cb.element;

  // Branching scenarios: one step at a time; a choice shows where it led and why, and focus
  // moves to the new step's heading. Without JavaScript every step stays on the page.
  function setupScenario(root) {
    if (root.getAttribute("data-enhanced")) return;
    root.setAttribute("data-enhanced", "true");
    var steps = cb.all(root, ".cb-scenario__step");
    var label = root.getAttribute("data-you-chose") || "";
    // `id` is a step's or an end's id, or "" for every end (the debrief, the way out).
    function show(id, chosen, feedback) {
      var focused = false;
      steps.forEach(function (step) {
        var here = id ? step.getAttribute("data-step") === id : step.classList.contains("cb-scenario__end");
        step.hidden = !here;
        var box = step.querySelector(".cb-scenario__feedback");
        box.textContent = "";
        if (here && chosen) {
          var p = element("p", "cb-scenario__chosen");
          p.appendChild(element("strong", "", label + " "));
          p.appendChild(document.createTextNode(chosen));
          box.appendChild(p);
          box.appendChild(feedback);
        }
        if (here && !focused) {
          step.querySelector(".cb-scenario__title").focus();
          focused = true;
        }
      });
    }
    steps.forEach(function (step) {
      cb.all(step, "details.cb-scenario__choice").forEach(function (details) {
        var button = element("button", "cb-scenario__option md-button");
        button.type = "button";
        button.innerHTML = details.querySelector("summary").innerHTML;  // built and escaped at build time
        var feedback = details.querySelector(".cb-scenario__choice-feedback");
        button.addEventListener("click", function () {
          show(details.getAttribute("data-goto"), button.textContent, feedback.cloneNode(true));
        });
        details.parentNode.replaceChild(button, details);
      });
      var restart = step.querySelector(".cb-scenario__restart");
      if (restart) {
        restart.addEventListener("click", function (event) {
          event.preventDefault();
          show(root.getAttribute("data-start"));
        });
      }
    });
    steps.forEach(function (step) { step.hidden = step.getAttribute("data-step") !== root.getAttribute("data-start"); });
    // The content note's "Debrief" link (outside the scenario) points at a hidden end: show the ends.
    cb.all(document, ".cb-note--content a[href^='#end-']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show("");
      });
    });
  }

  cb.all(document, "section.cb-scenario").forEach(setupScenario);
})(window.cb);
