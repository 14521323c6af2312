// Participant view: hide trainer notes and answer keys on screen and in print.
// overrides/main.html renders the toggle (after the title, with its two labels from data/labels.yml
// in data-off and data-on) and the print button (in a module page's bar) on pages that have
// trainer-only blocks, so nothing moves when this file wires them up; the choice is remembered per
// browser. ?view=participant or ?view=trainer in the address chooses it too (the inline script in
// overrides/main.html applies it before the first paint).
(function () {
  var KEY = "curriculum.participant-view";
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
  function apply(on, button) {
    document.documentElement.classList.toggle("participant-view", on);
    if (button) {
      var label = button.getAttribute(on ? "data-on" : "data-off");
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
    var button = content && content.querySelector(".participant-toggle button");
    if (!button) { apply(stored()); return; }
    markSections(content);
    var print = document.querySelector(".module-bar .print-handout");
    if (print) {  // module pages: print a participant handout from the module bar
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
