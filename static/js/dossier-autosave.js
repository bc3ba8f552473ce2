// Saves the draft while the holder types, and never loses what was typed: a pending save is
// finished before any other form of the page is sent (add a line, attach a file, submit) and
// sent with the browser's beacon when the page is left. Without JavaScript the
// "Enregistrer le brouillon" button does the same.
// While the database restarts the portal answers 503 with Retry-After: the autosave and the
// submission are sent again after that delay (both are idempotent on the server).
(() => {
  const RETRIES = 6;
  const wait = (response) => {
    const seconds = parseInt((response && response.headers.get("Retry-After")) || "3", 10);
    return new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(seconds, 1), 30) * 1000));
  };
  // fetch, sent again on 503 or a broken connection, at most RETRIES times.
  const fetchRetrying = (url, options, onRetry, attempt = 0) =>
    fetch(url, options).then(
      (response) => {
        if (response.status !== 503 || attempt >= RETRIES) return response;
        if (onRetry) onRetry();
        return wait(response).then(() => fetchRetrying(url, options, onRetry, attempt + 1));
      },
      (error) => {
        if (attempt >= RETRIES) throw error;
        if (onRetry) onRetry();
        return wait(null).then(() => fetchRetrying(url, options, onRetry, attempt + 1));
      }
    );
  const form = document.getElementById("dossier-form");
  const status = document.getElementById("autosave-status");
  let dirty = false;
  let timer = null;
  let pending = null;

  const report = (message) => { if (status) status.textContent = message; };
  const retrying = () => report(
    (status && status.dataset.retryLabel) ||
      "Le portail redémarre : nouvel essai dans quelques secondes, rien n'est perdu."
  );
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
    pending = fetchRetrying(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }, retrying)
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
  // The submission itself goes by fetch so that a 503 is sent again rather than shown; the
  // page it ends on (the receipt, or the refusal with its reason) is then opened.
  document.querySelectorAll("form[data-once]").forEach((once) => {
    once.addEventListener("submit", (event) => {
      setTimeout(() => once.querySelectorAll("button").forEach((button) => { button.disabled = true; }), 0);
      if (!window.fetch || event.defaultPrevented) return;
      event.preventDefault();
      fetchRetrying(once.action, {
        method: "POST",
        body: new FormData(once),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      }, retrying)
        .then(async (response) => {
          if (response.status === 503) throw new Error("unavailable");
          if ((response.headers.get("Content-Type") || "").includes("application/json")) {
            const data = await response.json();
            if (data.location) { window.location.assign(data.location); return; }
          }
          // Anything else: let the browser show the server's own answer.
          HTMLFormElement.prototype.submit.call(once);
        })
        .catch(() => {
          report((status && status.dataset.errorLabel) || "");
          once.querySelectorAll("button").forEach((button) => { button.disabled = false; });
        });
    });
  });
})();
