// A form marked data-draft="<key>" keeps what is typed in it in this browser (localStorage)
// until the server says it was received: a message with the class "draft-sent-<name>", where
// <name> is the key's part before its first ":". If the session ended and the form went to the
// login page, or the tab was closed, the text is put back the next time the form is opened, with
// a notice and a button to throw it away. The key names the user, so a shared computer does not
// hand one person's draft to another. A form that opens filled in (an article's details) keeps
// a draft only where the text differs from what the page brought. Files cannot be kept: only text.
(function () {
  "use strict";
  var PREFIX = "desk-draft:";

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" &&
        (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && /^(text|search|url|date|email)$/.test(el.type)));
    });
  }
  function read(key) {
    try { return JSON.parse(localStorage.getItem(PREFIX + key) || "null"); } catch (e) { return null; }
  }
  function changed(el) { return el.value.trim() !== el.defaultValue.trim(); }
  function save(form, key) {
    var values = {}, typed = false;
    fields(form).forEach(function (el) { values[el.name] = el.value; typed = typed || changed(el); });
    try {
      if (typed) localStorage.setItem(PREFIX + key, JSON.stringify({ at: Date.now(), values: values }));
      else localStorage.removeItem(PREFIX + key);
    } catch (e) { /* storage full or refused: the form still works */ }
  }
  function restore(form, key) {
    var draft = read(key);
    if (!draft || fields(form).some(changed)) return;
    var differs = fields(form).filter(function (el) {
      var value = draft.values[el.name];
      return typeof value === "string" && value.trim() !== el.defaultValue.trim();
    });
    if (!differs.length) return;
    differs.forEach(function (el) { el.value = draft.values[el.name]; });
    var details = form.closest("details");
    if (details) details.open = true;
    var notice = document.createElement("div");
    notice.className = "message info draft-restored";
    notice.setAttribute("role", "status");
    notice.append("Put back what you typed here on " + new Date(draft.at).toLocaleString() + " and had not sent. ");
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "link";
    discard.textContent = "Discard it";
    discard.addEventListener("click", function () {
      differs.forEach(function (el) { if (draft.values[el.name] === el.value) el.value = el.defaultValue; });
      localStorage.removeItem(PREFIX + key);
      notice.remove();
    });
    notice.append(discard);
    form.parentNode.insertBefore(notice, form);
  }

  document.querySelectorAll(".message[class*='draft-sent-']").forEach(function (message) {
    var name = /draft-sent-([\w-]+)/.exec(message.className)[1];
    Object.keys(localStorage).forEach(function (k) {
      if (k.indexOf(PREFIX + name + ":") === 0) localStorage.removeItem(k);
    });
  });
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = form.dataset.draft;
    restore(form, key);
    form.addEventListener("input", function () { save(form, key); });
  });
})();
