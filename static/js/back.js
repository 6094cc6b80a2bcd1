// Back to a page that htmx changed in place: the browser's cache holds the page as first
// loaded, so Back showed a claim New and unassigned that had just been assigned, and offered
// steps already taken. Such a page is remembered (per tab) when a change is sent from it; on
// Back its live parts ([data-refresh-on-back]) are fetched again, what was typed into them is
// put back, and a message says the page was brought up to date.
(function () {
  "use strict";
  var KEY = "changed-in-place:" + location.pathname + location.search;

  document.addEventListener("htmx:afterRequest", function (event) {
    var verb = event.detail.requestConfig && event.detail.requestConfig.verb;
    if (verb && verb !== "get") {
      try { sessionStorage.setItem(KEY, "1"); } catch (e) { /* private mode: nothing kept */ }
    }
  });

  function typedIn(region) {
    var typed = [];
    region.querySelectorAll("textarea, input, select").forEach(function (field) {
      if (!field.name || field.type === "hidden" || field.type === "file") return;
      var changed = field.tagName === "SELECT"
        ? Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; })
        : (field.type === "checkbox" || field.type === "radio")
          ? field.checked !== field.defaultChecked
          : field.value !== field.defaultValue;
      if (!changed) return;
      var form = field.form;
      typed.push({
        action: form ? form.getAttribute("action") : null,
        name: field.name,
        value: field.value,
        checked: field.checked,
        kind: field.type
      });
    });
    return typed;
  }

  function putBack(region, typed) {
    typed.forEach(function (item) {
      var candidates = region.querySelectorAll("[name='" + item.name.replace(/'/g, "\\'") + "']");
      Array.prototype.some.call(candidates, function (field) {
        var form = field.form;
        if ((form ? form.getAttribute("action") : null) !== item.action) return false;
        if (item.kind === "checkbox" || item.kind === "radio") {
          if (field.value !== item.value) return false;
          field.checked = item.checked;
        } else {
          field.value = item.value;
        }
        return true;
      });
    });
  }

  function say(text) {
    var box = document.getElementById("messages");
    if (!box) return;
    var message = document.createElement("p");
    message.className = "message info back-refreshed";
    message.textContent = text;
    box.appendChild(message);
  }

  function refresh(region) {
    var typed = typedIn(region);
    var selector = "#" + region.id;
    // Not from the browser's cache, which holds the very copy being replaced.
    fetch(location.pathname + location.search, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok || response.redirected) throw new Error("not the page");
        return response.text();
      })
      .then(function (html) {
        htmx.swap(region, html, { swapStyle: "outerHTML" }, { select: selector });
        var fresh = document.querySelector(selector);
        if (fresh) putBack(fresh, typed);
        say("This page changed since your browser kept it: it now shows it as it is." +
            (typed.some(function (item) { return item.kind === "text" || item.kind === "textarea"; })
              ? " What you typed is still in its fields." : ""));
      })
      .catch(function () {
        say("This page may be out of date (it changed since your browser kept it): reload it before you act on it.");
      });
  }

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) return; // kept whole by the browser: as it was left
    var navigation = performance.getEntriesByType("navigation")[0];
    if (!navigation || navigation.type !== "back_forward") return;
    var changed = null;
    try { changed = sessionStorage.getItem(KEY); } catch (e) { return; }
    if (!changed) return;
    document.querySelectorAll("[data-refresh-on-back][id]").forEach(refresh);
  });
})();
