// Lighthouse and pa11y, the independent checkers of issue 18, over the pages a trainee meets, in
// one Debian chromium (never a downloaded one) and one Lighthouse user flow.
//
//   node scripts/independent-checkers.mjs BASE_URL OUT.json [--performance] [--only=lighthouse|pa11y]
//
// BASE_URL serves a built site (ending in /). Writes {lighthouse: {state: {category: score, failed:
// [audit ids]}}, pa11y: {state: [issues]}, seconds: {...}}. The states: the pages as first
// loaded, plus the final assessment after every drawn question is answered right and submitted,
// and the certificate that result links to. --performance adds Lighthouse's performance category
// (for the benchmark report; its score on a shared machine is a measurement, not a test).
import { readFileSync, writeFileSync } from "node:fs";
import { startFlow } from "lighthouse";
import pa11y from "pa11y";
import puppeteer from "puppeteer-core";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--no-first-run",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];
export const PAGES = {
  home: "index.html",
  module: "modules/indicators.html",
  progress: "progress.html",
  assessment: "assessment.html",
  certificate: null, // the link the submitted assessment gives
  scenario: "scenarios/first-interview.html",
  glossary: "glossary.html",
};

const [base, out, ...options] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node scripts/independent-checkers.mjs BASE_URL OUT.json [--performance] [--only=lighthouse|pa11y]");
  process.exit(2);
}
const performance = options.includes("--performance");
const EXCEPTIONS = JSON.parse(readFileSync(new URL("../tests/browser/checker_exceptions.json", import.meta.url), "utf8"))
  .exceptions.filter((e) => e.checker === "pa11y");
const only = (options.find((o) => o.startsWith("--only=")) || "").slice("--only=".length);

/** Start the assessment, answer every drawn question right (as tests/browser/browser_support.py
 * solve() does), submit; resolves to the certificate link's href. Runs in the page. */
function passAssessment() {
  const byText = (text) => Array.from(document.querySelectorAll("button")).find((b) => b.textContent.trim() === text);
  byText("Start the assessment").click();
  const pool = JSON.parse(document.querySelector("script.cb-assessment__data").textContent)[0];
  const questions = new Map(pool.questions.map((q) => [`a-q-${q.module}-${q.id}`, q]));
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  for (const form of document.querySelectorAll(".cb-assessment__questions form")) {
    const q = questions.get(form.id);
    if (["single", "multiple", "true_false"].includes(q.type)) {
      for (const box of form.querySelectorAll("input")) {
        if (box.checked !== q.correct.includes(box.value)) box.click();
      }
    } else if (q.type === "matching") {
      for (const [left, target] of Object.entries(q.answer)) {
        const select = form.querySelector(`select[name="${left}"]`);
        select.value = target;
        fire(select, "change");
      }
    } else if (q.type === "ordering") {
      q.answer.forEach((item, position) => {
        const order = () => Array.from(form.querySelectorAll(".cb-quiz__item"), (li) => li.dataset.item);
        while (order().indexOf(item) > position) {
          form.querySelector(`.cb-quiz__item[data-item="${item}"] [data-move="up"]`).click();
        }
      });
    } else {
      const input = form.querySelector('input[type="text"]');
      input.value = q.accepted[0];
      fire(input, "input");
      fire(input, "change");
    }
  }
  byText("Submit my answers").click();
  const link = Array.from(document.querySelectorAll(".cb-assessment__result a")).find((a) => a.textContent.includes("certificate"));
  if (!link) throw new Error(`no certificate link after submitting: ${document.querySelector(".cb-assessment__result")?.textContent}`);
  return link.href;
}

function summary(lhr) {
  const categories = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    categories[id] = category.score;
    categories[`${id}-failed`] = category.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => ({ id: ref.id, title: lhr.audits[ref.id].title, items: (lhr.audits[ref.id].details?.items || []).slice(0, 5).map((i) => i.node?.selector || i.source?.url || i.url || i.description || "") }));
  }
  if (lhr.audits["interactive"]) {
    for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "interactive", "speed-index", "cumulative-layout-shift", "total-byte-weight"]) {
      categories[id] = lhr.audits[id]?.numericValue;
    }
  }
  categories.mode = lhr.gatherMode;
  return categories;
}

async function lighthouse(browser, seconds) {
  const started = Date.now();
  const page = await browser.newPage();
  const categories = ["accessibility", "best-practices", ...(performance ? ["performance"] : [])];
  const flow = await startFlow(page, {
    name: "course pages",
    config: { extends: "lighthouse:default", settings: { onlyCategories: categories } },
  });
  const steps = [];
  for (const [state, path] of Object.entries(PAGES)) {
    if (state === "certificate") continue;
    await flow.navigate(base + path, { name: state });
    steps.push(state);
    if (state === "assessment") {
      const certificate = await page.evaluate(passAssessment);
      await page.waitForSelector(".cb-assessment__result");
      await flow.snapshot({ name: "assessment-submitted" });
      steps.push("assessment-submitted");
      await flow.navigate(certificate, { name: "certificate" });
      steps.push("certificate");
    }
  }
  const result = await flow.createFlowResult();
  seconds.lighthouse = (Date.now() - started) / 1000;
  await page.close();
  return Object.fromEntries(result.steps.map((step, i) => [steps[i], summary(step.lhr)]));
}

/** pa11y's issues, each with the documented exception it falls under (its selector matches the
 * reported element in the page as checked), or null. */
async function checked(page, url, settings) {
  const { issues } = await pa11y(url, { ...settings, page });
  for (const issue of issues) {
    const selectors = EXCEPTIONS.filter((e) => e.rule === issue.code).map((e) => e.selector);
    const match = await page.evaluate((selector, list) => {
      const element = document.querySelector(selector);
      return element ? list.findIndex((s) => element.matches(s)) : -1;
    }, issue.selector, selectors);
    issue.exception = match < 0 ? null : selectors[match];
  }
  return issues;
}

async function runPa11y(browser, seconds) {
  const started = Date.now();
  const results = {};
  const settings = { browser, runners: ["htmlcs"], standard: "WCAG2AA", includeWarnings: false, timeout: 60000 };
  for (const [state, path] of Object.entries(PAGES)) {
    if (state === "certificate") continue;
    const page = await browser.newPage();
    results[state] = await checked(page, base + path, settings);
    if (state === "assessment") {
      const certificate = await page.evaluate(passAssessment);
      await page.waitForSelector(".cb-assessment__result");
      results["assessment-submitted"] = await checked(page, page.url(), { ...settings, ignoreUrl: true });
      results.certificate = await checked(page, certificate, settings);
    }
    await page.close();
  }
  seconds.pa11y = (Date.now() - started) / 1000;
  return results;
}

const seconds = {};
const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const report = { seconds };
try {
  if (only !== "pa11y") report.lighthouse = await lighthouse(browser, seconds);
  if (only !== "lighthouse") report.pa11y = await runPa11y(browser, seconds);
} finally {
  await browser.close();
}
writeFileSync(out, JSON.stringify(report, null, 1));
