// When an htmx request fails, say so beside the form that sent it, and keep what was typed.
// htmx swaps nothing on an error, so the form keeps its text; without this the button seemed
// to do nothing. A 401 means the session ended (newsroom/login_required.py): log in again in
// another tab and press the button again. That login gives the browser a new CSRF token: every
// request takes the current one from the cookie, not the one the page was rendered with.
(function () {
  "use strict";
  var NOTICE = "request-failure";

  function cookie(name) {
    var found = document.cookie.split("; ").find(function (c) { return c.indexOf(name + "=") === 0; });
    return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
  }
  function place(elt) {
    var form = elt && elt.closest ? elt.closest("form") || elt : null;
    return form && document.body.contains(form) ? form : document.getElementById("messages");
  }
  function clear(elt) {
    var where = place(elt);
    if (where && where.previousElementSibling && where.previousElementSibling.classList.contains(NOTICE)) {
      where.previousElementSibling.remove();
    }
  }
  function show(elt, status) {
    clear(elt);
    var where = place(elt);
    if (!where) return;
    var box = document.createElement("div");
    box.className = "message error " + NOTICE;
    box.setAttribute("role", "alert");
    if (status === 401) {
      box.append("You are logged out (the session ended), so this was not saved. What you typed is still here: ");
      var link = document.createElement("a");
      link.href = document.body.dataset.loginUrl || "/login/";
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "log in again in a new tab";
      box.append(link, ", then come back and send it again.");
    } else if (status === 0 || status === 502 || status === 504) {
      // No answer: the request may have been saved before the connection (or the server) went.
      box.textContent = "The desk did not answer, so this may have been saved or not. What you typed is still here: look at the page in another tab (or reload it after copying your text) before sending it again.";
    } else {
      box.textContent = "The desk could not do this (error " + status + "), so it was not saved. What you typed is still here: try again, or copy it before reloading the page.";
    }
    where.parentNode.insertBefore(box, where);
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = cookie("csrftoken");
    if (!token) return;
    event.detail.headers["x-csrftoken"] = token;
    var params = event.detail.parameters;
    if (params && params.csrfmiddlewaretoken !== undefined) params.csrfmiddlewaretoken = token;
  });
  document.addEventListener("htmx:beforeRequest", function (event) { clear(event.detail.elt); });
  document.addEventListener("htmx:responseError", function (event) {
    show(event.detail.elt, event.detail.xhr.status);
  });
  document.addEventListener("htmx:sendError", function (event) { show(event.detail.elt, 0); });
})();
