// Search as you type for SearchSelectMultiple (core/choices.py), after the ARIA 1.2 combobox
// pattern with a listbox popup. Without JavaScript the « Rechercher » button does the same by
// sending the form back; with it the button is hidden and the matches come from data-source.
(() => {
  const DELAY = 200;
  const format = (message, values) =>
    message.replace(/%\((\w+)\)s/g, (_, key) => values[key] ?? "");

  const enhance = (box) => {
    const input = box.querySelector('input[type="search"]');
    const listbox = box.querySelector('[role="listbox"]');
    const chosen = box.querySelector(".combobox-chosen");
    const empty = box.querySelector(".combobox-empty");
    const status = box.querySelector(".combobox-status");
    const { source, name, id } = box.dataset;
    if (!input || !listbox || !source || box.dataset.enhanced) return;
    box.dataset.enhanced = "true";  // the script comes with each such field of a page
    box.querySelector(".combobox-button").hidden = true;
    input.name = "";  // the query is not part of the submitted form once searched live
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    let options = [];
    let active = -1;
    let timer = null;
    let request = 0;

    const chosenValues = () =>
      new Set([...chosen.querySelectorAll("input:checked")].map((box) => box.value));

    const close = () => {
      listbox.hidden = true;
      listbox.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      options = [];
      active = -1;
    };

    const highlight = (index) => {
      options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };

    const add = (value, label) => {
      let existing = chosen.querySelector(`input[value="${CSS.escape(value)}"]`);
      if (!existing) {
        const item = document.createElement("li");
        existing = document.createElement("input");
        existing.type = "checkbox";
        existing.name = name;
        existing.value = value;
        existing.id = `${id}_${value}`;
        const text = document.createElement("label");
        text.htmlFor = existing.id;
        text.textContent = label;
        item.append(existing, " ", text);
        chosen.append(item);
      }
      existing.checked = true;
      empty.hidden = true;
      status.textContent = format(box.dataset.msgAdded, { label });
      input.value = "";
      close();
      input.focus();
    };

    const show = (data) => {
      const taken = chosenValues();
      const results = data.results.filter((result) => !taken.has(result.value));
      listbox.replaceChildren();
      options = results.map((result, index) => {
        const option = document.createElement("li");
        option.id = `${listbox.id}_${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.value = result.value;
        option.textContent = result.label;
        // mousedown, not click: the input keeps the focus.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          add(result.value, result.label);
        });
        listbox.append(option);
        return option;
      });
      if (!options.length) {
        status.textContent = box.dataset.msgNone;
        close();
        return;
      }
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      const said = format(box.dataset.msgCount, { count: String(options.length) });
      status.textContent = data.more ? `${said} ${box.dataset.msgMore}` : said;
    };

    const search = async () => {
      const query = input.value.trim();
      if (query.length < 2) {
        close();
        return;
      }
      const mine = ++request;
      const url = `${source}?${new URLSearchParams({ q: query })}`;
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok || mine !== request) return;
      show(await response.json());
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(search, DELAY);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        // Enter chooses; it never sends the whole form from the search box.
        event.preventDefault();
        if (active >= 0) add(options[active].dataset.value, options[active].textContent);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
    chosen.addEventListener("change", (event) => {
      const box_ = event.target;
      if (box_.checked) return;
      const label = chosen.querySelector(`label[for="${CSS.escape(box_.id)}"]`);
      status.textContent = format(box.dataset.msgRemoved, { label: label ? label.textContent : "" });
    });
  };

  document.querySelectorAll(".combobox[data-source]").forEach(enhance);
})();
