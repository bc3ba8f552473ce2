// Follows a large file while a worker parses it; without JavaScript the "Actualiser" link does
// the same. The page is reloaded once the preview (or the list of errors) is ready.
(() => {
  const box = document.getElementById("import-progress");
  if (!box) return;
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, { credentials: "same-origin" });
      if (response.ok) {
        const data = await response.json();
        if (!data.waiting) { window.location.reload(); return; }
        const label = box.querySelector("strong");
        if (label) label.textContent = `${data.state_label}.`;
      }
    } catch (error) { /* a passing outage: try again */ }
    setTimeout(poll, 3000);
  };
  setTimeout(poll, 3000);
})();
