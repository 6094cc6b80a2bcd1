// @mentions in a comment box (a textarea with data-mentions, the URL of the people search):
// typing "@ch" offers the desk's people whose username or name starts so; arrow keys choose,
// Enter or Tab puts "@username " in the text, Escape closes the menu.
(function () {
  "use strict";
  var menu = null, box = null, found = null, people = [], active = 0, timer = null, asked = 0;

  function mentionAt(textarea) {
    var before = textarea.value.slice(0, textarea.selectionStart);
    var match = /(^|[^\w@.+-])@([\w.+-]+)$/.exec(before);
    return match ? { start: before.length - match[2].length - 1, query: match[2] } : null;
  }
  function close() {
    if (menu) menu.hidden = true;
    people = [];
    box = found = null;
  }
  function show() {
    if (!menu) {
      menu = document.createElement("ul");
      menu.className = "mention-menu";
      menu.setAttribute("role", "listbox");
      menu.addEventListener("mousedown", function (event) {
        var item = event.target.closest("li");
        if (!item) return;
        event.preventDefault(); // keep the focus in the textarea
        choose(Number(item.dataset.index));
      });
      document.body.appendChild(menu);
    }
    menu.replaceChildren();
    people.forEach(function (person, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.dataset.index = i;
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      var name = document.createElement("strong");
      name.textContent = "@" + person.username;
      item.appendChild(name);
      if (person.name !== person.username) item.appendChild(document.createTextNode(" " + person.name));
      menu.appendChild(item);
    });
    var rect = box.getBoundingClientRect();
    menu.style.top = (window.scrollY + rect.bottom + 2) + "px";
    menu.style.left = (window.scrollX + rect.left) + "px";
    menu.hidden = people.length === 0;
  }
  function choose(index) {
    var person = people[index];
    if (!person || !box || !found) return;
    var caret = box.selectionStart;
    var text = "@" + person.username + " ";
    box.value = box.value.slice(0, found.start) + text + box.value.slice(caret);
    box.selectionStart = box.selectionEnd = found.start + text.length;
    box.focus();
    close();
  }
  document.addEventListener("input", function (event) {
    var textarea = event.target;
    if (!textarea.matches || !textarea.matches("textarea[data-mentions]")) return;
    var here = mentionAt(textarea);
    if (!here) { close(); return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var ticket = ++asked;
      fetch(textarea.dataset.mentions + "?q=" + encodeURIComponent(here.query), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (ticket !== asked) return; // a later keystroke asked again
          box = textarea; found = here; people = data.people; active = 0;
          show();
        });
    }, 120);
  });
  document.addEventListener("keydown", function (event) {
    if (!menu || menu.hidden || event.target !== box) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      active = (active + (event.key === "ArrowDown" ? 1 : people.length - 1)) % people.length;
      show();
    } else if (event.key === "Enter" || event.key === "Tab") {
      choose(active);
    } else if (event.key === "Escape") {
      close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }, true);
  document.addEventListener("focusout", function (event) { if (event.target === box) close(); });
})();
