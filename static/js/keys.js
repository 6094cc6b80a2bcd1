// Keyboard shortcuts and the queue's select-all; works after htmx swaps (delegated listeners).
(function () {
  "use strict";
  function typing(event) {
    var el = event.target;
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.row")); }
  function focusRow(index) {
    var all = rows();
    if (!all.length) return;
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r) { r.classList.remove("focused"); });
    all[index].classList.add("focused");
    all[index].scrollIntoView({ block: "nearest" });
  }
  function current() { return rows().findIndex(function (r) { return r.classList.contains("focused"); }); }
  function updateCount() {
    var out = document.getElementById("selected-count");
    if (out) {
      var n = document.querySelectorAll('input[name="claims"]:checked').length;
      out.textContent = n ? n + " selected" : "";
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "select-all") {
      document.querySelectorAll('input[name="claims"]').forEach(function (box) { box.checked = event.target.checked; });
    }
    updateCount();
  });
  document.addEventListener("keydown", function (event) {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    var i = current();
    if (event.key === "j") { focusRow(i + 1); }
    else if (event.key === "k") { focusRow(i - 1); }
    else if ((event.key === "o" || event.key === "Enter") && i >= 0) { window.location = rows()[i].dataset.url; }
    else if (event.key === "x" && i >= 0) {
      var box = rows()[i].querySelector('input[name="claims"]');
      if (box) { box.checked = !box.checked; updateCount(); }
    }
    else if (event.key === "/") {
      var search = document.getElementById("q");
      if (search) { event.preventDefault(); search.focus(); }
    }
    else { return; }
  });
})();
