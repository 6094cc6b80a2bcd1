// Selecting words in a text to make a claim of them: the article's body ("Add claim") and the
// context on a claim's page ("Make this the claim"). A container opts in with data attributes:
//   data-selection-url, data-selection-method (get|post), data-selection-target (a selector),
//   data-selection-label, data-selection-values (JSON: more form values, e.g. the version).
// Offsets are counted in the container's text, in the browser's units (UTF-16); the server
// turns them into offsets of the article's text. Keys: `c` goes to the sentence list.
(function () {
  "use strict";
  var button = null;
  var pending = null;

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  function selectionIn(container) {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    return {
      start: offsetIn(container, range.startContainer, range.startOffset),
      end: offsetIn(container, range.endContainer, range.endOffset),
      rect: range.getBoundingClientRect()
    };
  }
  function hide() { if (button) button.hidden = true; pending = null; }
  function send() {
    if (!pending) return;
    var container = pending.container;
    var values = JSON.parse(container.dataset.selectionValues || "{}");
    values.u16start = pending.start;
    values.u16end = pending.end;
    var method = (container.dataset.selectionMethod || "get").toUpperCase();
    var url = container.dataset.selectionUrl;
    var target = container.dataset.selectionTarget;
    hide();
    window.htmx.ajax(method, url, { source: container, target: target, swap: "outerHTML", values: values })
      .then(function () {
        var first = document.querySelector(target + " input:not([type=hidden]), " + target + " select");
        if (first) first.focus();
      });
  }
  function show(container, found) {
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "button small selection-button";
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", send);
      document.body.appendChild(button);
    }
    pending = { container: container, start: found.start, end: found.end };
    button.textContent = container.dataset.selectionLabel || "Add claim";
    button.style.top = (window.scrollY + found.rect.bottom + 6) + "px";
    button.style.left = (window.scrollX + found.rect.left) + "px";
    button.hidden = false;
  }
  document.addEventListener("mouseup", function (event) {
    if (button && button.contains(event.target)) return;
    if (!event.target.closest || !event.target.closest("[data-selection-url]")) {
      hide(); // a click elsewhere (say in the form the button opened) does not offer it again
      return;
    }
    window.setTimeout(function () {
      var containers = document.querySelectorAll("[data-selection-url]");
      for (var i = 0; i < containers.length; i++) {
        var found = selectionIn(containers[i]);
        if (found) { show(containers[i], found); return; }
      }
      hide();
    }, 0);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); return; }
    var el = event.target;
    if (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "c") {
      var picker = document.getElementById("pick-sentence");
      if (picker) { event.preventDefault(); picker.focus(); }
    }
  });
})();
