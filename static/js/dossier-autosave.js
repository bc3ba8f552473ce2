// Saves the draft while the holder types, and never loses what was typed: a pending save is
// finished before any other form of the page is sent (add a line, attach a file, submit) and
// sent with the browser's beacon when the page is left. Without JavaScript the
// "Enregistrer le brouillon" button does the same.
(() => {
  const form = document.getElementById("dossier-form");
  const status = document.getElementById("autosave-status");
  let dirty = false;
  let timer = null;
  let pending = null;

  const report = (message) => { if (status) status.textContent = message; };
  const failed = () => report(
    (status && status.dataset.errorLabel) ||
      "Enregistrement automatique impossible : utilisez le bouton « Enregistrer le brouillon »."
  );

  const save = () => {
    if (!form) return Promise.resolve();
    clearTimeout(timer);
    if (pending) return pending.then(() => (dirty ? save() : undefined));
    if (!dirty) return Promise.resolve();
    dirty = false;
    pending = fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then((response) => response.json())
      .then((data) => {
        if (data.saved) {
          report(`${(status && status.dataset.savedLabel) || "Enregistré automatiquement à"} ${data.saved_at}.`);
        } else {
          dirty = true;
          failed();
        }
      })
      .catch(() => { dirty = true; failed(); })
      .finally(() => { pending = null; });
    return pending;
  };

  if (form) {
    form.addEventListener("input", () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, 1500);
    });
    // Leaving the page (a link, the back button): what was typed goes with a beacon.
    window.addEventListener("pagehide", () => {
      if (dirty && navigator.sendBeacon) {
        navigator.sendBeacon(form.dataset.autosaveUrl, new FormData(form));
        dirty = false;
      }
    });
  }

  document.querySelectorAll("form").forEach((other) => {
    if (other === form) return;
    other.addEventListener("submit", (event) => {
      if (other.dataset.saved === "1" || (!dirty && !pending)) return;
      event.preventDefault();
      const submitter = event.submitter;
      save().finally(() => {
        other.dataset.saved = "1";
        if (other.requestSubmit) other.requestSubmit(submitter || undefined);
        else other.submit();
      });
    });
  });

  // A double click must not send the submission twice (the server is idempotent anyway).
  document.querySelectorAll("form[data-once]").forEach((once) => {
    once.addEventListener("submit", () => {
      setTimeout(() => once.querySelectorAll("button").forEach((button) => { button.disabled = true; }), 0);
    });
  });
})();
