// Saves the draft a few seconds after the holder stops typing, so nothing typed is lost.
// Without JavaScript the "Enregistrer le brouillon" button does the same.
(() => {
  const form = document.getElementById("dossier-form");
  const status = document.getElementById("autosave-status");
  if (!form || !status) return;
  let timer = null;
  let saving = false;
  const save = async () => {
    if (saving) return;
    saving = true;
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const data = await response.json();
      status.textContent = data.saved
        ? `${status.dataset.savedLabel || "Enregistré automatiquement à"} ${data.saved_at}.`
        : status.dataset.errorLabel || "Enregistrement automatique impossible : utilisez le bouton « Enregistrer le brouillon ».";
    } catch (error) {
      status.textContent = status.dataset.errorLabel || "Enregistrement automatique impossible : utilisez le bouton « Enregistrer le brouillon ».";
    } finally {
      saving = false;
    }
  };
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  });
  // A double click must not send the submission twice (the server is idempotent anyway).
  document.querySelectorAll("form[data-once]").forEach((once) => {
    once.addEventListener("submit", () => {
      once.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    });
  });
})();
