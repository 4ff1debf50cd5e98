// The console's only script: draws the figures, keeps the job list and the health page current, sends the run form.
(() => {
  "use strict";

  function drawFigures(root) {
    for (const el of root.querySelectorAll("[data-figure]")) {
      if (el.dataset.drawn) continue;
      el.dataset.drawn = "1";
      try {
        const figure = JSON.parse(el.dataset.figure);
        const layout = Object.assign({ autosize: true, margin: { t: 40, r: 20, b: 40, l: 50 } }, figure.layout || {});
        window.Plotly.newPlot(el, figure.data || [], layout, { responsive: true, displaylogo: false })
          .then(() => el.setAttribute("data-plotted", String((figure.data || []).length)));
      } catch (e) {
        el.textContent = "This figure could not be drawn: " + e;
      }
    }
  }

  // Fetches this page again and swaps the parts marked data-live, so the list stays current without a page reload.
  function keepLive() {
    const live = document.querySelectorAll("[data-live]");
    if (live.length === 0) return;
    const seconds = Number(document.body.dataset.poll || "2");
    const toggle = document.getElementById("live");
    setInterval(async () => {
      if (toggle && !toggle.checked) return;
      try {
        const response = await fetch(location.href, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        for (const el of document.querySelectorAll("[data-live]")) {
          const fresh = page.getElementById(el.id);
          if (fresh && fresh.innerHTML !== el.innerHTML) {
            el.innerHTML = fresh.innerHTML;
            drawFigures(el);
          }
        }
      } catch (e) {
        // the next poll tries again
      }
    }, seconds * 1000);
  }

  function runForm() {
    const form = document.getElementById("run-form");
    if (!form) return;
    const text = form.querySelector("textarea");
    const plots = form.querySelector("input[name=plots]");
    const message = document.getElementById("run-message");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let job;
      try {
        job = JSON.parse(text.value);
      } catch (e) {
        message.textContent = "The job is not valid JSON: " + e.message;
        return;
      }
      if (plots && job && typeof job === "object" && !Array.isArray(job)) {
        if ("workflow_wiring" in job) {
          job.configuration = Object.assign({}, job.configuration, { run_pure_plot_operators: plots.checked });
        } else {
          job.run_pure_plot_operators = plots.checked;
        }
      }
      message.textContent = "Submitting…";
      const response = await fetch("/jobs", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Requested-With": "fetch" },
        credentials: "same-origin",
        body: JSON.stringify(job),
      });
      const body = await response.json().catch(() => ({}));
      if (response.status === 202 && body.job_id) {
        location.href = "/console/jobs/" + body.job_id;
      } else {
        message.textContent = "Refused (" + response.status + "): " + JSON.stringify(body.detail ?? body);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    drawFigures(document);
    keepLive();
    runForm();
  });
})();
