// Keyboard shortcuts for people who live in the queue, the queue's quick peek (a claim in a side
// panel beside the list), its select-all, and its filter links keeping a live search.
// Listeners are delegated on the document, so they keep working after htmx swaps.
(function () {
  "use strict";
  var focusedClaim = null; // the focused row and the ticked boxes survive a partial refresh
  var ticked = {};
  var peekTimer = null;

  function typing(event) {
    var el = event.target;
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.row")); }
  function current() { return rows().findIndex(function (r) { return r.classList.contains("focused"); }); }
  function focusRow(index) {
    var all = rows();
    if (!all.length) return null;
    index = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (r) { r.classList.remove("focused"); });
    all[index].classList.add("focused");
    all[index].scrollIntoView({ block: "nearest" });
    focusedClaim = all[index].dataset.claim;
    return all[index];
  }
  function csrfToken() {
    // The cookie's, if any: a login in another tab (after the session ended) changes it.
    var cookie = document.cookie.split("; ").find(function (c) { return c.indexOf("csrftoken=") === 0; });
    if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    return headers["x-csrftoken"];
  }
  function claimUrl(row) { return row.dataset.url.split("?")[0]; } // "/claims/<id>/"
  function updateCount() {
    var out = document.getElementById("selected-count");
    if (out) {
      var n = document.querySelectorAll('input[name="claims"]:checked').length;
      out.textContent = n ? n + " selected" : "";
    }
  }
  function refreshQueue() {
    if (!document.getElementById("queue-results")) return;
    window.htmx.ajax("GET", window.location.href, { target: "#queue-results", select: "#queue-results", swap: "outerHTML" });
  }

  // --- Quick peek: the URL keeps the open claim (?peek=<id>), so a reload shows it again.
  function peekPanel() { return document.getElementById("peek-panel"); }
  function peekOpen() { var panel = peekPanel(); return !!panel && !panel.hidden; }
  function setPeekInUrl(pk) {
    var url = new URL(window.location.href);
    if (pk) url.searchParams.set("peek", pk); else url.searchParams.delete("peek");
    window.history.replaceState(window.history.state, "", url);
  }
  function markPeeked() {
    var panel = peekPanel();
    var pk = panel && !panel.hidden ? panel.dataset.claim : null;
    rows().forEach(function (r) { r.classList.toggle("peeked", r.dataset.claim === pk); });
  }
  // Text typed in the panel (a comment, a reason) and not sent yet: another claim in the panel,
  // or closing it, would throw it away, so the person is asked first.
  function keepDraft() {
    var panel = peekPanel();
    if (!panel || panel.hidden) return false;
    var typed = Array.prototype.some.call(panel.querySelectorAll("textarea, input[type=text]"), function (field) {
      return field.value.trim() !== "" && field.value !== field.defaultValue;
    });
    return typed && !window.confirm("You have typed something in this claim's panel that is not saved. Discard it?");
  }
  function peek(row, wait) {
    if (!row || !peekPanel()) return;
    if (keepDraft()) return;
    setPeekInUrl(row.dataset.claim);
    window.clearTimeout(peekTimer);
    // While j/k run through the list, only the row they stop on is fetched.
    peekTimer = window.setTimeout(function () {
      window.htmx.ajax("GET", claimUrl(row) + "peek/", { target: "#peek-panel", swap: "outerHTML" });
    }, wait || 0);
  }
  function closePeek() {
    var panel = peekPanel();
    if (!panel || panel.hidden) return false;
    if (keepDraft()) return true;
    window.clearTimeout(peekTimer);
    panel.hidden = true;
    panel.replaceChildren();
    delete panel.dataset.claim;
    setPeekInUrl(null);
    markPeeked();
    return true;
  }
  document.addEventListener("queueChanged", refreshQueue); // an action taken in the panel
  document.addEventListener("DOMContentLoaded", function () {
    // Opened with ?peek=<id> (a reload, a shared link): its row is the focused one.
    var panel = peekPanel();
    if (!peekOpen()) return;
    var index = rows().findIndex(function (r) { return r.dataset.claim === panel.dataset.claim; });
    if (index >= 0) focusRow(index);
    markPeeked();
  });

  function assignToMe(row) {
    var body = new URLSearchParams({ take: "1", version: row.dataset.version });
    fetch(claimUrl(row) + "assign/", {
      method: "POST", body: body, credentials: "same-origin",
      // HX-Target: the list reloads itself and shows the confirmation (or the refusal).
      headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true", "HX-Target": "queue-results" }
    }).then(function () {
      refreshQueue();
      var panel = peekPanel();
      if (peekOpen() && panel.dataset.claim === row.dataset.claim) peek(row);
    });
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
    markPeeked();
    if (focusedClaim === null) return;
    var index = rows().findIndex(function (r) { return r.dataset.claim === focusedClaim; });
    if (index >= 0) focusRow(index);
  });
  document.addEventListener("keydown", function (event) {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      var closed = closePeek();
      if (hideHelp() || closed) event.preventDefault();
      return;
    }
    var i = current();
    var row = i >= 0 ? rows()[i] : null;
    if (event.key === "j" || event.key === "k") {
      var moved = focusRow(i + (event.key === "j" ? 1 : -1));
      if (moved && peekOpen()) peek(moved, 150);
    }
    else if ((event.key === "p" || (event.key === "Enter" && event.target === document.body)) && row) { peek(row); }
    else if (event.key === "o" && (row || peekOpen())) {
      var full = document.getElementById("peek-full");
      window.location = row ? row.dataset.url : full.href;
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
    else { return; }
    event.preventDefault();
  });
  function hideHelp() {
    var help = document.getElementById("kbd-help");
    if (!help || help.hidden) return false;
    help.hidden = true;
    return true;
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    // A claim's text in the queue opens the quick peek; a click with a modifier key (new tab,
    // new window) or without JavaScript opens the full page, which stays a link.
    var text = event.target.closest("tr.row a.claim-text");
    if (text && peekPanel() && event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      event.preventDefault();
      var row = text.closest("tr.row");
      focusRow(rows().indexOf(row));
      peek(row);
      return;
    }
    if (event.target.closest("#peek-close")) { closePeek(); return; }
    // The search box updates the list in place (htmx), so the filter sidebar's links still
    // carry the search of page load: give a clicked filter link the search as typed now.
    var link = event.target.closest(".filters a");
    var search = document.getElementById("q");
    if (!link || !search) return;
    var url = new URL(link.href, window.location.href);
    if (search.value) url.searchParams.set("q", search.value);
    else url.searchParams.delete("q");
    link.href = url.toString();
  });
})();
