// Participant view: hide trainer notes and answer keys on screen and in print.
// Shown only on pages that have trainer-only blocks; the choice is remembered per browser.
// ?view=participant or ?view=trainer in the address chooses it too (the inline script in
// overrides/main.html applies it before the first paint; this file adds the buttons).
(function () {
  var KEY = "curriculum.participant-view";
  var LABELS = {
    es: ["Vista de participantes: ocultar notas para facilitación", "Mostrar notas para facilitación", "Imprimir material para participantes"],
    en: ["Participant view: hide trainer notes", "Show trainer notes", "Print participant handout"]
  };
  function fromAddress() {
    try { var v = new URLSearchParams(location.search).get("view"); } catch (e) { return null; }
    return v === "participant" ? true : v === "trainer" ? false : null;
  }
  function stored() {
    var chosen = fromAddress();
    if (chosen !== null) return chosen;
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function store(on) { try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) {} }
  function labels() { return LABELS[document.documentElement.lang] || LABELS.en; }
  function apply(on, button) {
    document.documentElement.classList.toggle("participant-view", on);
    if (button) {
      var label = on ? labels()[1] : labels()[0];
      if (button.textContent !== label) button.textContent = label;  // unchanged: nothing to lay out again
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  // A heading whose section holds nothing but trainer-only blocks (such as "Trainer notes")
  // goes with them: class trainer-only-heading, hidden by the participant view and in print.
  function markSections(content) {
    var heads = content.querySelectorAll("h2, h3, h4, h5, h6");
    for (var i = heads.length - 1; i >= 0; i--) {
      var h = heads[i], level = +h.tagName.charAt(1), any = false, only = true, el = h.nextElementSibling;
      if (h.closest(".trainer-notes-collection")) continue;
      while (el && !(/^H[1-6]$/.test(el.tagName) && +el.tagName.charAt(1) <= level)) {
        if (el.classList.contains("trainer-only") || el.classList.contains("trainer-only-heading")) any = true;
        else only = false;
        el = el.nextElementSibling;
      }
      if (only && any) h.classList.add("trainer-only-heading");
    }
  }
  function setup() {
    var content = document.querySelector(".md-content__inner");
    if (!content || !content.querySelector(".trainer-only")) { apply(stored()); return; }
    markSections(content);
    // overrides/main.html puts the toggle (after the title) and the print button (in the module
    // bar) in the page, so that nothing moves when this runs; made here only if they are missing.
    var wrap = content.querySelector(".participant-toggle"), button = wrap && wrap.querySelector("button");
    if (!button) {
      wrap = document.createElement("p");
      wrap.className = "participant-toggle";
      button = document.createElement("button");
      button.type = "button";
      wrap.appendChild(button);
      var h1 = content.querySelector("h1");
      if (h1 && h1.nextSibling) content.insertBefore(wrap, h1.nextSibling); else content.prepend(wrap);
    }
    var bar = document.querySelector(".module-bar");
    if (bar) {  // module pages: print a participant handout from the module bar
      var print = bar.querySelector(".print-handout");
      if (!print) {
        print = document.createElement("button");
        print.type = "button";
        print.className = "print-handout";
        print.textContent = labels()[2];
        bar.appendChild(print);
      }
      print.addEventListener("click", function () {
        store(true); apply(true, button);
        window.print();
      });
    }
    apply(stored(), button);
    button.addEventListener("click", function () {
      var on = !document.documentElement.classList.contains("participant-view");
      store(on); apply(on, button);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
