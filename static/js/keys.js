// Keyboard shortcuts for people who live in the queue, the queue's select-all, and its filter
// links keeping a live search.
// Listeners are delegated on the document, so they keep working after htmx swaps.
(function () {
  "use strict";
  var focusedClaim = null; // the focused row and the ticked boxes survive a partial refresh
  var ticked = {};

  function typing(event) {
    var el = event.target;
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.row")); }
  function current() { return rows().findIndex(function (r) { return r.classList.contains("focused"); }); }
  function focusRow(index) {
    var all = rows();
    if (!all.length) return;
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r) { r.classList.remove("focused"); });
    all[index].classList.add("focused");
    all[index].scrollIntoView({ block: "nearest" });
    focusedClaim = all[index].dataset.claim;
  }
  function csrfToken() {
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    return headers["x-csrftoken"];
  }
  function updateCount() {
    var out = document.getElementById("selected-count");
    if (out) {
      var n = document.querySelectorAll('input[name="claims"]:checked').length;
      out.textContent = n ? n + " selected" : "";
    }
  }
  function refreshQueue() {
    window.htmx.ajax("GET", window.location.href, { target: "#queue-results", select: "#queue-results", swap: "outerHTML" });
  }
  function assignToMe(row) {
    var body = new URLSearchParams({ take: "1", version: row.dataset.version });
    var claimUrl = row.dataset.url.split("?")[0]; // "/claims/<id>/"
    fetch(claimUrl + "assign/", {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" }
    }).then(refreshQueue);
  }
  function toggleHelp() {
    var help = document.getElementById("kbd-help");
    if (help) help.hidden = !help.hidden;
  }

  function remember() {
    ticked = {};
    document.querySelectorAll('input[name="claims"]:checked').forEach(function (box) { ticked[box.value] = true; });
    updateCount();
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "select-all") {
      document.querySelectorAll('input[name="claims"]').forEach(function (box) { box.checked = event.target.checked; });
    }
    remember();
  });
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll('input[name="claims"]').forEach(function (box) { box.checked = !!ticked[box.value]; });
    updateCount();
    if (focusedClaim === null) return;
    var index = rows().findIndex(function (r) { return r.dataset.claim === focusedClaim; });
    if (index >= 0) focusRow(index);
  });
  document.addEventListener("keydown", function (event) {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    var i = current();
    var row = i >= 0 ? rows()[i] : null;
    if (event.key === "j") { focusRow(i + 1); }
    else if (event.key === "k") { focusRow(i - 1); }
    else if ((event.key === "o" || (event.key === "Enter" && event.target === document.body)) && row) {
      window.location = row.dataset.url;
    }
    else if (event.key === "x" && row) {
      var box = row.querySelector('input[name="claims"]');
      if (box) { box.checked = !box.checked; remember(); }
    }
    else if (event.key === "a" && row) { assignToMe(row); }
    else if (event.key === "e") {
      var next = document.getElementById("next-mine");
      if (!next) return;
      window.location = next.href;
    }
    else if (event.key === "/") {
      var search = document.getElementById("q");
      if (!search) return;
      search.focus();
    }
    else if (event.key === "?") { toggleHelp(); }
    else if (event.key === "Escape") { var help = document.getElementById("kbd-help"); if (help) help.hidden = true; return; }
    else { return; }
    event.preventDefault();
  });

  // The search box updates the list in place (htmx), so the filter sidebar's links still carry
  // the search of page load: give a clicked filter link the search as typed now.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".filters a");
    var search = document.getElementById("q");
    if (!link || !search) return;
    var url = new URL(link.href, window.location.href);
    if (search.value) url.searchParams.set("q", search.value);
    else url.searchParams.delete("q");
    link.href = url.toString();
  });
})();
