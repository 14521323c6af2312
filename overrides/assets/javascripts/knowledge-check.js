// Self-check: the module page's knowledge check, answered on screen one question at a time.
// The questions, answers, explanations, citations and every word shown come from the page itself
// (<script type="application/json" class="kc-data">, written by scripts/curriculum/kit/render.py):
// nothing is fetched, so it works in an offline copy opened from file://. Answers are kept in
// localStorage on this device only; nothing is sent anywhere. Without JavaScript the printed list
// and the trainer-only answer key stay as they are; print shows the list, not this form.
(function () {
  var PREFIX = "curriculum.self-check.";
  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function save(key, answers) {
    try { localStorage.setItem(key, JSON.stringify(answers)); } catch (e) {}
  }
  function staticOf(script) {
    var part = script.previousElementSibling;
    while (part && !part.classList.contains("kc-static")) part = part.previousElementSibling;
    return part;
  }
  function build(script) {
    var data = JSON.parse(script.textContent), L = data.labels, qs = data.questions;
    var key = PREFIX + data.lang + ".module-" + data.module;
    var answers = load(key);
    var prefix = "kc" + data.module + "-";
    var root = el("section", {"class": "kc-self", "aria-labelledby": prefix + "title"});
    root.appendChild(el("h3", {id: prefix + "title", "class": "kc-self__title"}, L.self_check));
    root.appendChild(el("p", {}, L.self_check_intro));
    var sets = [];
    qs.forEach(function (q, i) {
      var fs = el("fieldset", {"class": "kc-q", id: prefix + q.id});
      var legend = el("legend", {}, "<span class=\"kc-q__number\">" + fill(L.question, {n: i + 1, total: qs.length}) + "</span> "
        + (q.tf ? "<strong>" + L.true_or_false + "</strong> " : "") + q.stem);
      fs.appendChild(legend);
      var radios = [];
      q.options.forEach(function (text, j) {
        var id = prefix + q.id + "-" + j;
        var row = el("div", {"class": "kc-q__option"});
        var input = el("input", {type: "radio", name: prefix + q.id, id: id, value: String(j)});
        row.appendChild(input);
        row.appendChild(el("label", {"for": id}, (q.tf ? "" : "abcde".charAt(j) + ") ") + text));
        fs.appendChild(row);
        radios.push(input);
      });
      var button = el("button", {type: "button", "class": "md-button kc-q__check"}, L.check);
      var feedback = el("div", {"class": "kc-q__feedback", role: "status", "aria-live": "polite", id: prefix + q.id + "-feedback"});
      fs.setAttribute("aria-describedby", feedback.id);
      fs.appendChild(button);
      fs.appendChild(feedback);
      root.appendChild(fs);
      sets.push({q: q, fs: fs, radios: radios, button: button, feedback: feedback});
    });
    var summary = el("div", {"class": "kc-self__summary"});
    var progress = el("p", {"class": "kc-self__progress", role: "status", "aria-live": "polite"});
    var score = el("p", {"class": "kc-self__score", tabindex: "-1"});
    var restart = el("button", {type: "button", "class": "md-button kc-self__restart"}, L.restart);
    summary.appendChild(progress);
    summary.appendChild(score);
    summary.appendChild(restart);
    root.appendChild(summary);

    function answered() { return sets.filter(function (s) { return s.q.id in answers; }).length; }
    function right() { return sets.filter(function (s) { return answers[s.q.id] === s.q.correct; }).length; }
    function showScore(focus) {
      score.textContent = fill(L.score, {right: right(), total: sets.length});
      score.hidden = false;
      if (focus) score.focus();
    }
    function show(s, chosen) {
      var ok = chosen === s.q.correct;
      var fb = s.q.feedback[chosen];
      var html = "<p class=\"kc-q__verdict\"><strong>" + (ok ? L.right : fill(L.wrong, {answer: s.q.answer})) + "</strong>"
        + (fb ? " " + fb : "") + "</p><p>" + s.q.explanation + "</p><p class=\"kc-q__source\">" + L.source + ": " + s.q.citation + "</p>";
      s.feedback.innerHTML = html;
      s.feedback.className = "kc-q__feedback " + (ok ? "kc-q__feedback--right" : "kc-q__feedback--wrong");
      s.radios.forEach(function (r, j) {
        r.checked = j === chosen; r.disabled = true;
        r.parentNode.classList.toggle("kc-q__option--correct", j === s.q.correct);
      });
      var last = sets.indexOf(s) === sets.length - 1;
      s.button.textContent = last || answered() === sets.length ? L.see_score : L.next;
      s.button.setAttribute("data-done", "1");
    }
    function update() {
      progress.textContent = fill(L.progress, {answered: answered(), total: sets.length});
      if (answered() === sets.length) showScore(false); else score.hidden = true;
    }
    sets.forEach(function (s, i) {
      s.button.addEventListener("click", function () {
        if (s.button.getAttribute("data-done")) {  // Next question, or the score after the last
          var next = sets.slice(i + 1).concat(sets.slice(0, i)).filter(function (t) { return !(t.q.id in answers); })[0];
          if (next && i < sets.length - 1) { next.radios[0].focus(); } else if (next) { next.radios[0].focus(); } else { showScore(true); }
          return;
        }
        var chosen = s.radios.map(function (r) { return r.checked; }).indexOf(true);
        if (chosen < 0) {
          s.feedback.className = "kc-q__feedback";
          s.feedback.innerHTML = "<p>" + L.choose_first + "</p>";
          s.radios[0].focus();
          return;
        }
        answers[s.q.id] = chosen;
        save(key, answers);
        show(s, chosen);
        update();
      });
      if (s.q.id in answers && answers[s.q.id] >= 0 && answers[s.q.id] < s.radios.length) show(s, answers[s.q.id]);
    });
    restart.addEventListener("click", function () {
      answers = {};
      try { localStorage.removeItem(key); } catch (e) {}
      sets.forEach(function (s) {
        s.radios.forEach(function (r) { r.checked = false; r.disabled = false; r.parentNode.classList.remove("kc-q__option--correct"); });
        s.feedback.innerHTML = "";
        s.feedback.className = "kc-q__feedback";
        s.button.textContent = L.check;
        s.button.removeAttribute("data-done");
      });
      update();
      sets[0].radios[0].focus();
    });
    update();
    var staticPart = staticOf(script);
    if (staticPart) staticPart.classList.add("kc-static--enhanced");
    script.parentNode.insertBefore(root, script);
  }
  function safeBuild(script) {  // once per self-check: its observer disconnects first
    try { build(script); } catch (e) { if (window.console) console.error(e); }
  }
  // Built when the reader comes within about two screens of it, not at load: on a long module page
  // building it at once was a large part of the main thread's work before the page could respond
  // (issue 18). Until then the printed list of questions is there, as without JavaScript.
  function setup() {
    var scripts = document.querySelectorAll("script.kc-data");
    for (var i = 0; i < scripts.length; i++) {
      var script = scripts[i], anchor = script.parentNode;
      if (!("IntersectionObserver" in window)) { safeBuild(script); continue; }
      (function (script, target) {
        var seen = new IntersectionObserver(function (entries) {
          if (!entries.some(function (e) { return e.isIntersecting; })) return;
          seen.disconnect();
          safeBuild(script);
        }, {rootMargin: "1600px 0px 1600px 0px"});
        seen.observe(target);
      })(script, staticOf(script) || anchor);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
